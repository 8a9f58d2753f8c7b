import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  BehaviorSubject,
  Observable,
  catchError,
  combineLatest,
  map,
  of,
  startWith,
  switchMap,
} from 'rxjs';
import { AccessContext } from '../auth/access-context';
import { FhirError, toFhirError } from '../fhir/fhir-error';
import { PatientListMemory } from '../shared/patient-list-memory';
import { toPatientSummary } from '../fhir/patient-summary';
import { PatientService } from '../patients/patient.service';
import { BundlePager } from '../shared/bundle-pager';
import { ErrorPanel } from '../shared/error-panel';
import { SearchNotices } from '../shared/search-notices';
import { LOADING, LoadState } from '../shared/load-state';
import { ignoredQueryParams } from '../shared/url-state';
import { latestVitals } from './latest-vitals';
import { ObservationFilterForm } from './observation-filter-form';
import {
  NO_OBSERVATION_FILTERS,
  ObservationFilters,
  observationFiltersFromParams,
  observationFiltersToParams,
} from './observation-filters';
import { groupByCategory, visibleRows } from './observation-groups';
import { ObservationRow, toObservationRow } from './observation-row';
import { ObservationTable } from './observation-table';
import { ObservationPage, ObservationService } from './observation.service';
import { PatientBanner } from './patient-banner';
import { TrendChart } from './trend-chart';

/** Turns a request into loading → loaded | error, so templates only switch on a status. */
function loadState<T>(request: Observable<T>): Observable<LoadState<T>> {
  return request.pipe(
    map((data): LoadState<T> => ({ status: 'loaded', data })),
    catchError((error: unknown) =>
      of<LoadState<T>>({ status: 'error', error: toFhirError(error) }),
    ),
    startWith(LOADING),
  );
}

const NOT_PERMITTED: LoadState<never> = {
  status: 'error',
  error: new FhirError('forbidden', 'Not permitted.', 'Your access does not include observations.'),
};

function errorOf<T>(state: LoadState<T>) {
  return state.status === 'error' ? state.error : undefined;
}

function dataOf<T>(state: LoadState<T>): T | undefined {
  return state.status === 'loaded' ? state.data : undefined;
}

/** One patient's observations: banner, latest vitals, filters, grouped tables, paging, trends. */
@Component({
  selector: 'app-observations-page',
  imports: [
    MatCheckboxModule,
    MatProgressBarModule,
    RouterLink,
    ErrorPanel,
    BundlePager,
    ObservationFilterForm,
    ObservationTable,
    PatientBanner,
    SearchNotices,
    TrendChart,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './observations-page.html',
})
export class ObservationsPage {
  /** The patient id, bound from the route's `:id`. */
  readonly id = input.required<string>();

  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly patients = inject(PatientService);
  private readonly observations = inject(ObservationService);
  private readonly retries = new BehaviorSubject<void>(undefined);
  private readonly id$ = toObservable(this.id);

  private readonly listMemory = inject(PatientListMemory);
  private readonly access = inject(AccessContext);
  /** Patient-bound users have no patient list to go back to. */
  protected readonly canBrowsePatients = !this.access.boundPatientId();
  /** Users without an Observation scope get a note, and no request that would end in a 403. */
  protected readonly observationsAllowed = this.access.mayRead('Observation');

  /** Back to the same search and page the user came from. */
  protected readonly backLink = computed(() => this.router.parseUrl(this.listMemory.lastListUrl()));
  protected readonly filters = toSignal(
    this.route.queryParamMap.pipe(map(observationFiltersFromParams)),
    {
      requireSync: true,
    },
  );
  protected readonly ignoredParams = toSignal(
    this.route.queryParamMap.pipe(
      map((params) =>
        ignoredQueryParams(params, observationFiltersFromParams(params), NO_OBSERVATION_FILTERS),
      ),
    ),
    { requireSync: true },
  );
  protected readonly showEnteredInError = signal(false);
  protected readonly trendRow = signal<ObservationRow | undefined>(undefined);

  private readonly patientState = toSignal(
    combineLatest([this.id$, this.retries]).pipe(
      switchMap(([id]) => loadState(this.patients.read(id))),
    ),
    { initialValue: LOADING },
  );
  private readonly pageState = toSignal(
    combineLatest([this.id$, this.route.queryParamMap, this.retries]).pipe(
      switchMap(([id, params]) =>
        this.observationsAllowed
          ? loadState<ObservationPage>(
              this.observations.search(id, observationFiltersFromParams(params)),
            )
          : of(NOT_PERMITTED),
      ),
    ),
    { initialValue: LOADING },
  );
  private readonly vitalsState = toSignal(
    combineLatest([this.id$, this.retries]).pipe(
      switchMap(([id]) =>
        this.observationsAllowed
          ? loadState(this.observations.recentVitals(id))
          : of(NOT_PERMITTED),
      ),
    ),
    { initialValue: LOADING },
  );

  protected readonly patientLoading = computed(() => this.patientState().status === 'loading');
  protected readonly patientError = computed(() => errorOf(this.patientState()));
  protected readonly patientMissing = computed(() => this.patientError()?.kind === 'not-found');
  protected readonly patient = computed(() => {
    const patient = dataOf(this.patientState());
    return patient ? toPatientSummary(patient) : undefined;
  });

  protected readonly loading = computed(() => this.pageState().status === 'loading');
  /** A 403 is not a failure to retry: the user's access simply does not include observations. */
  protected readonly notPermitted = computed(() => errorOf(this.pageState())?.kind === 'forbidden');
  protected readonly error = computed(() =>
    this.notPermitted() ? undefined : errorOf(this.pageState()),
  );
  protected readonly page = computed(() => dataOf(this.pageState()));
  protected readonly rows = computed(() => (this.page()?.observations ?? []).map(toObservationRow));
  protected readonly hiddenCount = computed(
    () => this.rows().length - visibleRows(this.rows(), false).length,
  );
  protected readonly groups = computed(() =>
    groupByCategory(visibleRows(this.rows(), this.showEnteredInError())),
  );
  protected readonly totalText = computed(() => {
    const total = this.page()?.total;
    return total === undefined ? '' : `${total} ${total === 1 ? 'observation' : 'observations'}`;
  });
  protected readonly vitals = computed(() =>
    latestVitals((dataOf(this.vitalsState()) ?? []).map(toObservationRow)),
  );

  protected retry(): void {
    this.retries.next();
  }

  protected filtersChanged(change: Partial<ObservationFilters>): void {
    this.navigate({ ...this.filters(), ...change, cursor: '', page: 1 });
  }

  protected goToPage(link: string, page: number): void {
    this.navigate({ ...this.filters(), cursor: page === 1 ? '' : link, page });
  }

  private navigate(filters: ObservationFilters): void {
    this.trendRow.set(undefined);
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: observationFiltersToParams(filters),
    });
  }
}

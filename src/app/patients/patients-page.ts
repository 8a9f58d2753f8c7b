import { ChangeDetectionStrategy, Component, computed, effect, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { BehaviorSubject, catchError, combineLatest, map, of, startWith, switchMap } from 'rxjs';
import { toFhirError } from '../fhir/fhir-error';
import { BundlePager } from '../shared/bundle-pager';
import { ErrorPanel } from '../shared/error-panel';
import { SearchNotices } from '../shared/search-notices';
import { LOADING, LoadState } from '../shared/load-state';
import { ignoredQueryParams } from '../shared/url-state';
import { PatientCriteriaChange, PatientSearchForm } from './patient-search-form';
import { PatientListMemory } from '../shared/patient-list-memory';
import { toPatientSummary } from '../fhir/patient-summary';
import {
  DEFAULT_PATIENT_SEARCH,
  PatientSearch,
  patientSearchFromParams,
  patientSearchToParams,
} from './patient-search';
import { PatientPage, PatientService } from './patient.service';

/** "1 patient", "120 patients". */
export function formatPatientTotal(total: number): string {
  return `${total} ${total === 1 ? 'patient' : 'patients'}`;
}

/** The patient list: search form, table, total and paging. All state lives in the URL. */
@Component({
  selector: 'app-patients-page',
  imports: [
    MatProgressBarModule,
    RouterLink,
    ErrorPanel,
    PatientSearchForm,
    BundlePager,
    SearchNotices,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './patients-page.html',
})
export class PatientsPage {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly patients = inject(PatientService);
  private readonly retries = new BehaviorSubject<void>(undefined);

  protected readonly search = toSignal(
    this.route.queryParamMap.pipe(map(patientSearchFromParams)),
    { initialValue: DEFAULT_PATIENT_SEARCH },
  );
  protected readonly ignoredParams = toSignal(
    this.route.queryParamMap.pipe(
      map((params) =>
        ignoredQueryParams(params, patientSearchFromParams(params), DEFAULT_PATIENT_SEARCH),
      ),
    ),
    { initialValue: [] },
  );

  protected readonly state = toSignal(
    combineLatest([this.route.queryParamMap, this.retries]).pipe(
      switchMap(([params]) =>
        this.patients.search(patientSearchFromParams(params)).pipe(
          map((data): LoadState<PatientPage> => ({ status: 'loaded', data })),
          catchError((error: unknown) =>
            of<LoadState<PatientPage>>({ status: 'error', error: toFhirError(error) }),
          ),
          startWith(LOADING),
        ),
      ),
    ),
    { initialValue: LOADING as LoadState<PatientPage> },
  );

  protected readonly page = computed(() => {
    const state = this.state();
    return state.status === 'loaded' ? state.data : undefined;
  });
  protected readonly error = computed(() => {
    const state = this.state();
    return state.status === 'error' ? state.error : undefined;
  });
  protected readonly notices = computed(() => this.page()?.notices ?? []);
  protected readonly rows = computed(() =>
    (this.page()?.patients ?? []).map((p) => toPatientSummary(p)),
  );
  protected readonly totalText = computed(() => {
    const total = this.page()?.total;
    return total === undefined ? '' : formatPatientTotal(total);
  });

  constructor() {
    const memory = inject(PatientListMemory);
    effect(() => {
      this.search();
      memory.lastListUrl.set(this.router.url);
    });
  }

  /** Tells screen readers which column the list is sorted by, and which way. */
  protected ariaSort(column: 'name' | 'birthdate'): 'ascending' | 'descending' | null {
    const sort = this.search().sort;
    if (sort === column) return 'ascending';
    if (sort === `-${column}`) return 'descending';
    return null;
  }

  protected retry(): void {
    this.retries.next();
  }

  protected criteriaChanged(change: PatientCriteriaChange): void {
    // A new search starts again at its first page.
    this.navigate({ ...this.search(), ...change, cursor: '', page: 1 }, change.name !== undefined);
  }

  protected clearSearch(): void {
    this.navigate(DEFAULT_PATIENT_SEARCH, false);
  }

  protected nextPage(link: string): void {
    this.navigate({ ...this.search(), cursor: link, page: this.search().page + 1 }, false);
  }

  protected previousPage(link: string): void {
    const page = Math.max(1, this.search().page - 1);
    // Back on page one, use the plain search so the URL stays short and shareable.
    this.navigate({ ...this.search(), cursor: page === 1 ? '' : link, page }, false);
  }

  /** Typing replaces the history entry; paging and filters push one, so Back undoes them. */
  private navigate(search: PatientSearch, replaceUrl: boolean): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: patientSearchToParams(search),
      replaceUrl,
    });
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { EMPTY } from 'rxjs';
import { AccessContext } from '../auth/access-context';
import { nothingShownNote, othersInTotalNote } from '../fhir/patient-compartment';
import { describeResultSize, isPastTheEnd } from '../fhir/search-page';
import { Choice, ChoiceToggle } from '../shared/choice-toggle';
import { BundlePager, PageTurn } from '../shared/bundle-pager';
import { restartExpiredSearch } from '../shared/expired-search';
import { createLoader } from '../shared/load-state';
import { LoadStateView } from '../shared/load-state-view';
import { PatientHeader, patientHeader } from '../shared/patient-header';
import { SearchAdjustments } from '../shared/search-adjustments';
import { SearchNotices } from '../shared/search-notices';
import { queryState } from '../shared/url-state';
import { EnteredInErrorToggle } from './entered-in-error-toggle';
import { TrendTarget } from './flowsheet-grid';
import { LatestVitalsPanel } from './latest-vitals-panel';
import { ObservationFlowsheet } from './observation-flowsheet';
import { ObservationFilterForm } from './observation-filter-form';
import {
  NO_OBSERVATION_FILTERS,
  ObservationFilters,
  ObservationView,
  observationFiltersFromParams,
  observationFiltersToParams,
} from './observation-filters';
import { groupByCategory, visibleRows } from './observation-groups';
import { toObservationRow } from './observation-row';
import { ObservationTable } from './observation-table';
import { OBSERVATIONS_NOT_PERMITTED } from './observation-words';
import { ObservationService } from './observation.service';
import { TrendChart } from './trend-chart';

/** The observations as a flowsheet (a grid of measurements by date) or a list. */
const VIEWS: readonly Choice<ObservationView>[] = [
  { key: 'flowsheet', label: 'Flowsheet' },
  { key: 'list', label: 'List' },
];

/** One patient's observations: banner, latest vitals, filters, then a flowsheet or a paged list; trends. */
const OBSERVATIONS = { one: 'observation', many: 'observations' };

@Component({
  selector: 'app-observations-page',
  imports: [
    BundlePager,
    ChoiceToggle,
    EnteredInErrorToggle,
    LoadStateView,
    ObservationFilterForm,
    ObservationFlowsheet,
    ObservationTable,
    LatestVitalsPanel,
    PatientHeader,
    SearchNotices,
    SearchAdjustments,
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
  private readonly observations = inject(ObservationService);
  private readonly access = inject(AccessContext);
  /** Users without an Observation scope get a note, and no request that would end in a 403. */
  private readonly observationsAllowed = this.access.mayRead('Observation');

  private readonly query = queryState(observationFiltersFromParams, NO_OBSERVATION_FILTERS);
  protected readonly filters = this.query.state;
  protected readonly ignoredParams = this.query.ignored;
  protected readonly showEnteredInError = signal(false);
  protected readonly trend = signal<TrendTarget | undefined>(undefined);
  protected readonly views = VIEWS;

  protected readonly header = patientHeader(this.id);
  protected readonly vitals = createLoader({
    params: this.id,
    request: (id) => this.observations.recentVitals(id),
    permitted: this.observationsAllowed,
  });
  /**
   * A page link in the URL that is not one of this patient's observation searches (anyone can write
   * one into a link): it is not followed, the list starts from its first page, and the page says so.
   */
  protected readonly refusedLink = computed(() => {
    const { cursor } = this.filters();
    return cursor !== '' && !this.observations.mayFollow(cursor, this.id());
  });
  /** The filters the list is read with: the URL's, less a refused page link. */
  protected readonly listFilters = computed(() =>
    this.refusedLink() ? { ...this.filters(), cursor: '', page: 1 } : this.filters(),
  );

  protected readonly list = createLoader({
    params: () => ({ id: this.id(), filters: this.listFilters() }),
    // The flowsheet reads its own windows; the list's page is asked for only when it is shown.
    request: ({ id, filters }) =>
      filters.view === 'list' ? this.observations.search(id, filters) : EMPTY,
    permitted: this.observationsAllowed,
  });

  protected readonly rows = computed(() =>
    (this.list.data()?.resources ?? []).map(toObservationRow),
  );
  protected readonly enteredInErrorCount = computed(
    () => this.rows().length - visibleRows(this.rows(), false).length,
  );
  protected readonly groups = computed(() =>
    groupByCategory(visibleRows(this.rows(), this.showEnteredInError())),
  );
  protected readonly totalText = computed(() => {
    const page = this.list.data();
    if (!page) return '';
    const size = describeResultSize(page, this.listFilters().page, OBSERVATIONS);
    if (page.total === undefined) return size;
    const onePage = !page.nextLink && !page.previousLink;
    return size + othersInTotalNote(page.notThePatients, onePage ? 'all' : 'this page');
  });
  /** Said instead of "none match" when every entry the server sent was not the patient's. */
  protected readonly nothingShown = nothingShownNote;
  protected readonly notPermitted = OBSERVATIONS_NOT_PERMITTED;
  protected readonly pastTheEnd = computed(() => {
    const page = this.list.data();
    return page !== undefined && isPastTheEnd(page, this.listFilters().page);
  });
  /** Set when the server's stored results had expired (410 Gone) and the search ran again. */
  protected readonly restarted = restartExpiredSearch(this.list.state, () => {
    const { cursor } = this.filters();
    if (cursor) this.navigate({ ...this.filters(), cursor: '', page: 1 });
    return cursor !== '';
  });

  protected filtersChanged(change: Partial<ObservationFilters>): void {
    this.restarted.set(false);
    this.navigate({ ...this.filters(), ...change, cursor: '', page: 1, through: '' });
  }

  protected viewChanged(view: ObservationView): void {
    this.restarted.set(false);
    this.navigate({ ...this.filters(), view, cursor: '', page: 1, through: '' });
  }

  protected windowChanged(through: string): void {
    this.navigate({ ...this.filters(), through });
  }

  protected turnPage(turn: PageTurn): void {
    this.restarted.set(false);
    this.navigate({ ...this.filters(), ...turn });
  }

  private navigate(filters: ObservationFilters): void {
    this.trend.set(undefined);
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: observationFiltersToParams(filters),
    });
  }
}

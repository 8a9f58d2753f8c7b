import { ChangeDetectionStrategy, Component, computed, effect, inject } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { CapabilityService, unsupportedFields } from '../fhir/capabilities';
import { toPatientSummary } from '../fhir/patient-summary';
import { describeResultSize, isPastTheEnd } from '../fhir/search-page';
import { restartExpiredSearch } from '../shared/expired-search';
import { BundlePager, PageTurn } from '../shared/bundle-pager';
import { createLoader } from '../shared/load-state';
import { LoadStateView } from '../shared/load-state-view';
import { PatientListMemory } from '../shared/patient-list-memory';
import { SearchAdjustments, SortOutcome } from '../shared/search-adjustments';
import { SearchNotices } from '../shared/search-notices';
import { queryState } from '../shared/url-state';
import {
  PATIENT_FILTER_PARAMS,
  PatientCriteriaChange,
  PatientSearchForm,
} from './patient-search-form';
import {
  DEFAULT_PATIENT_SEARCH,
  FHIR_SORT,
  PATIENT_SORTS,
  PatientSearch,
  PatientSort,
  patientSearchFromParams,
  patientSearchToParams,
  sortPatients,
} from './patient-search';
import { PatientService } from './patient.service';

const PATIENTS = { one: 'patient', many: 'patients' };

/** The patient list: search form, table, total and paging. All state lives in the URL. */
@Component({
  selector: 'app-patients-page',
  imports: [
    RouterLink,
    LoadStateView,
    PatientSearchForm,
    BundlePager,
    SearchNotices,
    SearchAdjustments,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './patients-page.html',
})
export class PatientsPage {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly patients = inject(PatientService);
  private readonly capabilities = inject(CapabilityService);

  private readonly query = queryState(patientSearchFromParams, DEFAULT_PATIENT_SEARCH);
  protected readonly search = this.query.state;
  protected readonly ignoredParams = this.query.ignored;

  /** Filters the server's CapabilityStatement does not list for Patient. */
  protected readonly unsupportedFilters = computed(() =>
    unsupportedFields(this.capabilities.current(), 'Patient', PATIENT_FILTER_PARAMS),
  );
  /** Sorts it does not offer for Patient. */
  protected readonly unsupportedSorts = computed(() => {
    const capabilities = this.capabilities.current();
    const unsupported = (sort: PatientSort) => {
      const fhirSort = FHIR_SORT[sort];
      return fhirSort !== undefined && !capabilities.supportsSort('Patient', fhirSort);
    };
    return new Set(PATIENT_SORTS.map((s) => s.value).filter(unsupported));
  });

  protected readonly list = createLoader({
    params: this.search,
    request: (search) => this.patients.search(search),
  });
  protected readonly page = this.list.data;
  /** The page holds every result: no page before it, none after. */
  private readonly wholeResult = computed(() => {
    const page = this.page();
    return page !== undefined && this.search().page === 1 && !page.nextLink && !page.previousLink;
  });
  protected readonly sortOutcome = computed((): SortOutcome => {
    if (!this.page()?.unsorted || this.search().sort === '') return 'as-asked';
    return this.wholeResult() ? 'sorted-here' : 'server-order';
  });
  protected readonly rows = computed(() => {
    const patients = this.page()?.resources ?? [];
    // Sorting the whole result here costs nothing, and holds even where the server ignored _sort.
    const ordered = this.wholeResult() ? sortPatients(patients, this.search().sort) : patients;
    return ordered.map((p) => toPatientSummary(p));
  });
  protected readonly totalText = computed(() => {
    const page = this.page();
    return page ? describeResultSize(page, this.search().page, PATIENTS) : '';
  });
  protected readonly pastTheEnd = computed(() => {
    const page = this.page();
    return page !== undefined && isPastTheEnd(page, this.search().page);
  });
  /** Set when the server's stored results had expired (410 Gone) and the search ran again. */
  protected readonly restarted = restartExpiredSearch(this.list.state, () => {
    const { cursor } = this.search();
    if (cursor) this.navigate({ ...this.search(), cursor: '', page: 1 }, true);
    return cursor !== '';
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
    if (this.sortOutcome() === 'server-order') return null;
    const sort = this.search().sort;
    if (sort === column) return 'ascending';
    if (sort === `-${column}`) return 'descending';
    return null;
  }

  protected criteriaChanged(change: PatientCriteriaChange): void {
    this.restarted.set(false);
    // A new search starts again at its first page.
    this.navigate({ ...this.search(), ...change, cursor: '', page: 1 }, change.name !== undefined);
  }

  protected clearSearch(): void {
    this.navigate(DEFAULT_PATIENT_SEARCH, false);
  }

  protected turnPage(turn: PageTurn): void {
    this.restarted.set(false);
    this.navigate({ ...this.search(), ...turn }, false);
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

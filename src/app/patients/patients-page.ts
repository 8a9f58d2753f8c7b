import { ChangeDetectionStrategy, Component, computed, effect, inject } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { toPatientSummary } from '../fhir/patient-summary';
import { BundlePager, PageTurn } from '../shared/bundle-pager';
import { createLoader } from '../shared/load-state';
import { LoadStateView } from '../shared/load-state-view';
import { PatientListMemory } from '../shared/patient-list-memory';
import { SearchNotices } from '../shared/search-notices';
import { queryState } from '../shared/url-state';
import { PatientCriteriaChange, PatientSearchForm } from './patient-search-form';
import {
  DEFAULT_PATIENT_SEARCH,
  PatientSearch,
  patientSearchFromParams,
  patientSearchToParams,
} from './patient-search';
import { PatientService } from './patient.service';

/** "1 patient", "120 patients". */
export function formatPatientTotal(total: number): string {
  return `${total} ${total === 1 ? 'patient' : 'patients'}`;
}

/** The patient list: search form, table, total and paging. All state lives in the URL. */
@Component({
  selector: 'app-patients-page',
  imports: [RouterLink, LoadStateView, PatientSearchForm, BundlePager, SearchNotices],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './patients-page.html',
})
export class PatientsPage {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly patients = inject(PatientService);

  private readonly query = queryState(patientSearchFromParams, DEFAULT_PATIENT_SEARCH);
  protected readonly search = this.query.state;
  protected readonly ignoredParams = this.query.ignored;

  protected readonly list = createLoader({
    params: this.search,
    request: (search) => this.patients.search(search),
  });
  protected readonly page = this.list.data;
  protected readonly rows = computed(() =>
    (this.page()?.resources ?? []).map((p) => toPatientSummary(p)),
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

  protected criteriaChanged(change: PatientCriteriaChange): void {
    // A new search starts again at its first page.
    this.navigate({ ...this.search(), ...change, cursor: '', page: 1 }, change.name !== undefined);
  }

  protected clearSearch(): void {
    this.navigate(DEFAULT_PATIENT_SEARCH, false);
  }

  protected turnPage(turn: PageTurn): void {
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

import { Injectable, computed, inject, linkedSignal } from '@angular/core';
import { Observable, map } from 'rxjs';
import { AccessContext } from '../auth/access-context';
import { FHIR_SESSION } from '../fhir/fhir-session';
import { FhirClient } from '../fhir/fhir-client';
import { Bundle, Resource, ResourceOf } from '../fhir/fhir-types';
import { ResolvedResources, includedResources } from '../fhir/format-reference';
import {
  PatientPage,
  PatientScope,
  notThePatientsNotice,
  onlyThePatients,
} from '../fhir/patient-compartment';
import { SearchPage, toSearchPage } from '../fhir/search-page';
import { SearchParams, SearchableType } from '../fhir/search-contract';
import { PageTurn } from '../shared/bundle-pager';
import { Loader, createLoader } from '../shared/load-state';
import { ChartRow } from './chart-row';
import { ChartList, RowContext } from './sections/section';

/** A page of one chart list, with what its rows may name: the resources `_include` brought along. */
export interface SectionPage<T extends Resource> extends SearchPage<T>, PatientPage {
  readonly resolved: ResolvedResources;
}

/** The patient's own entries of a page, matches and includes alike; another patient's are left out. */
export function toSectionPage<T extends Resource>(
  bundle: Bundle<T>,
  resourceType: T['resourceType'],
  scope: PatientScope,
): SectionPage<T> {
  const own = onlyThePatients(bundle, scope);
  const page = toSearchPage(own.bundle, resourceType);
  return {
    ...page,
    notices: [...page.notices, ...notThePatientsNotice(own.others)],
    resolved: includedResources(own.bundle),
    notThePatients: own.others,
  };
}

/** A loaded page as rows: each resource read with what the page's `_include` brought along. */
export function pageRows<T extends Resource>(
  page: SectionPage<T>,
  toRow: (resource: T, context: RowContext) => ChartRow,
  fhirBase: string,
): ChartRow[] {
  const context = { resolved: page.resolved, fhirBase };
  return page.resources.map((resource) => toRow(resource, context));
}

/** Whose list: the patient, and in an encounter's record the encounter (`Encounter/id`). */
export interface ListOwner {
  readonly patient: string;
  readonly encounter?: string;
}

/**
 * The chart's searches: each list's own query (chart/sections/), every parameter declared in the
 * search contract (src/app/fhir/search-contract.ts).
 */
@Injectable({ providedIn: 'root' })
export class ChartQueries {
  private readonly fhir = inject(FhirClient);
  private readonly fhirBase = inject(FHIR_SESSION).baseUrl;

  /** A list's first page, or the page a Bundle link of it leads to. */
  list(list: ChartList, owner: ListOwner, cursor = ''): Observable<SectionPage<Resource>> {
    type Listed = Resource & { resourceType: SearchableType };
    // The list's query takes only its type's declared parameters (sections/section.ts checks it);
    // the owner's are declared for every chart type (patient) and for those an encounter's record
    // lists (encounter).
    const params = { ...list.query, ...owner } as SearchParams<SearchableType>;
    const request = cursor
      ? this.fhir.getLink<Listed>(cursor)
      : this.fhir.search<Listed>(list.type, params);
    const scope = { patientId: owner.patient, fhirBase: this.fhirBase };
    return request.pipe(map((bundle) => toSectionPage(bundle, list.type, scope)));
  }
}

/** A list as a page binds it: its loader, the page it is on, its rows. */
export interface OpenList<L extends ChartList = ChartList> {
  readonly spec: L;
  readonly loader: Loader<SectionPage<Resource>>;
  readonly turn: (turn: PageTurn) => void;
  readonly page: () => number;
  readonly rows: () => readonly ChartRow[] | undefined;
}

const FIRST_PAGE: PageTurn = { page: 1, cursor: '' };

/**
 * One list's loading, paging and rows, for the chart's sections and an encounter's record alike.
 * Call it in an injection context (a field initialiser), as createLoader. Nothing is requested that
 * the user's access leaves out; whenever the owner changes, the list goes back to its first page.
 */
export function openList<L extends ChartList>(spec: L, owner: () => ListOwner): OpenList<L> {
  const queries = inject(ChartQueries);
  const fhirBase = inject(FHIR_SESSION).baseUrl;
  const turn = linkedSignal({ source: owner, computation: () => FIRST_PAGE });
  const loader = createLoader({
    params: () => ({ owner: owner(), cursor: turn().cursor }),
    request: ({ owner, cursor }) => queries.list(spec, owner, cursor),
    permitted: inject(AccessContext).mayRead(spec.type),
  });
  const rows = computed(() => {
    const page = loader.data();
    // The page holds only the list's own type: toSearchPage leaves anything else out.
    return (
      page && pageRows(page, (r, c) => spec.toRow(r as ResourceOf<SearchableType>, c), fhirBase)
    );
  });
  return { spec, loader, rows, turn: (t) => turn.set(t), page: () => turn().page };
}

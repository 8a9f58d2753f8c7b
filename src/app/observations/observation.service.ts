import { Injectable, inject } from '@angular/core';
import { Observable, forkJoin, map, of, switchMap } from 'rxjs';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { FhirClient } from '../fhir/fhir-client';
import { Bundle, Observation } from '../fhir/fhir-types';
import { newestFirst, observationTime } from '../fhir/format-observation';
import {
  PatientPage,
  PatientScope,
  isSearchOfPatient,
  notThePatientsNotice,
  onlyThePatients,
} from '../fhir/patient-compartment';
import { SearchPage, toSearchPage } from '../fhir/search-page';
import {
  FLOWSHEET_MAX_PAGES,
  dayKey,
  enoughDays,
  flowsheetSearchParams,
  newerThrough,
  windowDays,
} from './flowsheet-window';
import {
  NO_OBSERVATION_FILTERS,
  ObservationFilters,
  observationSearchParams,
} from './observation-filters';

/** One flowsheet window as read from the server. */
export interface FlowsheetWindow {
  /** The window's observations, newest first, and any without a date that were read with them. */
  readonly observations: Observation[];
  /** The window's days, newest first (YYYY-MM-DD). */
  readonly days: string[];
  /** `through` of the older window; undefined when there is nothing older. */
  readonly older: string | undefined;
  /** `through` of the newer window ('' for the newest); undefined when there is nothing newer. */
  readonly newer: string | undefined;
  /** The window's one day holds more observations than a window reads. */
  readonly incomplete: boolean;
  readonly notices: string[];
}

/** Observations read page by page until a window's worth of days (and one more) is in. */
interface DayRun {
  readonly observations: Observation[];
  /** The reading stopped with pages left. */
  readonly more: boolean;
  readonly notices: string[];
  /** Entries read that did not name the patient, and so were left out. */
  readonly others: number;
}

const daysOf = (observations: readonly Observation[]) =>
  observations.map((o) => dayKey(observationTime(o)));

/** A page of the patient's own observations, newest first, and how many entries were not theirs. */
function ownObservations(
  bundle: Bundle<Observation>,
  scope: PatientScope,
): { readonly page: SearchPage<Observation>; readonly others: number } {
  const own = onlyThePatients(bundle, scope);
  const page = toSearchPage(own.bundle, 'Observation');
  // Sorted here too: not every server honours _sort=-date.
  return { page: { ...page, resources: newestFirst(page.resources) }, others: own.others };
}

/** A page of one patient's observations, newest first. */
export type ObservationPage = SearchPage<Observation> & PatientPage;

/** The page of the patient's own observations, its notes saying what was left out. */
function toObservationPage(bundle: Bundle<Observation>, scope: PatientScope): ObservationPage {
  const { page, others } = ownObservations(bundle, scope);
  return {
    ...page,
    notices: [...page.notices, ...notThePatientsNotice(others)],
    notThePatients: others,
  };
}

/** How many paging links the service remembers having been given (a session reads a few hundred pages). */
const REMEMBERED_LINKS = 500;

@Injectable({ providedIn: 'root' })
export class ObservationService {
  private readonly fhir = inject(FhirClient);
  private readonly fhirBase = inject(RUNTIME_CONFIG).fhir.baseUrl;
  /** Paging links the server gave for a patient's observation pages, and whose they were. */
  private readonly offeredLinks = new Map<string, string>();

  private scope(patientId: string): PatientScope {
    return { patientId, fhirBase: this.fhirBase };
  }

  /**
   * Whether a paging link from a URL may be followed on this patient's page: one the server gave for
   * this patient's observations in this session (an opaque HAPI `_getpages` link included), or a
   * search of this patient's observations on the FHIR base. Anyone can write a link into a URL.
   */
  mayFollow(link: string, patientId: string): boolean {
    return (
      this.offeredLinks.get(link) === patientId ||
      isSearchOfPatient(link, 'Observation', this.scope(patientId))
    );
  }

  /**
   * One page of a patient's observations: the first page of the filters, or a paging link (which the
   * caller has checked with mayFollow).
   */
  search(patientId: string, filters: ObservationFilters): Observable<ObservationPage> {
    const request = filters.cursor
      ? this.fhir.getLink<Observation>(filters.cursor)
      : this.fhir.search<Observation>('Observation', observationSearchParams(patientId, filters));
    return request.pipe(
      map((bundle) => {
        const page = toObservationPage(bundle, this.scope(patientId));
        for (const link of [page.nextLink, page.previousLink]) this.remember(link, patientId);
        return page;
      }),
    );
  }

  private remember(link: string | undefined, patientId: string): void {
    if (!link) return;
    this.offeredLinks.delete(link);
    this.offeredLinks.set(link, patientId);
    for (const oldest of this.offeredLinks.keys()) {
      if (this.offeredLinks.size <= REMEMBERED_LINKS) break;
      this.offeredLinks.delete(oldest);
    }
  }

  /**
   * One flowsheet window: the `days` newest days on or before `through` ('' for the newest on record),
   * with the filters applied, and where the older and newer windows start.
   */
  flowsheetWindow(
    patientId: string,
    filters: ObservationFilters,
    days: number,
  ): Observable<FlowsheetWindow> {
    const { through } = filters;
    const search = (direction: 'older' | 'newer') =>
      this.fhir.search<Observation>(
        'Observation',
        flowsheetSearchParams(patientId, filters, { through, direction }),
      );
    const scope = this.scope(patientId);
    return forkJoin({
      current: this.readDays(search('older'), scope, days, 'newest'),
      newer: through ? this.readDays(search('newer'), scope, days, 'oldest') : of(undefined),
    }).pipe(
      map(({ current, newer }) => {
        const window = windowDays(daysOf(current.observations), current.more, days);
        return {
          observations: current.observations.filter((o) => {
            const day = dayKey(observationTime(o));
            return day === '' || window.days.includes(day);
          }),
          days: window.days,
          older: window.older,
          newer: newer && newerThrough(daysOf(newer.observations), newer.more, days),
          incomplete: window.incomplete,
          notices: [
            ...new Set([...current.notices, ...(newer?.notices ?? [])]),
            ...notThePatientsNotice(current.others),
          ],
        };
      }),
    );
  }

  /** Follows next links until more than `days` days are in, the pages run out, or the cap is hit. */
  private readDays(
    request: Observable<Bundle<Observation>>,
    scope: PatientScope,
    days: number,
    order: 'newest' | 'oldest',
    read: DayRun = { observations: [], more: false, notices: [], others: 0 },
    pages = 1,
  ): Observable<DayRun> {
    return request.pipe(
      switchMap((bundle) => {
        const { page, others } = ownObservations(bundle, scope);
        const sorted = order === 'newest' ? page.resources : [...page.resources].reverse();
        const run: DayRun = {
          observations: [...read.observations, ...sorted],
          more: page.nextLink !== undefined,
          notices: [...read.notices, ...page.notices],
          others: read.others + others,
        };
        const done = enoughDays(daysOf(run.observations), days) || pages >= FLOWSHEET_MAX_PAGES;
        return done || !page.nextLink
          ? of(run)
          : this.readDays(
              this.fhir.getLink<Observation>(page.nextLink),
              scope,
              days,
              order,
              run,
              pages + 1,
            );
      }),
    );
  }

  /** The newest vital signs, for the summary at the top of the page. */
  recentVitals(patientId: string): Observable<ObservationPage> {
    const filters = { ...NO_OBSERVATION_FILTERS, category: 'vital-signs' as const };
    return this.fhir
      .search<Observation>('Observation', observationSearchParams(patientId, filters, 100))
      .pipe(map((bundle) => toObservationPage(bundle, this.scope(patientId))));
  }

  /** Every observation of one code for a patient, oldest first, for a trend chart. */
  history(patientId: string, loinc: string): Observable<ObservationPage> {
    return this.fhir
      .search<Observation>('Observation', {
        patient: patientId,
        code: loinc,
        _sort: 'date',
        _count: 200,
      })
      .pipe(
        map((bundle) => {
          const page = toObservationPage(bundle, this.scope(patientId));
          return { ...page, resources: [...page.resources].reverse() };
        }),
      );
  }
}

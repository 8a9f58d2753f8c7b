import { Injectable, inject } from '@angular/core';
import { Observable, forkJoin, map, of, switchMap } from 'rxjs';
import { FHIR_SESSION } from '../fhir/fhir-session';
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
import { ColumnUnit, columnKey } from './flowsheet-columns';
import {
  FLOWSHEET_MAX_PAGES,
  enoughColumns,
  flowsheetSearchParams,
  newerThrough,
  unitFor,
  windowColumns,
} from './flowsheet-window';
import { VITAL_SIGNS, latestVitals } from './latest-vitals';
import { toObservationRow } from './observation-row';
import { PagesRead, readPages } from './page-reading';
import {
  NO_OBSERVATION_FILTERS,
  ObservationFilters,
  observationSearchParams,
} from './observation-filters';

/** One flowsheet window as read from the server. */
export interface FlowsheetWindow extends PatientPage {
  /** The window's observations, newest first, and any without a date that were read with them. */
  readonly observations: Observation[];
  /** Days, or hours where a day holds many readings. */
  readonly unit: ColumnUnit;
  /** The window's columns, newest first (see columnKey). */
  readonly columns: string[];
  /** `through` of the older window; undefined when there is nothing older. */
  readonly older: string | undefined;
  /** `through` of the newer window ('' for the newest); undefined when there is nothing newer. */
  readonly newer: string | undefined;
  /** The window's one column holds more observations than a window reads. */
  readonly incomplete: boolean;
  /**
   * The server did not sort by date and pages were left after the most a window reads: the columns
   * stand on whichever readings came first, so they may miss some, and newer ones may exist.
   */
  readonly unordered: boolean;
  readonly notices: string[];
}

/** The pages of one side of a window, and the column unit their density called for. */
interface SideRead {
  readonly read: PagesRead;
  readonly unit: ColumnUnit;
  readonly times: number[];
}

/** The newest vital signs read first: a clinic visit's eight, several times over. */
const VITALS_PAGE = 50;

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
  private readonly fhirBase = inject(FHIR_SESSION).baseUrl;
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
   * One flowsheet window: the columns on or before `through` ('' for the newest on record), with the
   * filters applied, and where the older and newer windows start. The newer side of an hour window
   * needs one page: its first reading's hour is where the newer window starts.
   */
  flowsheetWindow(patientId: string, filters: ObservationFilters): Observable<FlowsheetWindow> {
    const { through } = filters;
    const search = (direction: 'older' | 'newer') =>
      this.fhir.search<Observation>(
        'Observation',
        flowsheetSearchParams(patientId, filters, { through, direction }),
      );
    const scope = this.scope(patientId);
    return forkJoin({
      current: this.readSide(search('older'), scope, 'older'),
      newer: through ? this.readSide(search('newer'), scope, 'newer') : of(undefined),
    }).pipe(
      map(({ current, newer }) => {
        const { unit } = current;
        const window = windowColumns(current.times, current.read.more, unit);
        return {
          observations: newestFirst(current.read.observations).filter((o) => {
            const key = columnKey(observationTime(o), unit);
            return key === '' || window.columns.includes(key);
          }),
          unit,
          columns: window.columns,
          older: window.older,
          newer: newer && newerThrough(newer.times, newer.read.more, newer.unit),
          incomplete: window.incomplete,
          unordered: [current, newer].some((side) => side?.read.unsorted && side.read.more),
          notices: [
            ...new Set([...current.read.notices, ...(newer?.read.notices ?? [])]),
            ...notThePatientsNotice(current.read.others),
          ],
          notThePatients: current.read.others,
        };
      }),
    );
  }

  /** Reads one side of a window until it has its columns, the pages run out, or the cap is hit. */
  private readSide(
    first: Observable<Bundle<Observation>>,
    scope: PatientScope,
    side: 'older' | 'newer',
  ): Observable<SideRead> {
    const timesOf = (read: PagesRead) => {
      const times = read.observations.map(observationTime).filter(Number.isFinite);
      return times.sort((a, b) => (side === 'older' ? b - a : a - b));
    };
    // The first page says how dense the readings are; the unit holds for the rest of the window.
    // Pages out of date order say nothing of where a window ends: read on, within the cap.
    let unit: ColumnUnit | undefined;
    const enough = (read: PagesRead) => {
      const times = timesOf(read);
      unit ??= unitFor(times);
      if (read.unsorted) return false;
      return side === 'newer'
        ? unit === 'hour' || enoughColumns(times, unit)
        : enoughColumns(times, unit);
    };
    return readPages(this.fhir, first, scope, FLOWSHEET_MAX_PAGES, enough, side === 'older').pipe(
      map((read) => {
        const times = timesOf(read);
        return { read, times, unit: unit ?? unitFor(times) };
      }),
    );
  }

  /**
   * What the latest-vitals summary needs: the newest page of vital signs, and, when more pages are
   * left and a vital sign is not on it (a monitor's readings crowd out a clinic's weight), that sign's
   * newest reading by its codes. Never all of a patient's vital signs; only the patient's own.
   */
  recentVitals(patientId: string): Observable<ObservationPage> {
    const filters = { ...NO_OBSERVATION_FILTERS, category: 'vital-signs' as const };
    const scope = this.scope(patientId);
    return this.fhir
      .search<Observation>('Observation', observationSearchParams(patientId, filters, VITALS_PAGE))
      .pipe(
        switchMap((bundle) => {
          const first = ownObservations(bundle, scope);
          const found = latestVitals(first.page.resources.map(toObservationRow)).map(
            (v) => v.label,
          );
          const missing = first.page.nextLink
            ? VITAL_SIGNS.filter((vital) => !found.includes(vital.label))
            : [];
          const latestOf = (codes: readonly string[]) =>
            this.fhir
              .search<Observation>('Observation', {
                patient: patientId,
                code: codes.join(','),
                _sort: '-date',
                _count: 1,
              })
              .pipe(map((one) => ownObservations(one, scope)));
          return (
            missing.length ? forkJoin(missing.map((vital) => latestOf(vital.loinc))) : of([])
          ).pipe(
            map((more): ObservationPage => {
              const pages = [first, ...more];
              const others = pages.reduce((sum, read) => sum + read.others, 0);
              return {
                ...first.page,
                resources: pages.flatMap((read) => read.page.resources),
                notices: [
                  ...new Set(pages.flatMap((read) => read.page.notices)),
                  ...notThePatientsNotice(others),
                ],
                notThePatients: others,
              };
            }),
          );
        }),
      );
  }
}

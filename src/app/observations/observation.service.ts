import { Injectable, inject } from '@angular/core';
import { Observable, forkJoin, map, of, switchMap } from 'rxjs';
import { FhirClient } from '../fhir/fhir-client';
import { Bundle, Observation } from '../fhir/fhir-types';
import { newestFirst, observationTime } from '../fhir/format-observation';
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
}

const daysOf = (observations: readonly Observation[]) =>
  observations.map((o) => dayKey(observationTime(o)));

function toObservationPage(bundle: Bundle<Observation>): SearchPage<Observation> {
  const page = toSearchPage(bundle, 'Observation');
  // Sorted here too: not every server honours _sort=-date.
  return { ...page, resources: newestFirst(page.resources) };
}

@Injectable({ providedIn: 'root' })
export class ObservationService {
  private readonly fhir = inject(FhirClient);

  /** One page of a patient's observations: the first page of the filters, or a paging link. */
  search(patientId: string, filters: ObservationFilters): Observable<SearchPage<Observation>> {
    const request = filters.cursor
      ? this.fhir.getLink<Observation>(filters.cursor)
      : this.fhir.search<Observation>('Observation', observationSearchParams(patientId, filters));
    return request.pipe(map(toObservationPage));
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
    return forkJoin({
      current: this.readDays(search('older'), days, 'newest'),
      newer: through ? this.readDays(search('newer'), days, 'oldest') : of(undefined),
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
          notices: [...new Set([...current.notices, ...(newer?.notices ?? [])])],
        };
      }),
    );
  }

  /** Follows next links until more than `days` days are in, the pages run out, or the cap is hit. */
  private readDays(
    request: Observable<Bundle<Observation>>,
    days: number,
    order: 'newest' | 'oldest',
    read: DayRun = { observations: [], more: false, notices: [] },
    pages = 1,
  ): Observable<DayRun> {
    return request.pipe(
      switchMap((bundle) => {
        const page = toObservationPage(bundle);
        const sorted = order === 'newest' ? page.resources : [...page.resources].reverse();
        const run: DayRun = {
          observations: [...read.observations, ...sorted],
          more: page.nextLink !== undefined,
          notices: [...read.notices, ...page.notices],
        };
        const done = enoughDays(daysOf(run.observations), days) || pages >= FLOWSHEET_MAX_PAGES;
        return done || !page.nextLink
          ? of(run)
          : this.readDays(
              this.fhir.getLink<Observation>(page.nextLink),
              days,
              order,
              run,
              pages + 1,
            );
      }),
    );
  }

  /** The newest vital signs, for the summary at the top of the page. */
  recentVitals(patientId: string): Observable<Observation[]> {
    const filters = { ...NO_OBSERVATION_FILTERS, category: 'vital-signs' as const };
    return this.fhir
      .search<Observation>('Observation', observationSearchParams(patientId, filters, 100))
      .pipe(map((bundle) => toObservationPage(bundle).resources));
  }
}

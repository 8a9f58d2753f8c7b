import { Observable, of, switchMap } from 'rxjs';
import { FhirClient } from '../fhir/fhir-client';
import { Bundle, Observation } from '../fhir/fhir-types';
import { observationTime } from '../fhir/format-observation';
import { PatientScope, onlyThePatients } from '../fhir/patient-compartment';
import { toSearchPage } from '../fhir/search-page';

/** The pages of one search read so far, in the server's order. */
export interface PagesRead {
  readonly observations: Observation[];
  readonly pages: number;
  /** The reading stopped with pages left. */
  readonly more: boolean;
  /** The server's count of all matches, from its first page; undefined when it did not count. */
  readonly total: number | undefined;
  readonly notices: string[];
  /** The server did not sort as asked: it said so, or its pages are out of date order. */
  readonly unsorted: boolean;
  /** Entries that did not name the patient, and so were left out (see onlyThePatients). */
  readonly others: number;
}

const NOTHING_READ: PagesRead = {
  observations: [],
  pages: 0,
  more: false,
  total: undefined,
  notices: [],
  unsorted: false,
  others: 0,
};

/** Whether readings run newest first, as `_sort=-date` asks (undated ones are not looked at). */
export function isNewestFirst(observations: readonly Observation[]): boolean {
  const times = observations.map(observationTime).filter(Number.isFinite);
  return times.every((time, i) => i === 0 || time <= times[i - 1]);
}

/**
 * Follows a search's next links until the pages run out, `enough` says so, or `maxPages` are read:
 * a patient with thousands of readings never makes a screen read without end. Only the patient's own
 * observations are kept; the others are counted.
 */
export function readPages(
  fhir: FhirClient,
  first: Observable<Bundle<Observation>>,
  scope: PatientScope,
  maxPages: number,
  enough: (read: PagesRead) => boolean = () => false,
  newestFirst = true,
): Observable<PagesRead> {
  const step = (request: Observable<Bundle<Observation>>, read: PagesRead): Observable<PagesRead> =>
    request.pipe(
      switchMap((bundle) => {
        const own = onlyThePatients(bundle, scope);
        const page = toSearchPage(own.bundle, 'Observation');
        const observations = [...read.observations, ...page.resources];
        const next: PagesRead = {
          observations,
          pages: read.pages + 1,
          more: page.nextLink !== undefined,
          total: read.pages === 0 ? page.total : read.total,
          notices: [...new Set([...read.notices, ...page.notices])],
          unsorted:
            read.unsorted ||
            page.unsorted ||
            !isNewestFirst(newestFirst ? observations : [...observations].reverse()),
          others: read.others + own.others,
        };
        return page.nextLink && next.pages < maxPages && !enough(next)
          ? step(fhir.getLink<Observation>(page.nextLink), next)
          : of(next);
      }),
    );
  return step(first, NOTHING_READ);
}

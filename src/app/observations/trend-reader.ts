import { Injectable, inject } from '@angular/core';
import { Observable, map, of, switchMap } from 'rxjs';
import { FHIR_SESSION } from '../fhir/fhir-session';
import { FhirClient } from '../fhir/fhir-client';
import { Observation } from '../fhir/fhir-types';
import { observationTime } from '../fhir/format-observation';
import { PatientScope, onlyThePatients } from '../fhir/patient-compartment';
import { toSearchPage } from '../fhir/search-page';
import { PagesRead, readPages } from './page-reading';
import {
  TREND_MAX_PAGES,
  TREND_PAGE_SIZE,
  TREND_PROBE_SIZE,
  TREND_READABLE_POINTS,
  TrendSpan,
  longerSpan,
  searchInstant,
  spanDates,
  spanForDensity,
  spanMs,
} from './trend-span';

/** What a trend read: the span, the readings, and how much of the span they are. */
export interface TrendRead {
  readonly span: TrendSpan;
  /** The latest reading's time, where spans end; undefined when nothing has a date. */
  readonly latest: number | undefined;
  /** The readings read, in no particular order. */
  readonly observations: Observation[];
  /**
   * Readings in the span: the number read once every page was read, else the server's count (which
   * includes any entries not naming the patient on pages not read).
   */
  readonly total: number | undefined;
  /** Every reading of the span was read. */
  readonly complete: boolean;
  /** The server sent the span newest first, so a read cut short holds its most recent readings. */
  readonly newestFirst: boolean;
  /** The server's notes on the searches. */
  readonly notices: string[];
  /** Entries that did not name the patient: neither charted nor counted among the readings. */
  readonly notThePatients: number;
}

/** The span the user chose, and where spans end (from the trend first shown). */
export interface TrendChoice {
  readonly span: TrendSpan;
  readonly latest: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Probes for the latest reading on a server that cannot sort: enough to narrow decades to a minute. */
const MAX_PROBES = 40;
/** The last instant every FHIR server can parse (a four-digit year). */
const LAST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59);

const latestTime = (observations: readonly Observation[]) => {
  const times = observations.map(observationTime).filter(Number.isFinite);
  return times.length ? Math.max(...times) : undefined;
};

function toTrendRead(span: TrendSpan, read: PagesRead, latest?: number): TrendRead {
  const complete = !read.more;
  return {
    span,
    latest: latest ?? latestTime(read.observations),
    observations: read.observations,
    // Once every page is read, the count is what was read: a server's total also counts entries
    // that did not name the patient.
    total: complete ? read.observations.length : read.total,
    complete,
    newestFirst: !read.unsorted,
    notices: read.notices,
    notThePatients: read.others,
  };
}

/** A span grown by the older readings of a longer one: `older` is what lies before `shorter`. */
function grown(span: TrendSpan, shorter: TrendRead, older: TrendRead): TrendRead {
  const ids = new Set(shorter.observations.map((o) => o.id));
  return {
    span,
    latest: shorter.latest,
    observations: [
      ...shorter.observations,
      ...older.observations.filter((o) => o.id === undefined || !ids.has(o.id)),
    ],
    total:
      shorter.total !== undefined && older.total !== undefined
        ? shorter.total + older.total
        : undefined,
    complete: shorter.complete && older.complete,
    newestFirst: shorter.newestFirst && older.newestFirst,
    notices: [...new Set([...shorter.notices, ...older.notices])],
    notThePatients: shorter.notThePatients + older.notThePatients,
  };
}

/**
 * Reads a measurement's trend. Without a choice: first the newest readings (one small page), which
 * hold an outpatient's whole history; otherwise they show how dense the history is, and the longest
 * span a chart draws legibly is read. A server that does not sort (or says nothing of it) is asked for
 * the latest reading's time, then spans are read from the shortest up while they stay legible.
 * Every span is a date-bounded search whose pages are followed up to TREND_MAX_PAGES.
 */
@Injectable({ providedIn: 'root' })
export class TrendReader {
  private readonly fhir = inject(FhirClient);
  private readonly fhirBase = inject(FHIR_SESSION).baseUrl;

  read(patientId: string, loinc: string, choice?: TrendChoice): Observable<TrendRead> {
    if (choice) return this.span(patientId, loinc, choice.span, choice.latest);
    const probe = this.search(patientId, loinc, undefined, TREND_PROBE_SIZE);
    return readPages(this.fhir, probe, this.scope(patientId), 1).pipe(
      switchMap((probe) => {
        if (!probe.more) return of(toTrendRead('all', probe));
        if (probe.total !== undefined && probe.total <= TREND_READABLE_POINTS)
          return this.span(patientId, loinc, 'all', undefined);
        const newest = probe.observations.map(observationTime).filter(Number.isFinite);
        const known = latestTime(probe.observations);
        if (!probe.unsorted && newest.length > 0) {
          const [latest, oldest] = [newest[0], newest[newest.length - 1]];
          const span = spanForDensity(newest.length, latest, oldest);
          return this.span(patientId, loinc, span, latest);
        }
        if (known === undefined) return of(toTrendRead('all', probe));
        return this.latestAfter(patientId, loinc, known).pipe(
          switchMap((latest) => this.grow(patientId, loinc, latest, '24h')),
        );
      }),
    );
  }

  /** One span ending at `latest` (all readings when undefined), page after page. */
  private span(
    patientId: string,
    loinc: string,
    span: TrendSpan,
    latest: number | undefined,
  ): Observable<TrendRead> {
    const dates = latest === undefined ? undefined : spanDates(span, latest);
    return readPages(
      this.fhir,
      this.search(patientId, loinc, dates, TREND_PAGE_SIZE),
      this.scope(patientId),
      TREND_MAX_PAGES,
    ).pipe(map((read) => toTrendRead(span, read, span === 'all' ? undefined : latest)));
  }

  /**
   * From `span` up: reads what a longer span adds (the readings before the shorter one) while the
   * readings so far, scaled to the longer span, stay legible and every page was read.
   */
  private grow(
    patientId: string,
    loinc: string,
    latest: number,
    span: TrendSpan,
    shorter?: TrendRead,
  ): Observable<TrendRead> {
    const ms = spanMs(span) ?? 0;
    const dates = shorter
      ? [
          `ge${searchInstant(latest - ms)}`,
          `lt${searchInstant(latest - (spanMs(shorter.span) ?? 0))}`,
        ]
      : spanDates(span, latest);
    return readPages(
      this.fhir,
      this.search(patientId, loinc, dates, TREND_PAGE_SIZE),
      this.scope(patientId),
      TREND_MAX_PAGES,
    ).pipe(
      switchMap((read) => {
        const own = toTrendRead(span, read, latest);
        const sofar = shorter ? grown(span, shorter, own) : own;
        const next = longerSpan(span);
        const legible =
          next !== undefined &&
          sofar.complete &&
          (sofar.observations.length * (spanMs(next) ?? 0)) / ms <= TREND_READABLE_POINTS;
        return legible ? this.grow(patientId, loinc, latest, next, sofar) : of(sofar);
      }),
    );
  }

  /**
   * The latest reading's time on a server that cannot sort: one reading after ever later times, a
   * stride four times longer each time, until none; then halving the gap down to a minute. Each probe
   * asks for one reading, and any reading it finds is a new lower bound.
   */
  private latestAfter(patientId: string, loinc: string, known: number): Observable<number> {
    const probe = (after: number) =>
      this.search(patientId, loinc, [`gt${searchInstant(after)}`], 1).pipe(
        map((bundle) => {
          const own = onlyThePatients(bundle, this.scope(patientId)).bundle;
          return latestTime(toSearchPage(own, 'Observation').resources);
        }),
      );
    const step = (
      lo: number,
      hi: number | undefined,
      stride: number,
      probes: number,
    ): Observable<number> => {
      const at =
        hi === undefined
          ? Math.min(lo + stride, LAST_INSTANT)
          : hi - lo <= MINUTE
            ? lo
            : lo + Math.floor((hi - lo) / 2);
      return probe(at).pipe(
        switchMap((found) => {
          const out = at === LAST_INSTANT || probes >= MAX_PROBES;
          if (found === undefined)
            return at === lo || out ? of(lo) : step(lo, at, stride, probes + 1);
          // A reading that began before `at` but reaches past it (a period, a date without a time).
          const after = Math.max(found, at);
          if (after === lo || out) return of(after);
          return step(after, hi, hi === undefined ? stride * 4 : stride, probes + 1);
        }),
      );
    };
    return step(known, undefined, HOUR, 0);
  }

  private scope(patientId: string): PatientScope {
    return { patientId, fhirBase: this.fhirBase };
  }

  private search(patientId: string, loinc: string, date: string[] | undefined, count: number) {
    return this.fhir.search<Observation>('Observation', {
      patient: patientId,
      code: loinc,
      date,
      _sort: '-date',
      _count: count,
    });
  }
}

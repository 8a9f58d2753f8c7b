// A FHIR server's Observation search in miniature, for specs that read many pages: filters by code,
// category and date, sorts by date when asked (or never, like servers that cannot), pages by next
// links, and counts when told to. Answers what HttpTestingController holds, round after round.
import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { Bundle, Observation } from '../app/fhir/fhir-types';
import { observationTime } from '../app/fhir/format-observation';
import { TEST_FHIR_BASE } from './test-config';

export interface ServedAs {
  /** Honour `_sort=date` / `-date`; false: the stored order whatever is asked. Default true. */
  readonly sorts?: boolean;
  /** Put `Bundle.total` on every page. Default true. */
  readonly totals?: boolean;
}

const SEARCH_URL = `${TEST_FHIR_BASE}/Observation`;

/** "ge2024-01-01T00:00:00Z" against a reading's instant; a date-only value is its whole day (UTC). */
function matchesDate(time: number, value: string): boolean {
  const prefix = /^(eq|ne|gt|lt|ge|le|sa|eb)/.exec(value)?.[1] ?? 'eq';
  const text = value.slice(/^[a-z]{2}/.test(value) ? 2 : 0);
  const lo = Date.parse(text);
  const hi = /T/.test(text) ? lo + (/\d:\d{2}:\d{2}/.test(text) ? 999 : 59_999) : lo + 86_399_999;
  switch (prefix) {
    case 'gt':
    case 'sa':
      return time > hi;
    case 'lt':
    case 'eb':
      return time < lo;
    case 'ge':
      return time >= lo;
    case 'le':
      return time <= hi;
    default:
      return time >= lo && time <= hi;
  }
}

const hasCode = (concepts: Observation['code'][], code: string) =>
  concepts.some((c) => (c?.coding ?? []).some((coding) => coding.code === code.split('|').at(-1)));

/** The searchset page the request asks for, from `stored`. */
export function searchPage(
  request: TestRequest,
  stored: readonly Observation[],
  as: ServedAs = {},
): Bundle<Observation> {
  const url = new URL(request.request.urlWithParams);
  const query = url.searchParams;
  let matches = stored.filter(
    (o) =>
      query.getAll('code').every((code) => hasCode([o.code], code)) &&
      query.getAll('category').every((code) => hasCode(o.category ?? [], code)) &&
      query.getAll('date').every((value) => matchesDate(observationTime(o), value)),
  );
  const sort = query.get('_sort');
  if (as.sorts !== false && (sort === 'date' || sort === '-date')) {
    const direction = sort === 'date' ? 1 : -1;
    matches = [...matches].sort((a, b) => direction * (observationTime(a) - observationTime(b)));
  }
  const count = Number(query.get('_count') ?? 20);
  const offset = Number(query.get('_offset') ?? 0);
  const next = new URL(url);
  next.searchParams.set('_offset', String(offset + count));
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(as.totals === false ? {} : { total: matches.length }),
    link: offset + count < matches.length ? [{ relation: 'next', url: next.href }] : [],
    entry: matches.slice(offset, offset + count).map((resource) => ({ resource })),
  };
}

/**
 * Answers every Observation search and paging link in flight, then lets the app settle and answers
 * the next round, until none is left. Returns each request's URL, in order.
 */
export async function serveObservations(
  controller: HttpTestingController,
  settle: () => Promise<unknown>,
  stored: readonly Observation[],
  as: ServedAs = {},
): Promise<string[]> {
  const served: string[] = [];
  for (let round = 0; round < 200; round++) {
    const pending = controller.match((r) => r.url.startsWith(SEARCH_URL));
    if (pending.length === 0) return served;
    for (const request of pending) {
      served.push(request.request.urlWithParams);
      request.flush(searchPage(request, stored, as));
    }
    await settle();
  }
  throw new Error('Still searching after 200 rounds');
}

/**
 * `count` readings of `template` for the specs' patient (pat-0001), `everyMinutes` apart, the last at
 * `last`; values from `value`.
 */
export function readingsUpTo(
  template: Observation,
  last: string,
  count: number,
  everyMinutes: number,
  value: (index: number) => number = (index) => 60 + (index % 30),
): Observation[] {
  const end = Date.parse(last);
  return Array.from({ length: count }, (_, index) => ({
    ...template,
    id: `${template.id}-${index}`,
    subject: { reference: 'Patient/pat-0001' },
    effectiveDateTime: new Date(end - (count - 1 - index) * everyMinutes * 60_000)
      .toISOString()
      .replace('.000Z', 'Z'),
    valueQuantity: { value: value(index), unit: '/min' },
  }));
}

import { randomUUID } from 'node:crypto';
import type { StoredResource } from '../store/store.ts';
import type { SearchQuery } from './types.ts';

/**
 * Links are rebuilt from the parsed query in one canonical form, so following `next` and reading the
 * answer's `self` gives back exactly the URL that was followed.
 */
export function searchLink(baseUrl: string, query: SearchQuery, offset: number): string {
  const pairs: [string, string][] = [...query.used, ['_count', String(query.count)]];
  if (offset > 0) pairs.push(['_offset', String(offset)]);
  const text = pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
  return `${baseUrl}/${query.type}?${text}`;
}

/** encodeURIComponent, but `| , :  /` stay readable: they are legal in a query string. */
function encode(s: string): string {
  return encodeURIComponent(s)
    .replace(/%7C/g, '|')
    .replace(/%2C/g, ',')
    .replace(/%3A/g, ':')
    .replace(/%2F/g, '/');
}

export interface Included {
  rows: StoredResource[];
}

/** The searchset Bundle, assembled from stored JSON text without re-parsing it. */
export function searchsetBundle(
  baseUrl: string,
  query: SearchQuery,
  total: number | undefined,
  matches: StoredResource[],
  included: StoredResource[],
): string {
  const links: { relation: string; url: string }[] = [
    { relation: 'self', url: searchLink(baseUrl, query, query.offset) },
  ];
  if (!query.summaryCount && query.count > 0) {
    const more =
      total !== undefined ? query.offset + query.count < total : matches.length === query.count;
    if (more)
      links.push({ relation: 'next', url: searchLink(baseUrl, query, query.offset + query.count) });
    if (query.offset > 0) {
      const previous = Math.max(0, query.offset - query.count);
      links.push({ relation: 'previous', url: searchLink(baseUrl, query, previous) });
    }
  }
  const head: Record<string, unknown> = {
    resourceType: 'Bundle',
    id: randomUUID(),
    meta: { lastUpdated: new Date().toISOString() },
    type: 'searchset',
  };
  if (total !== undefined) head['total'] = total;
  head['link'] = links;
  const entries = [
    ...matches.map((r) => entry(baseUrl, r, 'match')),
    ...included.map((r) => entry(baseUrl, r, 'include')),
  ];
  if (query.ignored.length) entries.push(outcomeEntry(query));
  const json = JSON.stringify(head);
  return entries.length ? `${json.slice(0, -1)},"entry":[${entries.join(',')}]}` : json;
}

function entry(baseUrl: string, r: StoredResource, mode: 'match' | 'include'): string {
  const fullUrl = JSON.stringify(`${baseUrl}/${r.type}/${r.id}`);
  return `{"fullUrl":${fullUrl},"resource":${r.json},"search":{"mode":"${mode}"}}`;
}

/** Lenient handling: say which parameters were ignored (names only; values may be PHI). */
function outcomeEntry(query: SearchQuery): string {
  return JSON.stringify({
    resource: {
      resourceType: 'OperationOutcome',
      issue: query.ignored.map((i) => ({
        severity: 'warning',
        code: 'not-supported',
        diagnostics: `Ignored: ${i.reason}`,
      })),
    },
    search: { mode: 'outcome' },
  });
}

import type { IncomingHttpHeaders } from 'node:http';

/** The validators a read answers with: `ETag` (weak, `W/"<versionId>"`) and `Last-Modified`. */
export interface Validators {
  etag: string;
  lastModified: string;
}

/** One entity-tag of a list (RFC 9110 §8.8.3): a quoted string may hold commas, so split by pattern. */
const ENTITY_TAG = /(?:W\/)?"[^"]*"/g;

/** The weak comparison of RFC 9110 §8.8.3.2: the same opaque tag, strong or weak on either side. */
const opaqueTag = (tag: string): string => tag.replace(/^W\//, '');

/**
 * Whether a GET or HEAD of a representation with these validators is answered 304, by RFC 9110
 * §13.2.2 steps 3 and 4: If-None-Match (a list of tags compared weakly, or `*`) when it is present,
 * otherwise If-Modified-Since. `Cache-Control: no-cache` changes nothing: it asks caches to validate
 * with the origin, which is what this answer is, and fetch adds it to every request that carries
 * If-None-Match (Express's `req.fresh` answers such requests 200, so it is not used).
 */
export function notModified(headers: IncomingHttpHeaders, validators: Validators): boolean {
  const noneMatch = headers['if-none-match'];
  if (noneMatch !== undefined) {
    if (noneMatch.trim() === '*') return true;
    const current = opaqueTag(validators.etag);
    return (noneMatch.match(ENTITY_TAG) ?? []).some((tag) => opaqueTag(tag) === current);
  }
  // An invalid date is ignored (§13.1.3), which NaN's failed comparison does.
  const since = Date.parse(headers['if-modified-since'] ?? '');
  return Date.parse(validators.lastModified) <= since;
}

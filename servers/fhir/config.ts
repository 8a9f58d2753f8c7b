import { clinicalTypes } from './search/clinical.ts';

/** Every tunable of the FHIR server in one place, each next to its reason. */
export const defaults = {
  /** Page size when the client sends no `_count`. */
  defaultCount: 20,
  /** Largest page we serve; a larger `_count` is lowered to this and the self link says so. */
  maxCount: 200,
  /** Clock skew tolerated on `exp`/`nbf`/`iat`: a minute covers real clock drift, little next to a token's hour. */
  clockToleranceSeconds: 60,
  /** Only asymmetric algorithms: HS256 with a public key and `none` must never verify. */
  tokenAlgorithms: ['RS256', 'ES256'],
  /** Unknown `kid`s refetch the JWKS, but not more often than this (a forged kid must not DoS the issuer). */
  jwksCooldownMs: 1_000,
  /**
   * Seconds the issuer's introspection answer is reused for the same token `jti`: a page of parallel
   * requests asks once, and a revocation elsewhere is noticed at most this late.
   */
  introspectionCacheSeconds: 5,
  /** The most tokens whose answer is cached at once (the oldest make room). */
  introspectionCacheMaxEntries: 10_000,
  /** The issuer must answer an introspection within this, or the request fails closed with 503. */
  introspectionTimeoutMs: 5_000,
  /** DPoP proofs older than this are stale; their `jti`s are remembered this long (plus leeway). */
  dpopMaxAgeSeconds: 300,
  /** The most proof `jti`s remembered at once; a flood beyond it shortens the window (ReplayGuard). */
  dpopReplayMaxEntries: 100_000,
  /**
   * Answers at least this long are compressed when the client accepts gzip or br; below it the
   * coding's framing and the work outweigh the bytes saved (refusals and counts stay plain).
   */
  compressMinBytes: 1024,
  /**
   * Brotli's quality for answers: 5 packs a 200-reading page smaller than gzip at about its speed;
   * the default, 11, is for static files and takes a hundred times longer.
   */
  brotliQuality: 5,
  /**
   * Answers compressed at once (per server): compression shares libuv's four threads with DNS and
   * file access, so past this an answer goes out uncompressed rather than wait (compression.ts).
   */
  maxCompressions: 2,
  /**
   * JSON request bodies above this are refused with 413 before parsing; a compressed body counts
   * at its decompressed size, so a small compressed bomb is refused too.
   */
  bodyLimit: '50mb',
  /**
   * Deepest JSON nesting a Bundle may have (real FHIR stays below 20): reference rewriting and
   * JSON.stringify recurse, so a 100k-deep body would overflow the stack and answer 500.
   */
  maxJsonDepth: 100,
  /**
   * Comma-separated values in one search parameter, and parameters in one search: each becomes an OR
   * or AND term, and SQLite refuses expressions deeper than 1000 (that was a 500, now a clean 400).
   */
  maxSearchValues: 100,
  maxSearchParameters: 50,
  /**
   * Longest request URL (path and query) we answer; a longer one gets 414 and an OperationOutcome. Node
   * parses request lines up to `maxHeaderBytes`, so URLs between the two reach us and can be refused
   * in FHIR terms (with CORS headers, so the app can read why) instead of by Node's bare 431.
   */
  maxUrlLength: 16 * 1024,
  /** Node's `maxHeaderSize` for this server (its default is 16 KB): request line plus headers. */
  maxHeaderBytes: 64 * 1024,
  /** The audit log rotates to `audit.log.1` at this size, so it stays bounded at twice this. */
  auditMaxBytes: 10 * 1024 * 1024,
  /** Seeded on first start when the store is empty. */
  seedPatients: 120,
  seed: 20_240_601,
} as const;

export const FHIR_JSON = 'application/fhir+json';

/**
 * Resource types this server reads: Patient, Observation, the chart's types (search/clinical.ts), and
 * the shared types their references point to (outside every patient compartment, auth/scopes.ts).
 */
export const readableTypes = [
  'Patient',
  'Observation',
  ...clinicalTypes,
  'Practitioner',
  'PractitionerRole',
  'Organization',
  'Location',
  'Medication',
] as const;
export type ReadableType = (typeof readableTypes)[number];

/** Every type but the shared ones is also searchable. */
export const searchableTypes = ['Patient', 'Observation', ...clinicalTypes] as const;
export type SearchableType = (typeof searchableTypes)[number];

export function isReadableType(type: string): type is ReadableType {
  return (readableTypes as readonly string[]).includes(type);
}

export function isSearchableType(type: string): type is SearchableType {
  return (searchableTypes as readonly string[]).includes(type);
}

/**
 * The `WWW-Authenticate` challenge of a refused resource request (RFC 6750 §3, RFC 9449 §7.1), the
 * same at the FHIR server and at the authorization server's userinfo: the realm first, every value
 * quoted, and for DPoP the proof algorithms accepted.
 *
 * Pure and dependency-free.
 */
import { DPOP_ALGORITHMS } from './dpop.js';
import type { Challenge } from './refusal.js';

/**
 * RFC 6750 §3 allows neither `"` nor `\` nor anything outside printable ASCII in these values: such
 * characters are dropped rather than escaped, so no client parser can misread the header and Node
 * never refuses to send it.
 */
function quoted(value: string): string {
  return `"${value.replace(/[^\x20\x21\x23-\x5b\x5d-\x7e]/g, '')}"`;
}

export function challengeHeader(realm: string, c: Challenge): string {
  const params: [string, string | undefined][] = [
    ['realm', realm],
    ['error', c.error],
    ['error_description', c.description],
    ['scope', c.scope],
    ['algs', c.scheme === 'DPoP' ? DPOP_ALGORITHMS.join(' ') : undefined],
  ];
  const present = params.filter((p): p is [string, string] => Boolean(p[1]));
  return `${c.scheme} ${present.map(([name, value]) => `${name}=${quoted(value)}`).join(', ')}`;
}

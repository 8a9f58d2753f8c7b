import { EhrEntry } from '../config/runtime-config';

/** The longest `iss` the app reads; anything longer is not a FHIR base anyone configured. */
const MAX_ISS_LENGTH = 2048;
/**
 * Characters a browser's URL parser drops or rewrites (whitespace, control characters, backslashes),
 * percent-encoded dots and slashes that a server may decode into a different path, user info, and a
 * query or fragment: none belongs in a FHIR base, and each has been used to make one URL pass for
 * another.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const SUSPICIOUS = /[\s\u0000-\u001f\u007f\\@?#]|%2e|%2f|%5c/i;
const SCHEME_AND_AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i;

/**
 * A FHIR base in one spelling: scheme and host lower-cased, the default port dropped, one trailing
 * slash removed, the path kept exactly (paths are case-sensitive). Undefined when `raw` is not an
 * http(s) URL written plainly: the parser must not have had to resolve dot segments, encode
 * characters or drop anything, because then the string the EHR sent is not the URL it names.
 */
export function canonicalFhirBase(raw: string): string | undefined {
  if (raw.length === 0 || raw.length > MAX_ISS_LENGTH || SUSPICIOUS.test(raw)) return undefined;
  if (!URL.canParse(raw)) return undefined;
  const url = new URL(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username !== '' || url.password !== '' || url.hostname === '') return undefined;
  const rawPath = raw.replace(SCHEME_AND_AUTHORITY, '');
  if (rawPath !== url.pathname && !(rawPath === '' && url.pathname === '/')) return undefined;
  const path = url.pathname.endsWith('/') ? url.pathname.slice(0, -1) : url.pathname;
  return `${url.protocol}//${url.host}${path}`;
}

export type IssMatch =
  { readonly ok: true; readonly ehr: EhrEntry } | { readonly ok: false; readonly problem: string };

/**
 * The configured EHR whose FHIR base `iss` names exactly (scheme, host, port and path; one trailing
 * slash ignored). Anything else is refused before a single request is sent to it: a launch URL is
 * a link anyone can craft, and the app would otherwise fetch discovery from, and send the user to,
 * wherever it points.
 */
export function matchLaunchIss(iss: string, ehrs: readonly EhrEntry[]): IssMatch {
  const canonical = canonicalFhirBase(iss);
  const ehr =
    canonical === undefined
      ? undefined
      : ehrs.find((entry) => canonicalFhirBase(entry.iss) === canonical);
  if (ehr) return { ok: true, ehr };
  return {
    ok: false,
    problem: `This app was opened from ${shown(iss)}, which is not an EHR it is set up to trust, so nothing was sent there.`,
  };
}

/** The iss as the sentence names it: cut short, as it is whatever the link said. */
function shown(iss: string): string {
  return iss.length > 200 ? `${iss.slice(0, 200)}…` : iss;
}

/**
 * True when `url` points at the FHIR base itself or below it on a path-segment boundary, on the
 * same origin. Guards both the access token (interceptor) and Bundle paging links: a substring
 * test would hand the token to `https://fhir.example.com.evil.test` or `/fhir-other`.
 */
export function isUnderFhirBase(url: string, baseUrl: string): boolean {
  let target: URL;
  let base: URL;
  try {
    base = new URL(baseUrl);
    // Relative request URLs resolve against the page, as the browser itself would send them.
    target = new URL(url, globalThis.location?.href ?? baseUrl);
  } catch {
    return false;
  }
  if (target.origin !== base.origin) return false;
  const basePath = base.pathname.replace(/\/+$/, '');
  const path = target.pathname;
  if (basePath === '') return true;
  return path === basePath || path.startsWith(basePath + '/');
}

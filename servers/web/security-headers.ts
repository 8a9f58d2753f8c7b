// The headers every response of the production host carries. Hosts other than this one must send the same
// (README: "Deploying"), because the SPA handles PHI and bearer tokens in the browser.
export interface HeaderSources {
  /** The Okta issuer's origin: the app calls it and frames it for renewal (null while the config is unusable). */
  issuerOrigin: string | null;
  /** The FHIR server's origin: the only other origin the app talks to, EHRs aside. */
  fhirOrigin: string | null;
  /**
   * The origins of the EHRs in config.json (ehr-origins.ts): the app calls their FHIR, token and
   * revocation servers, and they may frame it. None: the app is framed by no one.
   */
  ehrOrigins?: readonly string[];
}

export function contentSecurityPolicy({
  issuerOrigin,
  fhirOrigin,
  ehrOrigins = [],
}: HeaderSources): string {
  const issuer = issuerOrigin ?? "'none'";
  const remotes = [issuerOrigin, fhirOrigin, ...ehrOrigins].filter(
    (origin): origin is string => origin !== null,
  );
  return [
    "default-src 'self'",
    // No inline script and no eval anywhere: Angular's build emits only external scripts.
    "script-src 'self'",
    // Angular and the Sign-In Widget add <style> elements and style attributes at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    ['connect-src', "'self'", ...new Set(remotes)].join(' '),
    // okta-auth-js renews tokens in a hidden iframe on the issuer when there is no refresh token.
    `frame-src ${issuer}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${issuerOrigin ?? ''}`.trim(),
    // An EHR opens the app inside its own page (SMART App Launch); nothing else may frame it.
    `frame-ancestors ${ehrOrigins.length > 0 ? [...new Set(ehrOrigins)].join(' ') : "'none'"}`,
  ].join('; ');
}

export function securityHeaders(sources: HeaderSources): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(sources),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // X-Frame-Options cannot name origins: with EHRs, frame-ancestors alone decides (browsers prefer it).
    ...(sources.ehrOrigins?.length ? {} : { 'X-Frame-Options': 'DENY' }),
  };
}

/**
 * DPoP proof rules (RFC 9449) shared by the authorization server (userinfo) and the FHIR server, so
 * both accept and advertise the same thing. Signature checking stays with each server's JOSE library;
 * this module holds the rules a verified proof's claims must meet.
 *
 * Pure and dependency-free: no Node or browser APIs beyond the global URL.
 */

/**
 * Proof algorithms accepted everywhere: okta-auth-js signs with RS256; ES256 is the common choice of
 * other clients. The issuer's token endpoint, userinfo, the FHIR server and their metadata use this list.
 */
export const DPOP_ALGORITHMS = ['RS256', 'ES256'] as const;
export const DPOP_PROOF_TYPE = 'dpop+jwt';
/** Claims every proof must carry; a proof sent with an access token must also carry `ath`. */
export const DPOP_REQUIRED_CLAIMS: readonly string[] = ['jti', 'htm', 'htu', 'iat'];

export interface ProofExpectations {
  /** The request's method. */
  method: string;
  /** The request URL as the client addressed it; its query and fragment are ignored. */
  url: string;
  /** base64url(SHA-256(access token)): what `ath` must be. */
  ath: string;
  /** The JWK thumbprint of the proof's key, and the token's binding (`cnf.jkt`) it must equal. */
  thumbprint: string;
  jkt: string;
}

/** The request URL without query and fragment, as `htu` compares it; '' when it is not a URL. */
export function htuOf(url: string): string {
  try {
    const u = new URL(url);
    u.search = '';
    u.hash = '';
    return u.href;
  } catch {
    return '';
  }
}

/** Why a signature-verified proof does not fit this request and token, or undefined when it does. */
export function proofMismatch(
  claims: Readonly<Record<string, unknown>>,
  expected: ProofExpectations,
): string | undefined {
  if (claims['htm'] !== expected.method) return 'htm does not match the request';
  const htu = typeof claims['htu'] === 'string' ? htuOf(claims['htu']) : '';
  if (htu === '' || htu !== htuOf(expected.url)) return 'htu does not match the request';
  if (claims['ath'] !== expected.ath) return 'ath does not match the access token';
  if (expected.thumbprint !== expected.jkt)
    return 'the proof key does not match the token binding (cnf.jkt)';
  if (typeof claims['jti'] !== 'string' || claims['jti'] === '') return 'the proof has no jti';
  return undefined;
}

/**
 * The `Authorization` header of a resource request: an access token presented with the Bearer
 * (RFC 6750 §2.1) or the DPoP (RFC 9449 §7.1) scheme, the scheme name in any case.
 *
 * Pure and dependency-free.
 */
import type { AuthScheme, Refuse } from './refusal.js';

export interface PresentedToken {
  scheme: AuthScheme;
  token: string;
}

/** The scheme, one or more spaces, and a b64token (RFC 6750 §2.1), and nothing else. */
const CREDENTIALS = /^(Bearer|DPoP) +([A-Za-z0-9\-._~+/]+=*)$/i;

/** The token and the scheme it is presented with; otherwise throws what `refuse` makes of it. */
export function parseAuthorization(header: string | undefined, refuse: Refuse): PresentedToken {
  if (!header) {
    throw refuse({ reason: 'no-token', scheme: 'Bearer', description: 'no access token was sent' });
  }
  const m = CREDENTIALS.exec(header);
  if (!m?.[1] || !m[2]) {
    throw refuse({
      reason: 'malformed-header',
      scheme: 'Bearer',
      error: 'invalid_token',
      description: 'the Authorization header is malformed',
    });
  }
  return { scheme: m[1].toLowerCase() === 'dpop' ? 'DPoP' : 'Bearer', token: m[2] };
}

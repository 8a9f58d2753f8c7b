/**
 * Verifies our own access tokens for the Okta-shaped endpoints (userinfo, introspect): signature
 * against our key, issuer, expiry, the revocation list, and for DPoP-bound tokens the proof.
 */
import * as jose from 'jose';
import type { Request } from 'express';
import { parseAuthorization } from '../../protocol/authorization.ts';
import { createDpopVerifier } from '../../protocol/dpop.ts';
import type { AuthScheme } from '../../protocol/refusal.ts';
import { ACCESS_TOKEN_CLOCK_TOLERANCE_SECONDS, DPOP_PROOFS, SIGNING_KEY } from './defaults.ts';
import { invalidToken, resourceRefusal } from './errors.ts';
import type { Store } from './store.ts';

export interface AccessTokenClaims extends jose.JWTPayload {
  scope?: string;
  scp?: string[];
  uid?: string;
  cid?: string;
  cnf?: { jkt?: string };
}

export interface AccessTokenVerifier {
  /** Verifies the token only (introspection). Throws invalid_token. */
  verify(token: string): Promise<AccessTokenClaims>;
  /** Verifies a resource request: the Authorization header and, for DPoP-bound tokens, the proof. */
  verifyRequest(req: Request, url: string): Promise<AccessTokenClaims>;
}

export function createAccessTokenVerifier(opts: {
  issuer: string;
  audience: string;
  jwks: { keys: object[] };
  store: Store;
}): AccessTokenVerifier {
  const keySet = jose.createLocalJWKSet(opts.jwks as Parameters<typeof jose.createLocalJWKSet>[0]);
  const verifyDpop = createDpopVerifier({ jose, ...DPOP_PROOFS, refuse: resourceRefusal });

  /** `scheme`: how the token was presented, so a refusal challenges in the same scheme. */
  async function verify(token: string, scheme: AuthScheme = 'Bearer'): Promise<AccessTokenClaims> {
    let payload: AccessTokenClaims;
    try {
      ({ payload } = await jose.jwtVerify<AccessTokenClaims>(token, keySet, {
        issuer: opts.issuer,
        audience: opts.audience,
        algorithms: [SIGNING_KEY.algorithm],
        clockTolerance: ACCESS_TOKEN_CLOCK_TOLERANCE_SECONDS,
      }));
    } catch {
      throw invalidToken(undefined, scheme);
    }
    if (!payload.jti || opts.store.isRevoked(payload.jti)) throw invalidToken(undefined, scheme);
    return payload;
  }

  return {
    verify,
    async verifyRequest(req, url) {
      const { scheme, token } = parseAuthorization(req.get('authorization'), resourceRefusal);
      const claims = await verify(token, scheme);
      await verifyDpop({
        scheme,
        accessToken: token,
        jkt: claims.cnf?.jkt,
        proof: req.get('dpop'),
        method: req.method,
        url,
      });
      return claims;
    },
  };
}

/**
 * Verifies our own access tokens for the Okta-shaped endpoints (userinfo, introspect): signature
 * against our key, issuer, expiry, the revocation list, and for DPoP-bound tokens the proof.
 */
import { createHash } from 'node:crypto';
import {
  EmbeddedJWK,
  calculateJwkThumbprint,
  createLocalJWKSet,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import type { Request } from 'express';
import {
  DPOP_ALGORITHMS,
  DPOP_PROOF_TYPE,
  DPOP_REQUIRED_CLAIMS,
  proofMismatch,
} from '../../protocol/dpop.ts';
import { ReplayGuard } from '../../protocol/replay-guard.ts';
import { ACCESS_TOKEN_CLOCK_TOLERANCE_SECONDS, DPOP_PROOFS, SIGNING_KEY } from './defaults.ts';
import { InvalidRequest, InvalidToken } from './errors.ts';
import type { Store } from './store.ts';

export interface AccessTokenClaims extends JWTPayload {
  scope?: string;
  scp?: string[];
  uid?: string;
  cid?: string;
  cnf?: { jkt?: string };
}

export interface AccessTokenVerifier {
  /** Verifies the token only (introspection). Throws InvalidToken. */
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
  const keySet = createLocalJWKSet(opts.jwks as Parameters<typeof createLocalJWKSet>[0]);
  const proofs = new ReplayGuard({
    windowMs: (DPOP_PROOFS.maxAgeSeconds + DPOP_PROOFS.clockToleranceSeconds) * 1000,
    maxEntries: DPOP_PROOFS.replayMaxEntries,
  });

  async function verify(token: string): Promise<AccessTokenClaims> {
    let payload: AccessTokenClaims;
    try {
      ({ payload } = await jwtVerify<AccessTokenClaims>(token, keySet as JWTVerifyGetKey, {
        issuer: opts.issuer,
        audience: opts.audience,
        algorithms: [SIGNING_KEY.algorithm],
        clockTolerance: ACCESS_TOKEN_CLOCK_TOLERANCE_SECONDS,
      }));
    } catch {
      throw new InvalidToken();
    }
    if (!payload.jti || opts.store.isRevoked(payload.jti)) throw new InvalidToken();
    return payload;
  }

  async function checkProof(
    proof: string,
    token: string,
    req: Request,
    url: string,
    jkt: string,
  ): Promise<void> {
    try {
      const { payload, protectedHeader } = await jwtVerify(proof, EmbeddedJWK, {
        typ: DPOP_PROOF_TYPE,
        algorithms: [...DPOP_ALGORITHMS],
        maxTokenAge: DPOP_PROOFS.maxAgeSeconds,
        clockTolerance: DPOP_PROOFS.clockToleranceSeconds,
        requiredClaims: [...DPOP_REQUIRED_CLAIMS],
      });
      const thumbprint = await calculateJwkThumbprint(
        protectedHeader.jwk as NonNullable<typeof protectedHeader.jwk>,
      );
      const mismatch = proofMismatch(payload, {
        method: req.method,
        url,
        ath: createHash('sha256').update(token).digest('base64url'),
        thumbprint,
        jkt,
      });
      if (mismatch || !proofs.firstUse(`${jkt}:${String(payload.jti)}`, Number(payload.iat) * 1000))
        throw new Error('proof mismatch');
    } catch {
      throw new InvalidToken('DPoP proof is invalid.', 'DPoP');
    }
  }

  return {
    verify,
    async verifyRequest(req, url) {
      const header = req.get('authorization') ?? '';
      const match = /^(Bearer|DPoP) +([A-Za-z0-9._~+/-]+=*)$/i.exec(header);
      if (!match?.[1] || !match[2]) throw new InvalidToken('An access token is required.');
      const scheme = match[1].toLowerCase() === 'dpop' ? 'DPoP' : 'Bearer';
      const token = match[2];
      const claims = await verify(token);
      const jkt = claims.cnf?.jkt;
      if (jkt) {
        if (scheme !== 'DPoP')
          throw new InvalidToken(
            'A DPoP-bound access token must be sent with the DPoP scheme.',
            'DPoP',
          );
        const proof = req.get('dpop');
        if (!proof) throw new InvalidRequest('A DPoP proof is required.');
        await checkProof(proof, token, req, url, jkt);
      } else if (scheme === 'DPoP') {
        throw new InvalidToken('The access token is not DPoP-bound.', 'DPoP');
      }
      return claims;
    },
  };
}

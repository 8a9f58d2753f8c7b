import { createHash } from 'node:crypto';
import { EmbeddedJWK, calculateJwkThumbprint, jwtVerify, type JWK } from 'jose';
import {
  DPOP_ALGORITHMS,
  DPOP_PROOF_TYPE,
  DPOP_REQUIRED_CLAIMS,
  proofMismatch,
} from '../../../protocol/dpop.ts';
import { ReplayGuard } from '../../../protocol/replay-guard.ts';
import { defaults } from '../config.ts';
import { InvalidDpopProof } from '../errors.ts';

export interface DpopRequest {
  proof: string | undefined;
  method: string;
  /** The request URL as the client addressed it, without query or fragment. */
  url: string;
  accessToken: string;
  jkt: string;
}

/**
 * RFC 9449 §7.1 checks at a resource server, by the rules in protocol/dpop.ts. Seen `jti`s are kept
 * only as long as a proof can be fresh, and only so many at once, so the replay cache stays bounded
 * in time and size.
 */
export function createDpopVerifier(
  replayMaxEntries: number = defaults.dpopReplayMaxEntries,
): (req: DpopRequest) => Promise<void> {
  const proofs = new ReplayGuard({
    windowMs: (defaults.dpopMaxAgeSeconds + defaults.clockToleranceSeconds) * 1000,
    maxEntries: replayMaxEntries,
  });

  return async (req) => {
    if (!req.proof) throw new InvalidDpopProof('the DPoP header is missing');
    if (req.proof.includes(',')) throw new InvalidDpopProof('exactly one DPoP proof is allowed');
    let payload;
    let jwk: JWK | undefined;
    try {
      const verified = await jwtVerify(req.proof, EmbeddedJWK, {
        typ: DPOP_PROOF_TYPE,
        algorithms: [...DPOP_ALGORITHMS],
        maxTokenAge: defaults.dpopMaxAgeSeconds,
        clockTolerance: defaults.clockToleranceSeconds,
        requiredClaims: [...DPOP_REQUIRED_CLAIMS, 'ath'],
      });
      payload = verified.payload;
      jwk = verified.protectedHeader.jwk;
    } catch {
      throw new InvalidDpopProof('the proof is malformed, stale or badly signed');
    }
    const mismatch = proofMismatch(payload, {
      method: req.method,
      url: req.url,
      ath: createHash('sha256').update(req.accessToken).digest('base64url'),
      thumbprint: jwk ? await calculateJwkThumbprint(jwk) : '',
      jkt: req.jkt,
    });
    if (mismatch) throw new InvalidDpopProof(mismatch);
    if (!proofs.firstUse(`${req.jkt}:${String(payload['jti'])}`, Number(payload['iat']) * 1000))
      throw new InvalidDpopProof('the proof was already used');
  };
}

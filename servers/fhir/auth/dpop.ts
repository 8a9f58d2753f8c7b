import { createHash } from 'node:crypto';
import { EmbeddedJWK, calculateJwkThumbprint, jwtVerify, type JWK } from 'jose';
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
 * RFC 9449 §7.1 checks at a resource server. Seen `jti`s are kept only as long as a proof can be
 * fresh, and only so many at once, so the replay cache stays bounded in time and size.
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
        typ: 'dpop+jwt',
        algorithms: [...defaults.tokenAlgorithms],
        maxTokenAge: defaults.dpopMaxAgeSeconds,
        clockTolerance: defaults.clockToleranceSeconds,
        requiredClaims: ['jti', 'htm', 'htu', 'iat', 'ath'],
      });
      payload = verified.payload;
      jwk = verified.protectedHeader.jwk;
    } catch {
      throw new InvalidDpopProof('the proof is malformed, stale or badly signed');
    }
    if (payload['htm'] !== req.method) throw new InvalidDpopProof('htm does not match the request');
    if (withoutQuery(String(payload['htu'])) !== withoutQuery(req.url)) {
      throw new InvalidDpopProof('htu does not match the request');
    }
    const ath = createHash('sha256').update(req.accessToken).digest('base64url');
    if (payload['ath'] !== ath) throw new InvalidDpopProof('ath does not match the access token');
    if (!jwk || (await calculateJwkThumbprint(jwk)) !== req.jkt) {
      throw new InvalidDpopProof('the proof key does not match the token binding (cnf.jkt)');
    }
    if (!proofs.firstUse(`${req.jkt}:${String(payload['jti'])}`, Number(payload['iat']) * 1000))
      throw new InvalidDpopProof('the proof was already used');
  };
}

function withoutQuery(url: string): string {
  try {
    const u = new URL(url);
    u.search = '';
    u.hash = '';
    return u.href;
  } catch {
    return '';
  }
}

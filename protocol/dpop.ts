/**
 * DPoP (RFC 9449) at a protected resource, one verifier for the authorization server (userinfo) and
 * the FHIR server, so both accept and advertise the same thing.
 *
 * The signature is checked with jose, as everywhere, but the servers pass jose in (`import * as jose
 * from 'jose'`) rather than this module importing it: protocol/ stays dependency-free, and holds the
 * rules a proof must meet, not a copy of a JOSE library. The `ath` hash is WebCrypto's SHA-256, which
 * Node and every browser have; otherwise no APIs beyond the global URL.
 */
import type * as JoseModule from 'jose';
import { ReplayGuard } from './replay-guard.js';
import type { AuthScheme, Refuse, RefusalReason } from './refusal.js';

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

/** What the verifier uses of jose. */
export type DpopJose = Pick<
  typeof JoseModule,
  'jwtVerify' | 'EmbeddedJWK' | 'calculateJwkThumbprint' | 'base64url'
>;

export interface DpopVerifierOptions {
  jose: DpopJose;
  /** A proof older than this (plus the tolerance) is stale; its `jti` is remembered that long. */
  maxAgeSeconds: number;
  clockToleranceSeconds: number;
  /** The most `jti`s remembered at once: a flood shortens the window (see ReplayGuard). */
  replayMaxEntries: number;
  /** The server's error for a refusal. */
  refuse: Refuse;
}

export interface DpopRequest {
  /** The scheme the access token was presented with (authorization.ts). */
  scheme: AuthScheme;
  accessToken: string;
  /** The verified token's key binding (`cnf.jkt`), when it has one. */
  jkt: string | undefined;
  /** The DPoP header as received: several arrive joined by commas. */
  proof: string | undefined;
  method: string;
  /** The request URL as the client addressed it. */
  url: string;
}

/**
 * RFC 9449 §7 at a resource, after the access token itself verified: the scheme matches the token's
 * binding, and a bound token comes with exactly one proof that is fresh, unused, signed by the bound
 * key and made for this request and this token. Resolves when it does; otherwise throws what
 * `refuse` makes of the reason. Seen `jti`s are kept only as long as a proof can be fresh, and only
 * so many at once, so the replay cache stays bounded in time and size.
 */
export function createDpopVerifier(
  options: DpopVerifierOptions,
): (req: DpopRequest) => Promise<void> {
  const { jose, maxAgeSeconds, clockToleranceSeconds, refuse } = options;
  const proofs = new ReplayGuard({
    windowMs: (maxAgeSeconds + clockToleranceSeconds) * 1000,
    maxEntries: options.replayMaxEntries,
  });
  const wrongToken = (reason: RefusalReason, description: string): Error =>
    refuse({ reason, scheme: 'DPoP', error: 'invalid_token', description });
  const badProof = (description: string, reason: RefusalReason = 'bad-proof'): Error =>
    refuse({ reason, scheme: 'DPoP', error: 'invalid_dpop_proof', description });

  return async (req) => {
    if (req.jkt === undefined) {
      if (req.scheme === 'DPoP')
        throw wrongToken(
          'unbound-token-as-dpop',
          'the DPoP scheme needs a DPoP-bound token (cnf.jkt)',
        );
      return;
    }
    // RFC 9449 §7.2: a DPoP-bound token sent as Bearer is refused, or a stolen token would work.
    if (req.scheme !== 'DPoP')
      throw wrongToken('bound-token-as-bearer', 'this token is DPoP-bound; use the DPoP scheme');
    if (!req.proof) throw badProof('the DPoP header is missing', 'no-proof');
    if (req.proof.includes(',')) throw badProof('exactly one DPoP proof is allowed');
    let claims: Record<string, unknown>;
    let thumbprint: string;
    try {
      const verified = await jose.jwtVerify(req.proof, jose.EmbeddedJWK, {
        typ: DPOP_PROOF_TYPE,
        algorithms: [...DPOP_ALGORITHMS],
        maxTokenAge: maxAgeSeconds,
        clockTolerance: clockToleranceSeconds,
        requiredClaims: [...DPOP_REQUIRED_CLAIMS, 'ath'],
      });
      claims = verified.payload;
      // EmbeddedJWK has already refused a proof without a key.
      thumbprint = await jose.calculateJwkThumbprint(verified.protectedHeader.jwk ?? {});
    } catch {
      throw badProof('the proof is malformed, stale or badly signed');
    }
    const mismatch = proofMismatch(claims, {
      method: req.method,
      url: req.url,
      ath: await accessTokenHash(jose, req.accessToken),
      thumbprint,
      jkt: req.jkt,
    });
    if (mismatch) throw badProof(mismatch);
    if (!proofs.firstUse(`${req.jkt}:${String(claims['jti'])}`, Number(claims['iat']) * 1000))
      throw badProof('the proof was already used');
  };
}

/** `ath`: base64url(SHA-256(access token)), RFC 9449 §4.2. */
async function accessTokenHash(jose: DpopJose, token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return jose.base64url.encode(new Uint8Array(digest));
}

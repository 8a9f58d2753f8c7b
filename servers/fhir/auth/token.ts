import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { defaults } from '../config.ts';
import { FhirError, InvalidToken, refusalError } from '../errors.ts';
import { createDpopVerifier } from './dpop.ts';
import type { ActiveTokenCheck } from './introspection.ts';
import { parseAuthorization } from '../../../protocol/authorization.ts';
import type { AuthScheme } from '../../../protocol/refusal.ts';
import { parseSmartScopes } from '../../../protocol/smart-scopes.ts';
import type { Grant } from './scopes.ts';

/** Who is calling and what they may do, as established from a verified access token. */
export interface Caller {
  sub: string;
  clientId: string;
  scope: string;
  grants: Grant[];
  patient?: string;
  scheme: AuthScheme;
}

export interface TokenRequest {
  authorization: string | undefined;
  dpop: string | undefined;
  method: string;
  url: string;
}

export type TokenVerifier = (req: TokenRequest) => Promise<Caller>;

/**
 * Verifies access tokens of the shape docs/CONTRACT.md ("Access token") fixes, with the checks
 * servers/fhir/README.md (Authorization) lists: signature against the issuer's JWKS (fetched lazily,
 * because the auth server may start after us, and refetched on an unknown `kid`), `iss`, `aud` = our
 * base URL, `exp`/`nbf` with a small leeway, RS256/ES256 only, and DPoP binding. With `isActive`
 * (introspection.ts), a token that passed every local check is also confirmed with the issuer, so a
 * revoked one is refused before its `exp`.
 */
export function createTokenVerifier(
  issuer: string,
  audience: string,
  isActive?: ActiveTokenCheck,
): TokenVerifier {
  const jwks = createRemoteJWKSet(new URL(`${issuer}/v1/keys`), {
    cooldownDuration: defaults.jwksCooldownMs,
    timeoutDuration: 5000,
  });
  const verifyDpop = createDpopVerifier();
  const cache = createVerifiedCache();
  const verifySignature = async (token: string, scheme: AuthScheme): Promise<VerifiedToken> => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer,
        audience,
        algorithms: [...defaults.tokenAlgorithms],
        clockTolerance: defaults.clockToleranceSeconds,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (e) {
      throw refusal(e, scheme);
    }
    const verified = { payload, identity: identityOf(payload) };
    cache.set(token, verified);
    return verified;
  };

  return async (req) => {
    const { scheme, token } = parseAuthorization(req.authorization, refusalError);
    // Only the signature and claim checks are cached: the DPoP proof and the issuer's word on
    // revocation below are checked on every request.
    const { payload, identity } = cache.get(token) ?? (await verifySignature(token, scheme));
    const jkt = (payload['cnf'] as { jkt?: unknown } | undefined)?.jkt;
    await verifyDpop({
      scheme,
      accessToken: token,
      jkt: typeof jkt === 'string' ? jkt : undefined,
      proof: req.dpop,
      method: req.method,
      url: req.url,
    });
    // Last, after the local checks: a token that fails those costs the issuer nothing.
    if (isActive) await isActive(token, payload, scheme);
    return { ...identity, scheme };
  };
}

/** A token that passed the signature and claim checks, with what its claims grant worked out once. */
export interface VerifiedToken {
  payload: JWTPayload;
  identity: Omit<Caller, 'scheme'>;
}

function identityOf(payload: JWTPayload): Omit<Caller, 'scheme'> {
  const scope = scopeString(payload);
  return {
    sub: String(payload.sub),
    clientId: String(payload['client_id'] ?? payload['cid'] ?? ''),
    scope,
    grants: parseSmartScopes(scope),
    patient: typeof payload['patient'] === 'string' ? payload['patient'] : undefined,
  };
}

/**
 * Tokens whose signature and claims already verified, so a page of requests pays for the signature
 * check once (it costs more than the search). An entry is used only while the token is unexpired;
 * the same string cannot carry different claims, so nothing else needs rechecking.
 */
export function createVerifiedCache(): {
  get(token: string): VerifiedToken | undefined;
  set(token: string, verified: VerifiedToken): void;
} {
  const entries = new Map<string, VerifiedToken>();
  const leewayMs = defaults.clockToleranceSeconds * 1000;
  return {
    get(token) {
      const verified = entries.get(token);
      if (verified && Number(verified.payload.exp) * 1000 + leewayMs > Date.now()) return verified;
      if (verified) entries.delete(token);
      return undefined;
    },
    set(token, verified) {
      if (entries.size >= 1000) entries.delete(entries.keys().next().value as string);
      entries.set(token, verified);
    },
  };
}

/** The `scope` string claim, falling back to Okta's `scp` array. */
function scopeString(payload: JWTPayload): string {
  if (typeof payload['scope'] === 'string') return payload['scope'];
  const scp = payload['scp'];
  return Array.isArray(scp) ? scp.filter((s) => typeof s === 'string').join(' ') : '';
}

/** Turns jose's failure into a description safe to show: never the token or its claims' values. */
function refusal(e: unknown, scheme: AuthScheme): FhirError {
  if (e instanceof errors.JWTExpired) return new InvalidToken('the token has expired', scheme);
  if (e instanceof errors.JWTClaimValidationFailed) {
    return new InvalidToken(`the '${e.claim}' claim is not acceptable`, scheme);
  }
  if (e instanceof errors.JOSEAlgNotAllowed) {
    return new InvalidToken('the signing algorithm is not allowed (RS256 or ES256 only)', scheme);
  }
  if (e instanceof errors.JWKSNoMatchingKey)
    return new InvalidToken('the signing key is unknown', scheme);
  if (e instanceof errors.JWSSignatureVerificationFailed) {
    return new InvalidToken('the signature does not verify', scheme);
  }
  if (e instanceof errors.JWKSTimeout || isFetchFailure(e)) {
    return new FhirError(503, 'exception', "The issuer's signing keys could not be fetched");
  }
  return new InvalidToken('the token is malformed', scheme);
}

function isFetchFailure(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  // jose reports a bad JWKS answer as a JOSEError; a refused connection surfaces as fetch's own error.
  if (e instanceof errors.JOSEError) return /JSON Web Key Set/i.test(e.message);
  return true;
}

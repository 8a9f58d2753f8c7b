/**
 * Token introspection (RFC 7662) against the issuer, so a token revoked by a sign-out elsewhere stops
 * working at the next request instead of at `exp`. A JWT's signature proves who issued it, not that
 * the issuer still stands behind it: only the issuer knows about revocation.
 *
 * The request is the one the local auth server (and Okta) accept from a public client: `token`,
 * `token_type_hint=access_token` and `client_id` = the token's own client, no secret. Answers are
 * cached per `jti` for a few seconds, so a page of parallel requests costs one round trip; a
 * revocation is therefore noticed at most that long late. Real FHIR servers (IRIS, HAPI, ...) usually
 * verify JWTs locally only and never ask; `FHIR_INTROSPECTION=off` gives that behaviour here.
 */
import type { JWTPayload } from 'jose';
import { ExpiringCache } from '../../../protocol/expiring-cache.ts';
import { defaults } from '../config.ts';
import { FhirError, InvalidToken } from '../errors.ts';

export interface IntrospectionOptions {
  /** Seconds an answer is reused for the same `jti`; 0 asks the issuer on every request. */
  cacheSeconds?: number;
  /** How long the issuer may take to answer before the request fails closed (503). */
  timeoutMs?: number;
}

/** Resolves when the issuer says the (already verified) token is active; throws the refusal otherwise. */
export type ActiveTokenCheck = (
  token: string,
  payload: JWTPayload,
  scheme: 'Bearer' | 'DPoP',
) => Promise<void>;

export function createIntrospection(
  issuer: string,
  options: IntrospectionOptions = {},
): ActiveTokenCheck {
  const endpoint = `${issuer}/v1/introspect`;
  const cacheMs = (options.cacheSeconds ?? defaults.introspectionCacheSeconds) * 1000;
  const timeoutMs = options.timeoutMs ?? defaults.introspectionTimeoutMs;
  const answers =
    cacheMs > 0
      ? new ExpiringCache<Promise<boolean>>({
          ttlMs: cacheMs,
          maxEntries: defaults.introspectionCacheMaxEntries,
        })
      : undefined;

  const ask = async (token: string, clientId: string): Promise<boolean> => {
    let res: Response;
    try {
      res = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: new URLSearchParams({
          token,
          token_type_hint: 'access_token',
          client_id: clientId,
        }).toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      throw unavailable(e);
    }
    const body = (await res.json().catch(() => undefined)) as { active?: unknown } | undefined;
    if (!res.ok || typeof body?.active !== 'boolean') throw unavailable();
    return body.active;
  };

  return async (token, payload, scheme) => {
    const clientId = String(payload['client_id'] ?? payload['cid'] ?? '');
    const jti = typeof payload.jti === 'string' ? payload.jti : undefined;
    let active = jti ? answers?.get(jti) : undefined;
    if (!active) {
      // Parallel requests with the same token share one question to the issuer.
      const asked = ask(token, clientId);
      active = asked;
      if (jti && answers) {
        answers.set(jti, asked);
        // A failed question is not an answer: the next request asks again.
        asked.catch(() => {
          if (answers.get(jti) === asked) answers.delete(jti);
        });
      }
    }
    if (!(await active)) throw new InvalidToken('The access token has been revoked', scheme);
  };
}

/** Fail closed: without the issuer's answer the token is not accepted (like a JWKS that cannot be fetched). */
function unavailable(cause?: unknown): FhirError {
  const error = new FhirError(
    503,
    'exception',
    'The issuer could not be asked whether the access token is still active',
  );
  if (cause !== undefined) error.cause = cause;
  return error;
}

/**
 * `FHIR_INTROSPECTION` (`off` disables it; default on) and `INTROSPECTION_CACHE_SECONDS` (default 5).
 * Returns false when introspection is off; throws on a value that is not a non-negative number.
 */
export function introspectionFromEnv(env: NodeJS.ProcessEnv): IntrospectionOptions | false {
  const mode = (env['FHIR_INTROSPECTION'] ?? 'on').trim().toLowerCase();
  if (mode === 'off') return false;
  if (mode !== 'on') throw new Error(`FHIR_INTROSPECTION must be "on" or "off", not "${mode}"`);
  const raw = env['INTROSPECTION_CACHE_SECONDS'];
  if (raw === undefined || raw.trim() === '') return {};
  const cacheSeconds = Number(raw);
  if (!Number.isFinite(cacheSeconds) || cacheSeconds < 0) {
    throw new Error(`INTROSPECTION_CACHE_SECONDS must be a number of seconds >= 0, not "${raw}"`);
  }
  return { cacheSeconds };
}

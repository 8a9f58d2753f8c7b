import { decodeToken } from '@okta/okta-auth-js';
import { allows, parseSmartScopes } from '../../../protocol/smart-scopes';
import { checkTokenClaims, type ClaimExpectations } from '../../../protocol/token-claims';
import { SessionSettings } from '../config/runtime-config';
import { describeIdleLimit } from '../session/idle-phase';

export type JsonObject = Record<string, unknown>;

export interface DecodedJwt {
  readonly header: JsonObject;
  readonly claims: JsonObject;
}

/**
 * A JWT's header and claims, read in the browser without verifying them (for display only, the token
 * never leaves it) by okta-auth-js; undefined for an opaque or broken token.
 */
export function decodeJwt(token: string): DecodedJwt | undefined {
  try {
    const { header, payload } = decodeToken(token);
    return { header: { ...header }, claims: { ...payload } };
  } catch {
    return undefined;
  }
}

export interface TokenCheck {
  readonly ok: boolean;
  /** What a FHIR server like IRIS needs, in plain words. */
  readonly requirement: string;
  readonly finding: string;
}

/**
 * Whether the granted scopes read a type. A granular scope counts: the server enforces its
 * restriction and some of the data is readable, so the app asks rather than assumes a refusal.
 */
export function scopeAllowsRead(scopes: readonly string[], resourceType: string): boolean {
  return allows(parseSmartScopes(scopes), resourceType, 'r', { granular: true });
}

/** The shared claim checklist, worded for the token inspector: each finding ends with its fix. */
export function checkAccessToken(claims: JsonObject, expected: ClaimExpectations): TokenCheck[] {
  return checkTokenClaims(claims, expected).map((check) => ({
    ok: check.status === 'pass',
    requirement: check.name,
    finding: check.fix ? `${check.finding} ${check.fix}` : check.finding,
  }));
}

/** "4 min 10 s", "45 s". */
function describeSpan(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}

/** "expires in 4 min 10 s", "expired 2 min ago". */
export function describeExpiry(exp: unknown, nowSeconds: number): string {
  if (typeof exp !== 'number') return 'no expiry (exp) claim';
  const left = Math.round(exp - nowSeconds);
  return left >= 0 ? `expires in ${describeSpan(left)}` : `expired ${describeSpan(-left)} ago`;
}

/** The inspector's two lines about the session: when it ends for inactivity, and how it renews. */
export function describeSession(state: {
  settings: SessionSettings;
  idleDeadlineMs: number | undefined;
  nowSeconds: number;
  hasRefreshToken: boolean;
  /** Set in an EHR session, which never renews through an iframe. */
  ehrName?: string;
}): { ends: string; renews: string } {
  const limit = describeIdleLimit(state.settings.idleMinutes);
  const left =
    state.idleDeadlineMs === undefined
      ? undefined
      : Math.max(0, Math.round(state.idleDeadlineMs / 1000 - state.nowSeconds));
  const ends =
    state.settings.idleMinutes <= 0
      ? 'Automatic sign-out is off (session.idleMinutes is 0): the session lasts as long as Okta allows.'
      : left === undefined
        ? `Every tab signs out after ${limit} without activity in any of them.`
        : `Without activity, every tab signs out in ${describeSpan(left)} (after ${limit} without any).`;
  const renews = state.hasRefreshToken
    ? 'Renews with a refresh token (offline_access was granted): no page or cookie is needed, and each tab holds its own.'
    : state.ehrName
      ? `Does not renew (${state.ehrName} granted no refresh token): when the token expires, the session ends, and only the EHR can open another.`
      : 'Renews through a hidden iframe on the Okta session (no refresh token was granted): it needs the Okta session cookie, so a browser that blocks third-party cookies for the issuer ends the session when the token expires.';
  return { ends, renews };
}

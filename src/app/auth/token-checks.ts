import { allows, parseSmartScopes } from '../../../protocol/smart-scopes';
import { checkTokenClaims, type ClaimExpectations } from '../../../protocol/token-claims';
import { JsonObject } from './jwt-decode';

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

/** "expires in 4 min 10 s", "expired 2 min ago". */
export function describeExpiry(exp: unknown, nowSeconds: number): string {
  if (typeof exp !== 'number') return 'no expiry (exp) claim';
  const left = Math.round(exp - nowSeconds);
  const span = (seconds: number) => {
    const minutes = Math.floor(seconds / 60);
    return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
  };
  return left >= 0 ? `expires in ${span(left)}` : `expired ${span(-left)} ago`;
}

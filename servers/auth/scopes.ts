/**
 * Scope policy, like an Okta custom authorization server's: a configured scope list (anything else is
 * `invalid_scope`), and per-user allowed SMART scopes intersected with the requested ones.
 */
import {
  formatSmartScope,
  narrowScope,
  parseSmartScope,
  parseSmartScopes,
} from '../../protocol/smart-scopes.ts';
import { LAUNCH_SCOPES, OIDC_SCOPES } from './defaults.ts';

/** The requested scopes that the server does not know (Okta answers these with `invalid_scope`). */
export function unknownScopes(requested: string[], configured: readonly string[]): string[] {
  const known = new Set(configured);
  return requested.filter((s) => !known.has(s));
}

/**
 * Granted = OpenID and launch scopes as requested + each requested SMART scope narrowed to what the
 * user is allowed (`user/*.read` requested, `user/Patient.read` allowed → `user/Patient.read`).
 */
export function grantedScopes(
  requested: string[],
  allowed: string[],
  configured: readonly string[],
): string[] {
  const known = new Set(configured);
  const granted = new Set<string>();
  const asRequested = new Set<string>([...OIDC_SCOPES, ...LAUNCH_SCOPES]);
  const allowedParsed = parseSmartScopes(allowed);
  for (const scope of requested) {
    if (asRequested.has(scope)) {
      granted.add(scope);
      continue;
    }
    const parsed = parseSmartScope(scope);
    if (!parsed) continue;
    for (const allow of allowedParsed) {
      const narrowed = narrowScope(parsed, allow);
      const result = narrowed && formatSmartScope(narrowed);
      if (result && known.has(result)) granted.add(result);
    }
  }
  return [...granted];
}

export function splitScope(scope: string | undefined): string[] {
  return [...new Set((scope ?? '').split(' ').filter(Boolean))];
}

/** Whether a request asks for a SMART launch (EHR or standalone): only those get the launch steps. */
export function isLaunchRequest(scopes: readonly string[]): boolean {
  return scopes.some((s) => (LAUNCH_SCOPES as readonly string[]).includes(s));
}

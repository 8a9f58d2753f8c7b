/**
 * The scope policy applied to a grant: what a user is given for what was requested (scopes.ts
 * narrows the scopes), recorded on the oidc-provider grant behind every code and token.
 */
import type Provider from 'oidc-provider';
import type { AuthConfig } from './config.ts';
import { OIDC_SCOPES } from './defaults.ts';
import { grantedScopes } from './scopes.ts';
import type { UserDirectory } from './users.ts';

/** Okta's `invalid_scope` description for a scope the authorization server does not list. */
export const UNCONFIGURED_SCOPES =
  'One or more scopes are not configured for the authorization server resource.';

export interface ScopePolicyDeps {
  config: AuthConfig;
  users: UserDirectory;
}

/**
 * Finds or creates the user's grant for a client and fills it with the policy's answer for the
 * requested scopes. Everything requested but not granted is recorded as rejected, so renewals with the
 * same request never need a consent step (Okta has none for first-party apps).
 */
export async function applyScopePolicy(
  provider: Provider,
  deps: ScopePolicyDeps,
  accountId: string,
  clientId: string,
  requested: string[],
  grantId?: string,
): Promise<{ grant: InstanceType<Provider['Grant']>; grantId: string; granted: string[] }> {
  const user = deps.users.byId(accountId);
  const granted = user ? grantedScopes(requested, user.allowedScopes, deps.config.scopes) : [];
  const existing = grantId ? await provider.Grant.find(grantId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId, clientId });
  const oidc = new Set<string>(OIDC_SCOPES);
  const grantedOidc = granted.filter((s) => oidc.has(s));
  if (grantedOidc.length) grant.addOIDCScope(grantedOidc.join(' '));
  // The access token carries every granted scope (Okta lists openid/profile/email in `scp` too).
  if (granted.length) grant.addResourceScope(deps.config.audience, granted.join(' '));
  const rejected = requested.filter((s) => !granted.includes(s));
  if (rejected.length) grant.rejectResourceScope(deps.config.audience, rejected.join(' '));
  const savedId = await grant.save();
  return { grant, grantId: savedId, granted };
}

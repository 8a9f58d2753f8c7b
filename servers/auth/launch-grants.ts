/**
 * The launch behind a grant: every SMART launch gets a grant of its own (two tabs launched for two
 * patients must never share one), and the patient, encounter and display choices are kept with it, so
 * the first token response and every refreshed access token say the same thing.
 *
 * Where the context goes follows Okta's SMART reference design:
 * - the token response gets `patient`, `encounter`, `need_patient_banner`, `smart_style_url` (what
 *   Okta's token proxy adds next to the tokens), unless the launch asked for "Okta without token
 *   proxy";
 * - the access token always gets `patient` (the FHIR server keeps `patient/` scopes inside that
 *   compartment) and `launch_response_<field>` for each field (what Okta's token inline hook adds).
 */
import type { KoaContextWithOIDC } from 'oidc-provider';
import type Provider from 'oidc-provider';
import type { LaunchChoice } from './launch-contexts.ts';
import type { Store } from './store.ts';

/** A launch's grant: the context and the scopes the user approved on the consent page. */
export interface LaunchGrant {
  /** `grantId` is also the store's grant column: ending the grant deletes this record with it. */
  grantId: string;
  context: LaunchChoice;
  scopes: string[];
}

/** The SMART launch context fields of a token response, as SMART App Launch names them. */
export function launchResponse(context: LaunchChoice): Record<string, unknown> {
  return {
    patient: context.patient,
    ...(context.encounter ? { encounter: context.encounter } : {}),
    need_patient_banner: context.needPatientBanner,
    ...(context.styleUrl ? { smart_style_url: context.styleUrl } : {}),
  };
}

/** Okta's token inline hook adds each context field as `launch_response_<field>`. */
export const LAUNCH_CLAIM_PREFIX = 'launch_response_';

/** The access token claims of a launch: the `patient` the FHIR server enforces, and the hook's copies. */
export function launchClaims(
  context: LaunchChoice,
  boundPatient: string | undefined,
): Record<string, unknown> {
  const claims: Record<string, unknown> = { patient: boundPatient ?? context.patient };
  for (const [field, value] of Object.entries(launchResponse(context)))
    claims[`${LAUNCH_CLAIM_PREFIX}${field}`] = value;
  return claims;
}

export interface LaunchGrants {
  /** Keeps a launch with its new grant, and the grant with the browser session that made it. */
  record(grant: LaunchGrant, sessionUid: string, ttlSeconds: number): void;
  find(grantId: string | undefined): LaunchGrant | undefined;
  /** The launch grants a browser session made, to end with its sign-out. */
  ofSession(sessionUid: string): string[];
}

const MODEL = 'LaunchGrant';
const SESSION_MODEL = 'LaunchSessionGrants';

export function createLaunchGrants(store: Store): LaunchGrants {
  return {
    record(grant, sessionUid, ttlSeconds) {
      store.put(MODEL, grant.grantId, grant, ttlSeconds);
      const earlier = store.get<{ grantIds: string[] }>(SESSION_MODEL, sessionUid)?.grantIds ?? [];
      store.put(SESSION_MODEL, sessionUid, { grantIds: [...earlier, grant.grantId] }, ttlSeconds);
    },
    find: (grantId) => (grantId ? store.get<LaunchGrant>(MODEL, grantId) : undefined),
    ofSession: (sessionUid) =>
      store.get<{ grantIds: string[] }>(SESSION_MODEL, sessionUid)?.grantIds ?? [],
  };
}

/**
 * The token endpoint's answers for a launch's grant carry its context (Okta's token proxy), unless
 * the launch asked for the access token alone to carry it.
 */
export function installLaunchResponses(provider: Provider, grants: LaunchGrants): void {
  provider.use(async (ctx: KoaContextWithOIDC, next) => {
    await next();
    if (ctx.oidc?.route !== 'token' || ctx.status !== 200) return;
    const body = ctx.body as Record<string, unknown> | undefined;
    const launch = grants.find(ctx.oidc.entities.Grant?.jti);
    if (!body?.access_token || !launch || launch.context.accessTokenOnly) return;
    ctx.body = { ...body, ...launchResponse(launch.context) };
  });
}

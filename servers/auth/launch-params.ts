/**
 * SMART App Launch on `/v1/authorize`, in front of the interaction steps: the `launch` and `aud`
 * parameters are checked before anything is shown (refusals go back to the app's redirect URI as
 * `invalid_request`, with the sentence to show), and a launch request always stops at the launch
 * steps (launch-interaction.ts), which pick the patient, ask consent and give the launch its own grant.
 */
import { errors, interactionPolicy, type KoaContextWithOIDC } from 'oidc-provider';
import type { AuthConfig } from './config.ts';
import type { LaunchContexts } from './launch-contexts.ts';
import type { LaunchGrants } from './launch-grants.ts';
import { isLaunchRequest, splitScope } from './scopes.ts';

const AUD_REQUIRED = "A SMART launch must name the FHIR server it is for in the 'aud' parameter.";
const NEEDS_LAUNCH_PARAMETER =
  "The 'launch' scope needs the 'launch' parameter the EHR gave the app. Open fhirokta from the EHR again.";
const NEEDS_LAUNCH_SCOPE = "The 'launch' parameter needs the 'launch' scope.";

/** Whether `aud` names the FHIR base exactly: scheme, host, port and path; one trailing slash aside. */
export function isFhirBase(aud: string, fhirBase: string): boolean {
  const bare = (url: string) => (url.endsWith('/') ? url.slice(0, -1) : url);
  return bare(aud) === bare(fhirBase);
}

const scopesOf = (ctx: KoaContextWithOIDC) =>
  splitScope(ctx.oidc.params?.scope as string | undefined);

/** oidc-provider `extraParams`: their validators run after the redirect URI is known to be the app's. */
export function launchParams(config: AuthConfig, contexts: LaunchContexts) {
  return {
    aud: (ctx: KoaContextWithOIDC, aud: unknown) => {
      if (aud === undefined) {
        if (isLaunchRequest(scopesOf(ctx))) throw new errors.InvalidRequest(AUD_REQUIRED);
        return;
      }
      if (typeof aud !== 'string' || !isFhirBase(aud, config.audience))
        throw new errors.InvalidRequest(
          `The 'aud' parameter must be this server's FHIR base, ${config.audience}.`,
        );
    },
    launch: (ctx: KoaContextWithOIDC, launch: unknown) => {
      const wantsLaunch = scopesOf(ctx).includes('launch');
      if (launch === undefined) {
        if (wantsLaunch) throw new errors.InvalidRequest(NEEDS_LAUNCH_PARAMETER);
        return;
      }
      if (!wantsLaunch) throw new errors.InvalidRequest(NEEDS_LAUNCH_SCOPE);
      // The user is known here only when the browser is signed in already; the launch steps check
      // again after a sign-in.
      const verdict = contexts.check(
        String(launch),
        ctx.oidc.client?.clientId ?? '',
        ctx.oidc.session?.accountId,
      );
      if (!verdict.ok) throw new errors.InvalidRequest(verdict.reason);
    },
  };
}

/**
 * The interaction policy: oidc-provider's own, plus a consent check that stops every launch request
 * until the launch steps have given it a grant of its own (a launch with `prompt=none` therefore gets
 * `consent_required`).
 */
export function launchPolicy(grants: LaunchGrants) {
  const policy = interactionPolicy.base();
  policy.get('consent')?.checks.push(
    new interactionPolicy.Check(
      'smart_launch',
      'a SMART launch needs the patient and the consent of the user',
      (ctx: KoaContextWithOIDC) => {
        const grantId = (ctx.oidc.result?.consent as { grantId?: string } | undefined)?.grantId;
        return isLaunchRequest(scopesOf(ctx)) && !grants.find(grantId)
          ? interactionPolicy.Check.REQUEST_PROMPT
          : interactionPolicy.Check.NO_NEED_TO_PROMPT;
      },
    ),
  );
  return policy;
}

import { Injector } from '@angular/core';
import { Router } from '@angular/router';
import { OktaAuth } from '@okta/okta-auth-js';
import { RuntimeConfig } from '../config/runtime-config';
import { EHR_SESSION } from '../fhir/fhir-session';
import { EhrExit } from '../launch/ehr-exit';
import { openedFrom, sessionEnded } from '../launch/launch-problems';
import { SessionEndNotices } from '../session/session-end';
import { safeReturnPath } from './safe-return-path';

export const CALLBACK_PATH = '/login/callback';

/**
 * One OktaAuth for the app. Tokens live in sessionStorage: they survive a reload of this tab
 * but not the browser session, and are never shared with other tabs.
 */
export function createOktaAuth(
  config: RuntimeConfig,
  appOrigin = window.location.origin,
): OktaAuth {
  return new OktaAuth({
    issuer: config.okta.issuer,
    clientId: config.okta.clientId,
    scopes: [...config.okta.scopes],
    redirectUri: `${appOrigin}${CALLBACK_PATH}`,
    postLogoutRedirectUri: appOrigin,
    pkce: true,
    // DPoP binds tokens to a non-extractable key in IndexedDB: a copied token is useless alone.
    dpop: config.okta.dpop ?? false,
    tokenManager: { storage: 'sessionStorage' },
  });
}

/**
 * Where the guard sends an unauthenticated user: our login page, which knows the login mode. An EHR
 * session that has run out is not signed in again here: only its EHR can start another, so the user
 * is told so, and nothing retries.
 */
export function onAuthRequired(_oktaAuth: OktaAuth, injector: Injector): void {
  const ehr = injector.get(EHR_SESSION);
  if (ehr) injector.get(EhrExit).endWithProblem(sessionEnded(openedFrom(ehr)));
  else void injector.get(Router).navigate(['/login']);
}

/**
 * After sign-in, go back to the page first asked for, but only if it is one of ours; a notice of how
 * the last session ended has then been read.
 */
export function installReturnToOriginalUri(
  oktaAuth: OktaAuth,
  router: Router,
  notices: SessionEndNotices,
): void {
  oktaAuth.options.restoreOriginalUri = async (_auth, originalUri) => {
    notices.clear();
    await router.navigateByUrl(safeReturnPath(originalUri, window.location.origin), {
      replaceUrl: true,
    });
  };
}

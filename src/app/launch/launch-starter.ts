import { DOCUMENT, Injectable, inject } from '@angular/core';
import { launchScopes } from '../../../protocol/launch-scopes';
import type { SmartDiscovery } from '../../../protocol/smart-discovery';
import { EhrEntry } from '../config/runtime-config';
import { PAGE_LOCATION } from '../session/page-location';
import { createEhrOktaAuth } from './ehr-auth';
import { EhrDiscovery } from './ehr-discovery';
import { EhrSession, endEhrSession, saveEhrSession } from './ehr-session';
import { LaunchProblem, discoveryFailed, tokenRefused } from './launch-problems';

/** What the EHR sent to `/launch`: its launch id and its FHIR base as it wrote it. */
export interface EhrLaunch {
  readonly launch: string;
  readonly iss: string;
}

/** 32 random bytes, base64url: the authorization request's `state`. */
function newState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

const OIDC_SCOPES = ['openid', 'fhirUser', 'profile', 'email'];

/**
 * An EHR whose SMART configuration states neither `sso-openid-connect` nor an issuer does no OpenID
 * Connect: it sends no ID token, and okta-auth-js refuses a response without one when `openid` was asked
 * for. So it is not asked. (A CapabilityStatement states too little to tell, and is asked as configured.)
 */
function withoutOidcUnlessOffered(scopes: readonly string[], found: SmartDiscovery): string[] {
  const offered =
    found.source === 'capability-statement' ||
    found.issuer !== undefined ||
    found.capabilities.includes('sso-openid-connect');
  return offered ? [...scopes] : scopes.filter((scope) => !OIDC_SCOPES.includes(scope));
}

/**
 * Starts a session with an EHR: discovery, then Authorization Code with PKCE S256, `state`, `aud` = the
 * FHIR base and, for an EHR launch, its `launch` id. The page leaves for the EHR's authorization
 * endpoint; the callback (EhrCallback) finishes. Resolves with a problem when it could not leave, and
 * with nothing once the page is leaving for the EHR.
 */
@Injectable({ providedIn: 'root' })
export class LaunchStarter {
  private readonly discovery = inject(EhrDiscovery);
  private readonly document = inject(DOCUMENT);
  private readonly location = inject(PAGE_LOCATION);

  async start(ehr: EhrEntry, launch?: EhrLaunch): Promise<LaunchProblem | undefined> {
    const opened = { ehr, launched: launch !== undefined };
    const found = await this.discovery.discover(ehr);
    if (!found.ok) return discoveryFailed(opened, found.problem);
    const storage = this.document.defaultView?.sessionStorage ?? sessionStorage;
    const session: EhrSession = {
      ehr,
      endpoints: found.endpoints,
      scopes: withoutOidcUnlessOffered(
        launchScopes(launch ? 'ehr' : 'standalone', ehr.scopes, found.endpoints.capabilities)
          .scopes,
        found.endpoints,
      ),
      state: newState(),
      ...(launch ? { launch: launch.launch } : {}),
    };
    // A new launch replaces whatever EHR session this tab had: one EHR, one patient at a time.
    endEhrSession(storage);
    saveEhrSession(storage, session);
    // The context is kept by the callback's client (app.config.ts), which exchanges the code.
    const auth = createEhrOktaAuth(session, this.document.location.origin, () => undefined);
    auth.options.setLocation = (url) => this.location.assign(url);
    try {
      await auth.token.getWithRedirect({
        state: session.state,
        extraParams: {
          // The FHIR base the token is for, as the EHR wrote it (standalone: as configured).
          aud: launch?.iss ?? ehr.iss,
          ...(launch ? { launch: launch.launch } : {}),
        },
      });
    } catch (error) {
      endEhrSession(storage);
      return tokenRefused(opened, error);
    }
    return undefined;
  }
}

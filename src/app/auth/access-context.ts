import { Injectable, inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { OKTA_AUTH } from '@okta/okta-angular';
import { parseSmartScopes, tokenScopes } from '../../../protocol/smart-scopes';
import { EHR_SESSION } from '../fhir/fhir-session';
import { LaunchSession } from '../launch/launch-session';
import { decodeJwt, scopeAllowsRead } from './token-checks';

/** What the signed-in user may see, read from the access token's claims (display only). */
@Injectable({ providedIn: 'root' })
export class AccessContext {
  private readonly oktaAuth = inject(OKTA_AUTH);
  private readonly ehr = inject(EHR_SESSION);
  private readonly launch = inject(LaunchSession);

  /**
   * The Patient a patient-bound user is limited to: the token's `patient` claim or, in an EHR session
   * granted only patient-level scopes, the patient it launched with.
   */
  boundPatientId(): string | undefined {
    const patient = this.claims()?.['patient'];
    if (typeof patient === 'string' && patient !== '') return patient;
    if (!this.ehr) return undefined;
    const scopes = parseSmartScopes(this.grantedScopes());
    return scopes.length > 0 && scopes.every((scope) => scope.context === 'patient')
      ? this.launch.context()?.patient
      : undefined;
  }

  /**
   * Whether the granted scopes read this resource type. An opaque or scope-less token says
   * nothing, so the server decides (true). Used to avoid requests bound to end in a 403.
   */
  mayRead(resourceType: string): boolean {
    const scopes = this.grantedScopes().filter((s) => s.includes('/'));
    return scopes.length === 0 || scopeAllowsRead(scopes, resourceType);
  }

  /** The token's scopes; an EHR's token may be opaque, and then the token response's `scope` says. */
  private grantedScopes(): string[] {
    const claims = this.claims();
    const fromClaims = claims ? tokenScopes(claims) : [];
    if (fromClaims.length > 0 || !this.ehr) return fromClaims;
    return [...(this.oktaAuth.tokenManager.getTokensSync().accessToken?.scopes ?? [])];
  }

  private claims() {
    const token = this.oktaAuth.getAccessToken();
    return token ? decodeJwt(token)?.claims : undefined;
  }
}

/**
 * A patient-bound user lands on their own record and cannot browse others: the server would
 * refuse anyway, but the app should not offer what the user cannot have.
 */
export const ownRecordGuard: CanActivateFn = (route) => {
  const patientId = inject(AccessContext).boundPatientId();
  if (!patientId || route.paramMap.get('id') === patientId) return true;
  return inject(Router).createUrlTree(['/patients', patientId]);
};

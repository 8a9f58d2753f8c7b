import { Injectable, inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { OKTA_AUTH } from '@okta/okta-angular';
import { tokenScopes } from '../../../protocol/smart-scopes';
import { decodeJwt, scopeAllowsRead } from './token-checks';

/** What the signed-in user may see, read from the access token's claims (display only). */
@Injectable({ providedIn: 'root' })
export class AccessContext {
  private readonly oktaAuth = inject(OKTA_AUTH);

  /** The Patient a patient-bound user is limited to (the token's `patient` claim), if any. */
  boundPatientId(): string | undefined {
    const patient = this.claims()?.['patient'];
    return typeof patient === 'string' && patient !== '' ? patient : undefined;
  }

  /**
   * Whether the granted scopes read this resource type. An opaque or scope-less token says
   * nothing, so the server decides (true). Used to avoid requests bound to end in a 403.
   */
  mayRead(resourceType: string): boolean {
    const claims = this.claims();
    const scopes = claims ? tokenScopes(claims).filter((s) => s.includes('/')) : [];
    return scopes.length === 0 || scopeAllowsRead(scopes, resourceType);
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

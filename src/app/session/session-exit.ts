import { Injectable, inject } from '@angular/core';
import { OKTA_AUTH } from '@okta/okta-angular';
import { EHR_SESSION } from '../fhir/fhir-session';
import { EhrExit } from '../launch/ehr-exit';
import { PAGE_LOCATION } from './page-location';

/**
 * How this tab leaves its session, the way the service that issued it allows. Okta's is ended at the
 * issuer. An EHR session has no sign-in session of ours to end, and the EHR's own stays: its tokens are
 * revoked where the EHR offers revocation. Either way a tab that stays forgets its tokens and reloads,
 * so no patient data is left in its DOM or memory.
 */
@Injectable({ providedIn: 'root' })
export class SessionExit {
  private readonly oktaAuth = inject(OKTA_AUTH);
  private readonly ehr = inject(EHR_SESSION);
  private readonly ehrExit = inject(EhrExit);
  private readonly location = inject(PAGE_LOCATION);

  /** Whether a sign-in session outlives signing out here: an EHR's, which only the EHR can end. */
  readonly signInStays = this.ehr !== undefined;

  /**
   * Ends the session where it was issued, and leaves the page. False when Okta could not be reached:
   * the tab stays on its page, its tokens still held (okta-auth-js may have revoked them first).
   */
  async endAtIssuer(): Promise<boolean> {
    if (this.ehr) {
      await this.revokeAtEhr();
      this.forgetAndReload();
      return true;
    }
    try {
      // Revokes the tokens, then leaves for the issuer's logout, which returns to the app's origin.
      await this.oktaAuth.signOut();
      return true;
    } catch {
      return false;
    }
  }

  /** Forgets this tab's tokens and opens the login page afresh. */
  forgetAndReload(): void {
    // The EHR session first: forgetting the tokens sets the guard looking for a way out of it.
    this.ehrExit.forget();
    this.oktaAuth.tokenManager.clear();
    this.location.replace('/login');
  }

  private async revokeAtEhr(): Promise<void> {
    const { accessToken, refreshToken } = this.oktaAuth.tokenManager.getTokensSync();
    // Leaving first: the tokens going makes the guard look for a way out, which must not be another.
    this.ehrExit.forget();
    if (this.ehr?.endpoints.revocationEndpoint) {
      // Revoking a refresh token ends its grant; the access token goes too, for servers that check.
      await Promise.allSettled([
        accessToken && this.oktaAuth.revokeAccessToken(accessToken),
        refreshToken && this.oktaAuth.revokeRefreshToken(refreshToken),
      ]);
    }
  }
}

import { Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';
import { OKTA_AUTH } from '@okta/okta-angular';
import { EHR_SESSION } from '../fhir/fhir-session';
import { EhrExit } from '../launch/ehr-exit';
import { PAGE_LOCATION } from './page-location';
import { SessionChannel } from './session-channel';
import { SessionEndNotices, SessionEndReason } from './session-end';

/**
 * The one way out of a session, for every tab. The tab that signs out revokes its tokens and ends the
 * Okta session (revoking a refresh token ends the whole grant, so every tab's tokens die with it) and
 * tells the other tabs, which forget their tokens and reload on the login page, so no patient data
 * is left in any tab's DOM or memory. An EHR session has no sign-in session of ours to end: its tokens
 * are revoked where the EHR offers revocation, forgotten, and the tab opens the sign-in page.
 */
@Injectable({ providedIn: 'root' })
export class SignOut {
  private readonly oktaAuth = inject(OKTA_AUTH);
  private readonly router = inject(Router);
  private readonly channel = inject(SessionChannel);
  private readonly notices = inject(SessionEndNotices);
  private readonly location = inject(PAGE_LOCATION);
  private readonly ehr = inject(EHR_SESSION);
  private readonly ehrExit = inject(EhrExit);
  private signingOut = false;

  /** Signs out every tab; `idle` leaves a notice and the way back to this page. */
  async everywhere(reason: 'user' | 'idle'): Promise<void> {
    if (this.signingOut) return;
    this.signingOut = true;
    if (reason === 'idle') this.notices.record({ reason, returnPath: this.router.url });
    this.channel.post({ kind: 'signed-out', reason });
    if (this.ehr) return this.signOutOfEhr(reason);
    try {
      // Revokes the tokens, then leaves for the issuer's logout, which returns to the app's origin.
      await this.oktaAuth.signOut();
    } catch {
      // Revocation or logout failed (server down): still forget the tokens and leave the data, and
      // say so, so the login page does not silently sign back in on the Okta session that remains.
      this.notices.record({
        reason: reason === 'idle' ? 'idle' : 'sign-out-incomplete',
        returnPath: this.router.url,
      });
      this.forgetAndReload('/login');
    }
  }

  /** Another tab signed out, or this tab's session ended: forget the tokens, say why, reload. */
  endHere(reason: SessionEndReason): void {
    if (this.signingOut) return;
    this.signingOut = true;
    this.notices.record({ reason, returnPath: this.router.url });
    this.forgetAndReload('/login');
  }

  private forgetAndReload(path: string): void {
    // The EHR session first: forgetting the tokens sets the guard looking for a way out of it.
    this.ehrExit.forget();
    this.oktaAuth.tokenManager.clear();
    this.location.replace(path);
  }

  /**
   * There is no sign-in session of ours to end, and the EHR's own stays: the sign-in page then waits for
   * the user (with a notice) instead of signing in again by itself.
   */
  private async signOutOfEhr(reason: 'user' | 'idle'): Promise<void> {
    if (reason === 'user') {
      this.notices.record({ reason: 'signed-out-of-ehr', returnPath: '/patients' });
    }
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
    this.forgetAndReload('/login');
  }
}

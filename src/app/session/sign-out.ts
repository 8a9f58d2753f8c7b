import { Injectable, inject } from '@angular/core';
import { SessionChannel } from './session-channel';
import { SessionEndNotices, SessionEndReason } from './session-end';
import { SessionExit } from './session-exit';

/**
 * The one way out of a session, for every tab. The tab that signs out ends its session where it was
 * issued (revoking an Okta refresh token ends the whole grant, so every tab's tokens die with it) and
 * tells the other tabs, which forget their tokens and reload on the login page, so no patient data
 * is left in any tab's DOM or memory. How a tab leaves its session is SessionExit's.
 */
@Injectable({ providedIn: 'root' })
export class SignOut {
  private readonly channel = inject(SessionChannel);
  private readonly notices = inject(SessionEndNotices);
  private readonly exit = inject(SessionExit);
  private signingOut = false;

  /** Signs out every tab; `idle` leaves a notice and the way back to this page. */
  async everywhere(reason: 'user' | 'idle'): Promise<void> {
    if (this.signingOut) return;
    this.signingOut = true;
    if (reason === 'idle') this.notices.recordHere(reason);
    this.channel.post({ kind: 'signed-out', reason });
    if (reason === 'user' && this.exit.signInStays) {
      // The sign-in page then waits for the user instead of signing in again on the EHR's session.
      this.notices.record({ reason: 'signed-out-of-ehr', returnPath: '/patients' });
    }
    if (await this.exit.endAtIssuer()) return;
    // Revocation or logout failed (server down): still forget the tokens and leave the data, and
    // say so, so the login page does not silently sign back in on the Okta session that remains.
    this.notices.recordHere(reason === 'idle' ? 'idle' : 'sign-out-incomplete');
    this.exit.forgetAndReload();
  }

  /** Another tab signed out, or this tab's session ended: forget the tokens, say why, reload. */
  endHere(reason: SessionEndReason): void {
    if (this.signingOut) return;
    this.signingOut = true;
    this.notices.recordHere(reason);
    this.exit.forgetAndReload();
  }
}

import { Injectable, OnDestroy, inject } from '@angular/core';
import { OKTA_AUTH } from '@okta/okta-angular';
import { Subscription } from 'rxjs';
import { IdleSignOut } from './idle-sign-out';
import { PAGE_LOCATION } from './page-location';
import { SessionChannel, SessionMessage } from './session-channel';
import { SignOut } from './sign-out';

const TAB_ID_KEY = 'fhirokta.tab-id';

/**
 * What the other tabs of the app say about the session:
 * - a sign-out in another tab ends this one at once;
 * - a duplicated tab (the browser copies sessionStorage, tokens included) drops its copy and signs in
 *   on its own, so two tabs never refresh with one refresh token (which the issuer treats as theft).
 */
@Injectable({ providedIn: 'root' })
export class OtherTabs implements OnDestroy {
  private readonly oktaAuth = inject(OKTA_AUTH);
  private readonly channel = inject(SessionChannel);
  private readonly signOut = inject(SignOut);
  private readonly idle = inject(IdleSignOut);
  private readonly location = inject(PAGE_LOCATION);

  private tabId = '';
  private subscription?: Subscription;

  start(): void {
    this.claimTabId();
    this.subscription = this.channel.messages.subscribe((m) => this.onMessage(m));
  }

  ngOnDestroy(): void {
    this.subscription?.unsubscribe();
  }

  private onMessage(message: SessionMessage): void {
    switch (message.kind) {
      case 'signed-out':
        // Only a tab with a session to end: a token, or an idle clock that still counts.
        if (this.oktaAuth.getAccessToken() || this.idle.idleDeadline() !== undefined)
          this.signOut.endHere(message.reason === 'idle' ? 'idle' : 'signed-out-elsewhere');
        return;
      case 'tab-hello':
        if (message.tabId === this.tabId)
          this.channel.post({ kind: 'tab-taken', tabId: message.tabId });
        return;
      case 'tab-taken':
        if (message.tabId === this.tabId) this.dropCopiedSession();
        return;
    }
  }

  /** Tabs keep an id in sessionStorage; a duplicated tab starts with its original's id and hears so. */
  private claimTabId(): void {
    this.tabId = sessionStorage.getItem(TAB_ID_KEY) ?? newTabId();
    sessionStorage.setItem(TAB_ID_KEY, this.tabId);
    this.channel.post({ kind: 'tab-hello', tabId: this.tabId });
  }

  /** This tab is a copy: its tokens are its original's. Forget them (never revoke: they are live). */
  private dropCopiedSession(): void {
    this.tabId = newTabId();
    sessionStorage.setItem(TAB_ID_KEY, this.tabId);
    this.oktaAuth.tokenManager.clear();
    this.location.reload();
  }
}

function newTabId(): string {
  return crypto.randomUUID();
}

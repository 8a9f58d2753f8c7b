import { DOCUMENT, Injectable, OnDestroy, inject, signal } from '@angular/core';
import { OKTA_AUTH, OktaAuthStateService } from '@okta/okta-angular';
import { Subscription } from 'rxjs';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { IdlePhase, idlePhase } from './idle-phase';
import { PAGE_LOCATION } from './page-location';
import { SessionChannel, SessionMessage } from './session-channel';
import { SignOut } from './sign-out';

/** What counts as activity: the keyboard, the pointer, and bringing a tab of the app to the front. */
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
/** Other tabs hear of activity at most this often: enough for a limit counted in minutes. */
const SHARE_EVERY_MS = 5_000;
const TAB_ID_KEY = 'fhirokta.tab-id';

/**
 * Watches a signed-in session across every tab of the app:
 * - idle sign-out: activity in any tab resets the clock; the warning phase drives the dialog, and
 *   at the limit this tab signs every tab out;
 * - a sign-out in another tab ends this one at once;
 * - a duplicated tab (the browser copies sessionStorage, tokens included) drops its copy and signs in
 *   on its own, so two tabs never refresh with one refresh token (which the issuer treats as theft);
 * - a page restored from the back-forward cache after its session ended is reloaded, never shown.
 */
@Injectable({ providedIn: 'root' })
export class SessionWatch implements OnDestroy {
  private readonly settings = inject(RUNTIME_CONFIG).session;
  private readonly oktaAuth = inject(OKTA_AUTH);
  private readonly authState = inject(OktaAuthStateService);
  private readonly channel = inject(SessionChannel);
  private readonly signOut = inject(SignOut);
  private readonly location = inject(PAGE_LOCATION);
  private readonly document = inject(DOCUMENT);

  private readonly current = signal<IdlePhase>({ kind: 'active' });
  /** The idle phase, for the warning dialog. */
  readonly phase = this.current.asReadonly();
  private readonly deadline = signal<number | undefined>(undefined);
  /** When every tab signs out unless there is activity first (ms); undefined while not counting. */
  readonly idleDeadline = this.deadline.asReadonly();

  private lastActivityMs = Date.now();
  private lastShared = 0;
  private tabId = '';
  private timer?: ReturnType<typeof setInterval>;
  private readonly subscriptions = new Subscription();
  private readonly onActivity = () => this.noteActivity(false);
  private readonly onVisibility = () => {
    if (this.document.visibilityState === 'visible') this.noteActivity(false);
  };
  private readonly onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted && !this.oktaAuth.getAccessToken()) this.location.reload();
  };

  private setLastActivity(at: number): void {
    this.lastActivityMs = at;
    if (this.timer !== undefined) this.deadline.set(at + this.settings.idleMinutes * 60_000);
  }

  start(): void {
    this.claimTabId();
    this.subscriptions.add(this.channel.messages.subscribe((m) => this.onMessage(m)));
    this.subscriptions.add(
      this.authState.authState$.subscribe((state) =>
        state.isAuthenticated ? this.watch() : this.unwatch(),
      ),
    );
    this.document.defaultView?.addEventListener('pageshow', this.onPageShow);
  }

  /** "Stay signed in": counts as activity in every tab at once. */
  staySignedIn(): void {
    this.noteActivity(true);
  }

  ngOnDestroy(): void {
    this.unwatch();
    this.subscriptions.unsubscribe();
    this.document.defaultView?.removeEventListener('pageshow', this.onPageShow);
  }

  private watch(): void {
    if (this.timer !== undefined || this.settings.idleMinutes <= 0) return;
    // The timer first: the deadline is published only while counting.
    this.timer = setInterval(() => this.tick(), 1000);
    this.setLastActivity(Date.now());
    for (const name of ACTIVITY_EVENTS)
      this.document.addEventListener(name, this.onActivity, { capture: true, passive: true });
    this.document.addEventListener('visibilitychange', this.onVisibility);
  }

  private unwatch(): void {
    if (this.timer === undefined) return;
    clearInterval(this.timer);
    this.timer = undefined;
    for (const name of ACTIVITY_EVENTS)
      this.document.removeEventListener(name, this.onActivity, { capture: true });
    this.document.removeEventListener('visibilitychange', this.onVisibility);
    this.current.set({ kind: 'active' });
    this.deadline.set(undefined);
  }

  /** The phase signal changes only when the phase (or the countdown) does: ticks cost no rendering. */
  private tick(): void {
    const phase = idlePhase(this.lastActivityMs, Date.now(), this.settings);
    const before = this.current();
    if (
      phase.kind !== before.kind ||
      (phase.kind === 'warning' &&
        before.kind === 'warning' &&
        phase.secondsLeft !== before.secondsLeft)
    )
      this.current.set(phase);
    if (phase.kind === 'expired') {
      this.unwatch();
      void this.signOut.everywhere('idle');
    }
  }

  private noteActivity(shareNow: boolean): void {
    const now = Date.now();
    this.setLastActivity(now);
    if (this.current().kind === 'warning') this.current.set({ kind: 'active' });
    if (shareNow || now - this.lastShared >= SHARE_EVERY_MS) {
      this.lastShared = now;
      this.channel.post({ kind: 'activity', at: now });
    }
  }

  private onMessage(message: SessionMessage): void {
    switch (message.kind) {
      case 'activity':
        if (message.at > this.lastActivityMs) {
          this.setLastActivity(Math.min(message.at, Date.now()));
          if (this.current().kind === 'warning') this.current.set({ kind: 'active' });
        }
        return;
      case 'signed-out':
        if (this.oktaAuth.getAccessToken() || this.timer !== undefined)
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

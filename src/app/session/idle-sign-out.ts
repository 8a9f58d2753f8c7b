import { Injectable, OnDestroy, inject, signal } from '@angular/core';
import { OktaAuthStateService } from '@okta/okta-angular';
import { Subscription } from 'rxjs';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { IdlePhase, idlePhase } from './idle-phase';
import { SignOut } from './sign-out';
import { UserActivity } from './user-activity';

/**
 * Idle sign-out, while signed in: activity in any tab resets the clock; the warning phase drives the
 * dialog, and at the limit this tab signs every tab out.
 */
@Injectable({ providedIn: 'root' })
export class IdleSignOut implements OnDestroy {
  private readonly settings = inject(RUNTIME_CONFIG).session;
  private readonly authState = inject(OktaAuthStateService);
  private readonly activity = inject(UserActivity);
  private readonly signOut = inject(SignOut);

  private readonly current = signal<IdlePhase>({ kind: 'active' });
  /** The idle phase, for the warning dialog. */
  readonly phase = this.current.asReadonly();
  private readonly deadline = signal<number | undefined>(undefined);
  /** When every tab signs out unless there is activity first (ms); undefined while not counting. */
  readonly idleDeadline = this.deadline.asReadonly();

  private lastActivityMs = Date.now();
  private timer?: ReturnType<typeof setInterval>;
  /** Activity in this tab, heard only while counting. */
  private activityHere?: Subscription;
  private readonly subscriptions = new Subscription();

  /** Activity at `at` (here or in another tab): the clock counts from it again, and a warning ends. */
  private restartClock(at: number): void {
    this.lastActivityMs = at;
    if (this.timer !== undefined) this.deadline.set(at + this.settings.idleMinutes * 60_000);
    if (this.current().kind === 'warning') this.current.set({ kind: 'active' });
  }

  start(): void {
    this.subscriptions.add(this.activity.elsewhere.subscribe((at) => this.activityElsewhere(at)));
    this.subscriptions.add(
      this.authState.authState$.subscribe((state) =>
        state.isAuthenticated ? this.watch() : this.unwatch(),
      ),
    );
  }

  /** "Stay signed in": counts as activity in every tab at once. */
  staySignedIn(): void {
    this.noteActivity(true);
  }

  ngOnDestroy(): void {
    this.unwatch();
    this.subscriptions.unsubscribe();
  }

  private watch(): void {
    if (this.timer !== undefined || this.settings.idleMinutes <= 0) return;
    // The timer first: the deadline is published only while counting.
    this.timer = setInterval(() => this.tick(), 1000);
    this.restartClock(Date.now());
    this.activityHere = this.activity.here.subscribe(() => this.noteActivity(false));
  }

  private unwatch(): void {
    if (this.timer === undefined) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.activityHere?.unsubscribe();
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
    this.restartClock(now);
    this.activity.share(now, shareNow);
  }

  private activityElsewhere(at: number): void {
    if (at > this.lastActivityMs) this.restartClock(Math.min(at, Date.now()));
  }
}

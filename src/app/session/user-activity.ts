import { DOCUMENT, Injectable, inject } from '@angular/core';
import { Observable, filter, fromEvent, map, merge } from 'rxjs';
import { SessionChannel } from './session-channel';

/** What counts as activity: the keyboard, the pointer, and bringing a tab of the app to the front. */
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
/** Other tabs hear of activity at most this often: enough for a limit counted in minutes. */
const SHARE_EVERY_MS = 5_000;

/** The user's activity in any tab of the app: heard here, shared with the other tabs, heard from them. */
@Injectable({ providedIn: 'root' })
export class UserActivity {
  private readonly document = inject(DOCUMENT);
  private readonly channel = inject(SessionChannel);
  private lastShared = 0;

  /** Activity in this tab; the page's listeners stay only while someone subscribes. */
  readonly here: Observable<unknown> = merge(
    ...ACTIVITY_EVENTS.map((name) =>
      fromEvent(this.document, name, { capture: true, passive: true }),
    ),
    fromEvent(this.document, 'visibilitychange').pipe(
      filter(() => this.document.visibilityState === 'visible'),
    ),
  );

  /** When there was activity in another tab (ms, by that tab's clock). */
  readonly elsewhere: Observable<number> = this.channel.messages.pipe(
    map((message) => (message.kind === 'activity' ? message.at : undefined)),
    filter((at) => at !== undefined),
  );

  /** Tells the other tabs of activity here at `at`: at once when `now`, else at most every 5 s. */
  share(at: number, now: boolean): void {
    if (now || at - this.lastShared >= SHARE_EVERY_MS) {
      this.lastShared = at;
      this.channel.post({ kind: 'activity', at });
    }
  }
}

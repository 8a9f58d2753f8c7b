import { Injectable, OnDestroy } from '@angular/core';
import { Observable, Subject } from 'rxjs';

/** What the app's tabs tell each other. Nothing here is a token or patient data. */
export type SessionMessage =
  | { readonly kind: 'activity'; readonly at: number }
  | { readonly kind: 'signed-out'; readonly reason: 'user' | 'idle' }
  | { readonly kind: 'tab-hello'; readonly tabId: string }
  | { readonly kind: 'tab-taken'; readonly tabId: string };

function isSessionMessage(data: unknown): data is SessionMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  switch (m['kind']) {
    case 'activity':
      return typeof m['at'] === 'number';
    case 'signed-out':
      return m['reason'] === 'user' || m['reason'] === 'idle';
    case 'tab-hello':
    case 'tab-taken':
      return typeof m['tabId'] === 'string';
    default:
      return false;
  }
}

/** A BroadcastChannel between this app's tabs (same origin only); silent where it does not exist. */
@Injectable({ providedIn: 'root' })
export class SessionChannel implements OnDestroy {
  private readonly channel =
    typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('fhirokta-session');
  private readonly incoming = new Subject<SessionMessage>();
  /** Messages from the other tabs (a tab never receives its own). */
  readonly messages: Observable<SessionMessage> = this.incoming.asObservable();

  constructor() {
    if (this.channel)
      this.channel.onmessage = (event: MessageEvent) => {
        if (isSessionMessage(event.data)) this.incoming.next(event.data);
      };
  }

  post(message: SessionMessage): void {
    this.channel?.postMessage(message);
  }

  ngOnDestroy(): void {
    this.channel?.close();
    this.incoming.complete();
  }
}

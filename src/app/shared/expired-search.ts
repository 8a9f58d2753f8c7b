import { Signal, WritableSignal, effect, signal, untracked } from '@angular/core';
import { LoadState } from './load-state';

/**
 * Servers that keep search results for a while (HAPI) answer a page link with 410 Gone once they have
 * dropped them. The search then runs again from its first page, and the list says why: an error with
 * a Retry that can only fail again would not help. `restart` goes back to the first page and answers
 * whether it did (only a page link can expire). Call it in an injection context (a field initialiser).
 */
export function restartExpiredSearch(
  state: Signal<LoadState<unknown>>,
  restart: () => boolean,
): WritableSignal<boolean> {
  const restarted = signal(false);
  effect(() => {
    const current = state();
    if (current.status === 'error' && current.error.status === 410 && untracked(restart))
      restarted.set(true);
  });
  return restarted;
}

import { Signal, computed, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Observable, Subject, catchError, defer, map, of, startWith, switchMap } from 'rxjs';
import { FhirError, toFhirError } from '../fhir/fhir-error';

/**
 * What a page knows about one piece of remote data. "Not permitted" is a state of its own, not an
 * error: the user's access does not include the data, so Retry cannot help. Empty is a kind of
 * loaded: a page says "none" only inside its loaded branch, so data that is still unknown (loading,
 * failed) or withheld (not permitted) never reads as "none".
 */
export type LoadState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly data: T }
  | { readonly status: 'error'; readonly error: FhirError }
  | { readonly status: 'not-permitted' };

const LOADING: LoadState<never> = { status: 'loading' };
const NOT_PERMITTED: LoadState<never> = { status: 'not-permitted' };

/** A request as load states: loading, then loaded, error, or not-permitted for a 403. */
function loadState<T>(request: Observable<T>): Observable<LoadState<T>> {
  return request.pipe(
    map((data): LoadState<T> => ({ status: 'loaded', data })),
    catchError((failure: unknown) => {
      const error = toFhirError(failure);
      return of<LoadState<T>>(
        error.kind === 'forbidden' ? NOT_PERMITTED : { status: 'error', error },
      );
    }),
    startWith(LOADING),
  );
}

/** One piece of remote data as signals, for a page to bind. */
export interface Loader<T> {
  readonly state: Signal<LoadState<T>>;
  /** The data once loaded, and undefined in every other state. */
  readonly data: Signal<T | undefined>;
  /** Loads the current parameters again (the error panel's Retry). */
  retry(): void;
}

export interface LoaderOptions<P, T> {
  /** What to load, read from signals: when it changes, the request in flight is cancelled. */
  readonly params: () => P;
  readonly request: (params: P) => Observable<T>;
  /**
   * False when the user's access cannot include this data (see AccessContext.mayRead): the state is
   * not-permitted from the start, and no request that would end in a 403 is sent.
   */
  readonly permitted?: boolean;
}

/**
 * The one way a page loads data. Call it in an injection context (a field initialiser): it follows
 * `params` until the page is destroyed. Angular's rxResource would do the same, but it is still
 * experimental in Angular 21. A section of a patient's chart, say:
 *
 *     protected readonly conditions = createLoader({
 *       params: this.patientId,
 *       request: (id) => this.conditionService.forPatient(id),
 *       permitted: this.access.mayRead('Condition'),
 *     });
 *
 *     <app-load-state [state]="conditions.state()" what="conditions" (retry)="conditions.retry()" />
 *     @if (conditions.data(); as list) { the list, or "No conditions recorded." when it is empty }
 */
export function createLoader<P, T>(options: LoaderOptions<P, T>): Loader<T> {
  if (options.permitted === false) {
    return {
      state: signal<LoadState<T>>(NOT_PERMITTED).asReadonly(),
      data: signal(undefined).asReadonly(),
      retry: () => undefined,
    };
  }
  const retries = new Subject<void>();
  const states = toObservable(computed(options.params)).pipe(
    // switchMap: new parameters, or a retry, drop the answer still on its way.
    switchMap((params) =>
      retries.pipe(
        startWith(undefined),
        switchMap(() => loadState(defer(() => options.request(params)))),
      ),
    ),
  );
  const state = toSignal(states, { initialValue: LOADING });
  return {
    state,
    data: computed(() => {
      const current = state();
      return current.status === 'loaded' ? current.data : undefined;
    }),
    retry: () => retries.next(),
  };
}

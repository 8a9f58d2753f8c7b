import { Signal, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, ParamMap, Params } from '@angular/router';

/** A page state held in the URL's query: flat, with a default for every field. */
type UrlState<T> = { readonly [K in keyof T]: string | number };

/** The query parameters for a state; fields at their default are left out to keep shared links short. */
export function toQueryParams<T extends UrlState<T>>(state: T, defaults: T): Params {
  const params: Params = {};
  for (const key of Object.keys(defaults) as (keyof T & string)[]) {
    if (state[key] !== defaults[key]) params[key] = String(state[key]);
  }
  return params;
}

/**
 * The URL's parameters that a page could not use as given (unknown names, malformed or out-of-range
 * values), compared with the state it read from them. URLs are user input: the page ignores these and
 * should say so rather than show results the link did not ask for.
 */
export function ignoredQueryParams<T extends UrlState<T>>(
  params: ParamMap,
  understood: T,
  defaults: T,
): string[] {
  return params.keys.filter((key) => {
    // Own keys only: a parameter named `constructor` or `toString` is not a field of the page.
    if (!Object.hasOwn(defaults, key)) return true;
    const given = (params.get(key) ?? '').trim();
    return given !== '' && given !== String(understood[key as keyof T]).trim();
  });
}

/**
 * A page's state as its URL query holds it, and the query parameters it could not use, as signals.
 * Call it in a routed component's injection context (a field initialiser).
 */
export function queryState<T extends UrlState<T>>(
  fromParams: (params: ParamMap) => T,
  defaults: T,
): { readonly state: Signal<T>; readonly ignored: Signal<string[]> } {
  const params = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });
  const state = computed(() => fromParams(params()));
  return { state, ignored: computed(() => ignoredQueryParams(params(), state(), defaults)) };
}

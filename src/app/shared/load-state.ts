import { FhirError } from '../fhir/fhir-error';

/** What a page shows for one piece of remote data. */
export type LoadState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: FhirError }
  | { readonly status: 'loaded'; readonly data: T };

export const LOADING: LoadState<never> = { status: 'loading' };

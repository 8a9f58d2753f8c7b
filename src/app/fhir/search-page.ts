import { bundleNotices, bundleResources, pageLink } from './fhir-client';
import { Bundle, Resource } from './fhir-types';

/** One page of a search as a list shows it: the matches, the total, where to page, the server's notes. */
export interface SearchPage<T extends Resource> {
  readonly resources: T[];
  readonly total: number | undefined;
  readonly nextLink: string | undefined;
  readonly previousLink: string | undefined;
  /** The server's notes on the search, e.g. a parameter it ignored. */
  readonly notices: string[];
}

/** A searchset Bundle as a page; anything not of `resourceType` (a stray include) is left out. */
export function toSearchPage<T extends Resource>(
  bundle: Bundle<T>,
  resourceType: T['resourceType'],
): SearchPage<T> {
  return {
    resources: bundleResources(bundle).filter((r) => r.resourceType === resourceType),
    total: bundle.total,
    nextLink: pageLink(bundle, 'next'),
    previousLink: pageLink(bundle, 'previous'),
    notices: bundleNotices(bundle),
  };
}

import { bundleNotices, bundleResources, pageLink, serverDidNotSort } from './fhir-client';
import { totalIsEstimate } from './capability-statement';
import { Bundle, Resource } from './fhir-types';

/** One page of a search as a list shows it: the matches, the total, where to page, the server's notes. */
export interface SearchPage<T extends Resource> {
  readonly resources: T[];
  readonly total: number | undefined;
  /** The total is the server's estimate (its self link says `_total=estimate`), not a count. */
  readonly totalIsEstimate: boolean;
  readonly nextLink: string | undefined;
  readonly previousLink: string | undefined;
  /** The server's notes on the search, e.g. a parameter it ignored. */
  readonly notices: string[];
  /** The app asked for a sort the server did not apply: it was not sent, or was refused. */
  readonly unsorted: boolean;
}

/** A searchset Bundle as a page; anything not of `resourceType` (a stray include) is left out. */
export function toSearchPage<T extends Resource>(
  bundle: Bundle<T>,
  resourceType: T['resourceType'],
): SearchPage<T> {
  return {
    resources: bundleResources(bundle).filter((r) => r.resourceType === resourceType),
    total: bundle.total,
    // Any base does to read a query: only the self link's own parameters are looked at.
    totalIsEstimate: totalIsEstimate(bundle, 'http://relative.invalid/'),
    nextLink: pageLink(bundle, 'next'),
    previousLink: pageLink(bundle, 'previous'),
    notices: bundleNotices(bundle),
    unsorted: serverDidNotSort(bundle),
  };
}

/** What a list calls one and several of its results: "patient" / "patients". */
export interface ResultNoun {
  readonly one: string;
  readonly many: string;
}

/**
 * What a list says about its size. The count when the server gives one, "about" it when the server
 * says it estimated; many servers give none (HAPI unless asked, cloud services for large results),
 * and then where paging stands, never a made-up number and never "no results" for a page past the
 * last one.
 */
export function describeResultSize(
  page: Pick<SearchPage<Resource>, 'total' | 'resources' | 'nextLink'> &
    Partial<Pick<SearchPage<Resource>, 'totalIsEstimate'>>,
  pageNumber: number,
  noun: ResultNoun,
): string {
  if (page.total !== undefined && page.totalIsEstimate)
    return `About ${page.total} ${noun.many} (the server's estimate)`;
  if (page.total !== undefined) return `${page.total} ${page.total === 1 ? noun.one : noun.many}`;
  if (page.resources.length === 0 && pageNumber > 1)
    return `No more ${noun.many}: the server's next page was empty. Go back with Previous page.`;
  if (page.nextLink) return `More ${noun.many} on the next page (the server does not count them).`;
  return pageNumber > 1
    ? `The last page (the server does not count ${noun.many}).`
    : `All ${noun.many} are on this page (the server does not count them).`;
}

/** A page number past the first with nothing on it is the end of the list, not an empty search. */
export function isPastTheEnd(page: Pick<SearchPage<Resource>, 'resources'>, pageNumber: number) {
  return page.resources.length === 0 && pageNumber > 1;
}

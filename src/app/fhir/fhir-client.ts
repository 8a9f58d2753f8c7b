import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, map, switchMap, throwError } from 'rxjs';
import { RUNTIME_CONFIG } from '../config/runtime-config';
import { FhirError, issueText, toFhirError } from './fhir-error';
import { Bundle, OperationOutcome, Resource } from './fhir-types';
import { CapabilityService } from './capabilities';
import { isUnderFhirBase } from './fhir-url';
import { SearchParams, SearchableType } from './search-contract';

export type PageDirection = 'next' | 'previous';
/** One search parameter's value; undefined and '' are left out of the request. */
type ParamValue = string | number | readonly string[] | undefined;

const FHIR_JSON = { Accept: 'application/fhir+json' };

/** Reads FHIR R4 resources from the configured base; every failure surfaces as a FhirError. */
@Injectable({ providedIn: 'root' })
export class FhirClient {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(RUNTIME_CONFIG).fhir.baseUrl;
  private readonly capabilities = inject(CapabilityService);

  /**
   * A search's first page; `params` can hold only what the search contract declares for the type.
   * Nothing the server's CapabilityStatement leaves out is sent: a parameter it does not list is
   * dropped, and the page says so among the server's notes; a type it cannot search is an error.
   */
  search<T extends Resource & { resourceType: SearchableType }>(
    resourceType: T['resourceType'],
    params: SearchParams<T['resourceType']> = {},
  ): Observable<Bundle<T>> {
    return this.capabilities.ready().pipe(
      switchMap((capabilities) => {
        if (!capabilities.searchable(resourceType))
          return throwError(() => unsupportedSearch(resourceType));
        let httpParams = new HttpParams();
        const dropped: string[] = [];
        for (const [name, value] of Object.entries<ParamValue>(params)) {
          if (value === undefined || value === '') continue;
          if (!name.startsWith('_') && !capabilities.supportsParam(resourceType, name)) {
            dropped.push(name);
            continue;
          }
          for (const single of Array.isArray(value) ? value : [value]) {
            httpParams = httpParams.append(name, String(single));
          }
        }
        return this.get<Bundle<T>>(`${this.baseUrl}/${resourceType}`, httpParams).pipe(
          map((bundle) =>
            dropped.length ? withNotSentNote(bundle, resourceType, dropped) : bundle,
          ),
        );
      }),
    );
  }

  read<T extends Resource>(resourceType: string, id: string): Observable<T> {
    return this.get<T>(`${this.baseUrl}/${resourceType}/${encodeURIComponent(id)}`);
  }

  /**
   * GETs a server-made link (a Bundle's next/previous, or one restored from a shared URL). A link that
   * leaves the configured base is refused: a hostile server could otherwise steer the bearer token
   * to another host.
   */
  getLink<T extends Resource>(link: string): Observable<Bundle<T>> {
    // FHIR links may be relative: to the server's base, not to the page the app runs on.
    const url = URL.canParse(link, `${this.baseUrl}/`)
      ? new URL(link, `${this.baseUrl}/`).href
      : link;
    if (!isUnderFhirBase(url, this.baseUrl)) {
      return throwError(
        () =>
          new FhirError(
            'unsafe-link',
            'The server sent a paging link outside the configured FHIR base, so it was not followed.',
            'Start the search again.',
          ),
      );
    }
    return this.get<Bundle<T>>(url);
  }

  private get<T>(url: string, params?: HttpParams): Observable<T> {
    return this.http
      .get<T>(url, { params, headers: FHIR_JSON })
      .pipe(catchError((error: unknown) => throwError(() => toFhirError(error))));
  }
}

/** The URL of a Bundle's next or previous link ('prev' is the older spelling some servers use). */
export function pageLink(bundle: Bundle, direction: PageDirection): string | undefined {
  const names = direction === 'next' ? ['next'] : ['previous', 'prev'];
  return bundle.link?.find((link) => names.includes(link.relation ?? ''))?.url;
}

/** The matched resources of a search Bundle (skips included resources and outcomes). */
export function bundleResources<T extends Resource>(bundle: Bundle<T>): T[] {
  return (bundle.entry ?? [])
    .filter((entry) => entry.search?.mode === undefined || entry.search.mode === 'match')
    .map((entry) => entry.resource)
    .filter((resource): resource is T => resource !== undefined);
}

/**
 * What the server said about a search inside its Bundle (entries with search.mode "outcome"), e.g.
 * a parameter it ignored: the matches are then not what was asked for, so the user must be told.
 */
export function bundleNotices(bundle: Bundle): string[] {
  const texts = (bundle.entry ?? [])
    .filter((entry) => entry.search?.mode === 'outcome')
    .map((entry): Resource | undefined => entry.resource)
    .filter(
      (resource): resource is OperationOutcome => resource?.resourceType === 'OperationOutcome',
    )
    .flatMap((outcome) => (outcome.issue ?? []).map(issueText))
    .filter((text) => text !== '');
  return [...new Set(texts)];
}

function unsupportedSearch(resourceType: string): FhirError {
  return new FhirError(
    'unsupported',
    `This FHIR server does not offer ${resourceType} search (its capability statement does not list it).`,
    'Nothing here can be retried: the server would have to offer it.',
  );
}

/** The page's notes gain one of ours, beside the server's: what was not sent, and why. */
function withNotSentNote<T extends Resource>(
  bundle: Bundle<T>,
  resourceType: string,
  dropped: string[],
): Bundle<T> {
  const note: OperationOutcome = {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: 'information',
        code: 'not-supported',
        diagnostics: `Not sent: this FHIR server does not list ${dropped.join(', ')} for ${resourceType} searches, so the results are not narrowed by ${dropped.length === 1 ? 'it' : 'them'}.`,
      },
    ],
  };
  const entry = { resource: note as unknown as T, search: { mode: 'outcome' as const } };
  return { ...bundle, entry: [...(bundle.entry ?? []), entry] };
}

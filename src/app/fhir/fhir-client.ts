import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, map, switchMap, throwError } from 'rxjs';
import { FhirError, issueText, toFhirError } from './fhir-error';
import { Bundle, OperationOutcome, OperationOutcomeIssue, Resource } from './fhir-types';
import { CapabilityService } from './capabilities';
import { EHR_SESSION, FHIR_SESSION } from './fhir-session';
import { ehrSessionEnded, openedFrom } from '../launch/launch-problems';
import { isUnderFhirBase } from './fhir-url';
import { SearchParams, SearchableType } from './search-contract';

export type PageDirection = 'next' | 'previous';
/** One search parameter's value; undefined and '' are left out of the request. */
type ParamValue = string | number | readonly string[] | undefined;

const FHIR_JSON = { Accept: 'application/fhir+json' };

/** Reads FHIR R4 resources from the session's FHIR base; every failure surfaces as a FhirError. */
@Injectable({ providedIn: 'root' })
export class FhirClient {
  private readonly http = inject(HttpClient);
  private readonly session = inject(FHIR_SESSION);
  private readonly ehr = inject(EHR_SESSION);
  private readonly baseUrl = this.session.baseUrl;
  private readonly capabilities = inject(CapabilityService);

  /**
   * A search's first page; `params` can hold only what the search contract declares for the type.
   * Nothing the server's CapabilityStatement leaves out is sent: a parameter or sort it does not list
   * is dropped, and the page says so among the server's notes; a type it cannot search is an error.
   * An exact total is asked for only where the statement lists `_total`. A server that refuses the
   * sort (400) is asked once more without it.
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
        const notes: OperationOutcomeIssue[] = [];
        for (const [name, value] of Object.entries<ParamValue>(params)) {
          if (value === undefined || value === '') continue;
          if (name === '_sort' && !capabilities.supportsSort(resourceType, String(value))) {
            notes.push(unsortedNote(resourceType, String(value)));
            continue;
          }
          if (!name.startsWith('_') && !capabilities.supportsParam(resourceType, name)) {
            dropped.push(name);
            continue;
          }
          for (const single of Array.isArray(value) ? value : [value]) {
            httpParams = httpParams.append(name, String(single));
          }
        }
        if (capabilities.lists(resourceType, '_total'))
          httpParams = httpParams.set('_total', 'accurate');
        if (dropped.length) notes.unshift(notSentNote(resourceType, dropped));
        const url = `${this.baseUrl}/${resourceType}`;
        return this.get<Bundle<T>>(url, httpParams).pipe(
          catchError((error: FhirError) =>
            error.status === 400 && httpParams.has('_sort')
              ? this.get<Bundle<T>>(url, httpParams.delete('_sort')).pipe(
                  map((bundle) => withNotes(bundle, [refusedSortNote(error)])),
                )
              : throwError(() => error),
          ),
          map((bundle) => withNotes(bundle, notes)),
        );
      }),
    );
  }

  read<T extends Resource>(resourceType: string, id: string): Observable<T> {
    return this.get<T>(`${this.baseUrl}/${resourceType}/${encodeURIComponent(id)}`);
  }

  /**
   * GETs a server-made link (a Bundle's next/previous, or one restored from a shared URL). A link that
   * leaves the session's base is refused: a hostile server could otherwise steer the bearer token
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
            'The server sent a paging link outside this session’s FHIR base, so it was not followed.',
            'Start the search again.',
          ),
      );
    }
    return this.get<Bundle<T>>(url);
  }

  private get<T>(url: string, params?: HttpParams): Observable<T> {
    return this.http
      .get<T>(url, { params, headers: FHIR_JSON })
      .pipe(catchError((error: unknown) => throwError(() => this.explained(toFhirError(error)))));
  }

  /**
   * A refused sign-in, in the words of this session: one from an EHR ends there, and only the EHR can
   * start another; with DPoP-bound tokens sent to a server whose SMART configuration does not advertise
   * DPoP, signing in again cannot help, and the advice says what might.
   */
  private explained(error: FhirError): FhirError {
    if (error.kind !== 'unauthorized') return error;
    const ehr = this.ehr;
    if (ehr) {
      return new FhirError(
        error.kind,
        error.detail,
        ehrSessionEnded(openedFrom(ehr)),
        error.status,
      );
    }
    if (!this.session.dpop) return error;
    if (this.capabilities.smart().dpop !== false) return error;
    return new FhirError(
      error.kind,
      error.detail,
      `${error.advice} This FHIR server's SMART configuration does not advertise DPoP, which this app is set to use (okta.dpop): if signing in again does not help, tell your administrator.`,
      error.status,
    );
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

/** Whether our notes on a search say the server did not sort it (see SORT_EXPRESSION). */
export function serverDidNotSort(bundle: Bundle): boolean {
  return (bundle.entry ?? [])
    .filter((entry) => entry.search?.mode === 'outcome')
    .flatMap((entry) => (entry.resource as Partial<OperationOutcome> | undefined)?.issue ?? [])
    .some(
      (issue: OperationOutcomeIssue) =>
        Array.isArray(issue.expression) && issue.expression.includes(SORT_EXPRESSION),
    );
}

function unsupportedSearch(resourceType: string): FhirError {
  return new FhirError(
    'unsupported',
    `This FHIR server does not offer ${resourceType} search (its capability statement does not list it).`,
    'Nothing here can be retried: the server would have to offer it.',
  );
}

/** Our notes on a search name the parameter they are about: `_sort` says the server did not sort. */
const SORT_EXPRESSION = '_sort';

function notSentNote(resourceType: string, dropped: string[]): OperationOutcomeIssue {
  return {
    severity: 'information',
    code: 'not-supported',
    diagnostics: `Not sent: this FHIR server does not list ${dropped.join(', ')} for ${resourceType} searches, so the results are not narrowed by ${dropped.length === 1 ? 'it' : 'them'}.`,
  };
}

function unsortedNote(resourceType: string, sort: string): OperationOutcomeIssue {
  return {
    severity: 'information',
    code: 'not-supported',
    expression: [SORT_EXPRESSION],
    diagnostics: `Not sent: this FHIR server does not sort ${resourceType} searches by ${sort.replace(/^-/, '')}, so it did not sort these results.`,
  };
}

function refusedSortNote(refusal: FhirError): OperationOutcomeIssue {
  return {
    severity: 'information',
    code: 'not-supported',
    expression: [SORT_EXPRESSION],
    diagnostics: `The FHIR server refused to sort this search (“${refusal.detail}”), so it was sent again without a sort.`,
  };
}

/** The page's notes gain ours, beside the server's: what was not sent, and why. */
function withNotes<T extends Resource>(
  bundle: Bundle<T>,
  notes: OperationOutcomeIssue[],
): Bundle<T> {
  if (notes.length === 0) return bundle;
  const note: OperationOutcome = { resourceType: 'OperationOutcome', issue: notes };
  const entry = { resource: note as unknown as T, search: { mode: 'outcome' as const } };
  return { ...bundle, entry: [...(bundle.entry ?? []), entry] };
}

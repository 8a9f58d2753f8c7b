import { HttpClient } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { Observable, catchError, map, of, shareReplay, switchMap } from 'rxjs';
import {
  ServerCapabilities,
  SmartConfiguration,
  UNKNOWN_CAPABILITIES,
  UNKNOWN_SMART_CONFIGURATION,
  parseCapabilities,
  parseSmartConfiguration,
} from './capability-statement';
import { FHIR_SESSION } from './fhir-session';

/** The hint beside a search field the server does not list, on every form that has one. */
export const NOT_SEARCHABLE_HINT = 'This FHIR server does not search by this.';

/** Which of a form's fields (each named by the search parameter it sends) `type` does not take. */
export function unsupportedFields<F extends string>(
  capabilities: ServerCapabilities,
  type: string,
  fields: Readonly<Record<F, string>>,
): ReadonlySet<F> {
  const names = Object.keys(fields) as F[];
  return new Set(names.filter((field) => !capabilities.supportsParam(type, fields[field])));
}

/**
 * The session's FHIR server's capabilities, read once per session (they do not change while it runs),
 * starting at app start-up; with them, its SMART configuration when the statement says it is a SMART
 * server (others have none, and asking would only log a 404). Until then, and if never started
 * (unit tests), nothing is assumed missing.
 */
@Injectable({ providedIn: 'root' })
export class CapabilityService {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(FHIR_SESSION).baseUrl;
  private readonly state = signal<ServerCapabilities>(UNKNOWN_CAPABILITIES);
  private readonly smartState = signal<SmartConfiguration>(UNKNOWN_SMART_CONFIGURATION);
  private loaded$?: Observable<ServerCapabilities>;
  /** What is known now, for screens to bind. */
  readonly current = this.state.asReadonly();
  /** The SMART configuration as far as known; searches never wait for it. */
  readonly smart = this.smartState.asReadonly();

  load(): void {
    if (this.loaded$) return;
    this.loaded$ = this.read('metadata', 'application/fhir+json').pipe(
      map(parseCapabilities),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    this.loaded$.subscribe((capabilities) => this.state.set(capabilities));
    this.loaded$
      .pipe(
        switchMap((capabilities) =>
          capabilities.smart
            ? this.read('.well-known/smart-configuration', 'application/json').pipe(
                map(parseSmartConfiguration),
              )
            : of(UNKNOWN_SMART_CONFIGURATION),
        ),
      )
      .subscribe((smart) => this.smartState.set(smart));
  }

  /** The capabilities once read (at once when loading was never started). */
  ready(): Observable<ServerCapabilities> {
    return this.loaded$ ?? of(UNKNOWN_CAPABILITIES);
  }

  /** A discovery document; a server without one (or an unreadable one) still works, on defaults. */
  private read(path: string, accept: string): Observable<unknown> {
    return this.http
      .get<unknown>(`${this.baseUrl}/${path}`, { headers: { Accept: accept } })
      .pipe(catchError(() => of(undefined)));
  }
}

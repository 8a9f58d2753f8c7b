import { HttpClient } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { Observable, catchError, map, of, shareReplay } from 'rxjs';
import { RUNTIME_CONFIG } from '../config/runtime-config';

/** What the FHIR server's CapabilityStatement says it can search. */
export interface ServerCapabilities {
  /** False when the statement was missing or unreadable: then everything is offered, as before. */
  readonly known: boolean;
  /** Whether `type` can be searched at all. */
  searchable(type: string): boolean;
  /** Whether `param` (as sent: `code:text` counts as `code`) is listed for `type`. */
  supportsParam(type: string, param: string): boolean;
}

const UNKNOWN: ServerCapabilities = {
  known: false,
  searchable: () => true,
  supportsParam: () => true,
};

interface StatementResource {
  type?: unknown;
  interaction?: { code?: unknown }[];
  searchParam?: { name?: unknown }[];
}

/**
 * Reads a CapabilityStatement leniently, as servers differ in what they fill in: only server-mode
 * `rest` entries count; a type without `search-type` cannot be searched; a searchable type that lists
 * no parameters is assumed to take the app's (many servers leave `searchParam` out).
 */
export function parseCapabilities(statement: unknown): ServerCapabilities {
  const s = statement as {
    resourceType?: unknown;
    rest?: { mode?: unknown; resource?: unknown }[];
  };
  if (s?.resourceType !== 'CapabilityStatement' || !Array.isArray(s.rest)) return UNKNOWN;
  const resources = new Map<string, StatementResource>();
  for (const rest of s.rest) {
    if (rest?.mode !== undefined && rest.mode !== 'server') continue;
    for (const r of Array.isArray(rest.resource) ? (rest.resource as StatementResource[]) : []) {
      if (typeof r?.type === 'string') resources.set(r.type, r);
    }
  }
  const searchable = (type: string) =>
    resources.get(type)?.interaction?.some((i) => i?.code === 'search-type') === true;
  return {
    known: true,
    searchable,
    supportsParam(type, param) {
      const listed = resources.get(type)?.searchParam;
      if (!searchable(type)) return false;
      if (!Array.isArray(listed) || listed.length === 0) return true;
      const base = param.split(':')[0];
      return listed.some((p) => p?.name === base);
    },
  };
}

/**
 * The configured server's capabilities, read once per session (they do not change while it runs),
 * starting at app start-up. Until then, and if it is never started (unit tests), nothing is assumed
 * missing.
 */
@Injectable({ providedIn: 'root' })
export class CapabilityService {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(RUNTIME_CONFIG).fhir.baseUrl;
  private readonly state = signal<ServerCapabilities>(UNKNOWN);
  private loaded$?: Observable<ServerCapabilities>;
  /** What is known now, for screens to bind. */
  readonly current = this.state.asReadonly();

  load(): void {
    this.loaded$ ??= this.http
      .get<unknown>(`${this.baseUrl}/metadata`, { headers: { Accept: 'application/fhir+json' } })
      .pipe(
        map(parseCapabilities),
        // A server without a readable statement still works, with everything offered.
        catchError(() => of(UNKNOWN)),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
    this.loaded$.subscribe((capabilities) => this.state.set(capabilities));
  }

  /** The capabilities once read (at once when loading was never started). */
  ready(): Observable<ServerCapabilities> {
    return this.loaded$ ?? of(UNKNOWN);
  }
}

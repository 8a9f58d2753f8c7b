import { randomUUID } from 'node:crypto';
import { isReadableType } from '../config.ts';
import type { FhirStore } from '../store/store.ts';
import { shapeProblem } from './shapes.ts';

type Json = Record<string, unknown>;

/** An entry-level refusal: in a transaction it fails the whole Bundle, in a batch only its entry. */
export class EntryError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** One Bundle entry, checked and with its final id decided. */
export interface PlannedEntry {
  index: number;
  type: string;
  id: string;
  resource: Json;
  fullUrl?: string;
  /** A conditional create matched an existing resource: nothing is written. */
  existing: boolean;
}

const idPattern = /^[A-Za-z0-9\-.]{1,64}$/;

/** Checks an entry's request and resource, and decides its id (POST: new; PUT: given or matched). */
export function planEntry(store: FhirStore, raw: unknown, index: number): PlannedEntry {
  const entry = (raw ?? {}) as { fullUrl?: unknown; resource?: unknown; request?: Json };
  const resource = entry.resource as Json | undefined;
  if (!resource || typeof resource !== 'object' || Array.isArray(resource)) {
    throw new EntryError(400, 'the entry has no resource');
  }
  const type = String(resource['resourceType'] ?? '');
  if (!isReadableType(type))
    throw new EntryError(422, `resource type '${type}' is not supported here`);
  const method = String(entry.request?.['method'] ?? '');
  const url = String(entry.request?.['url'] ?? '');
  const fullUrl = typeof entry.fullUrl === 'string' ? entry.fullUrl : undefined;
  const shape = shapeProblem(type, resource);
  if (shape) throw new EntryError(422, shape);
  if (method === 'POST') {
    if (url !== type) throw new EntryError(400, `request.url must be '${type}' for POST`);
    const ifNoneExist = entry.request?.['ifNoneExist'];
    if (typeof ifNoneExist === 'string') {
      const match = lookup(store, type, ifNoneExist);
      if (match) return { index, type, id: match, resource, fullUrl, existing: true };
    }
    return { index, type, id: randomUUID(), resource, fullUrl, existing: false };
  }
  if (method === 'PUT') {
    if (url.startsWith(`${type}?`)) {
      const match = lookup(store, type, url.slice(type.length + 1));
      return { index, type, id: match ?? randomUUID(), resource, fullUrl, existing: false };
    }
    const id = url.startsWith(`${type}/`) ? url.slice(type.length + 1) : '';
    if (!idPattern.test(id))
      throw new EntryError(400, `request.url must be '${type}/[id]' for PUT`);
    if (resource['id'] !== undefined && resource['id'] !== id) {
      throw new EntryError(400, 'the resource id differs from the id in request.url');
    }
    return { index, type, id, resource, fullUrl, existing: false };
  }
  throw new EntryError(405, `request.method '${method}' is not supported (POST and PUT are)`);
}

/**
 * Resolves `identifier=[system|]value` (the only criterion conditional create, update and references
 * support here). Several matches is 412 Precondition Failed, as FHIR's conditional operations say.
 */
export function lookup(store: FhirStore, type: string, criteria: string): string | undefined {
  const params = [...new URLSearchParams(criteria)];
  const [first] = params;
  if (params.length !== 1 || first?.[0] !== 'identifier' || !first[1]) {
    throw new EntryError(
      400,
      `only '${type}?identifier=[system|]value' is supported as a condition`,
    );
  }
  const bar = first[1].indexOf('|');
  const system = bar < 0 ? undefined : first[1].slice(0, bar);
  const value = bar < 0 ? first[1] : first[1].slice(bar + 1);
  const ids = store.findByIdentifier(type, system, value);
  if (ids.length > 1)
    throw new EntryError(412, `the condition on ${type} matches several resources`);
  return ids[0];
}

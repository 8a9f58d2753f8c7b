import {
  compartmentOf,
  isPatientBound,
  patientElement,
  strayPatientReference,
} from '../store/compartment.ts';
import type { FhirStore } from '../store/store.ts';
import { EntryError, lookup, type PlannedEntry } from './entries.ts';
import { setKey } from '../json.ts';

type Json = Record<string, unknown>;

/**
 * Rewrites an entry's references: `urn:uuid:` and other fullUrls of the Bundle become `Type/id`,
 * conditional references (`Practitioner?identifier=...`) become the one match. Returns a new object.
 */
export function resolveReferences(
  store: FhirStore,
  entry: PlannedEntry,
  byFullUrl: Map<string, string>,
  inBundle: (type: string, criteria: string) => string | undefined,
): Json {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!value || typeof value !== 'object') return value;
    const out: Json = {};
    for (const [k, v] of Object.entries(value as Json)) {
      setKey(out, k, k === 'reference' && typeof v === 'string' ? resolve(v) : walk(v));
    }
    return out;
  };
  const resolve = (ref: string): string => {
    const mapped = byFullUrl.get(ref);
    if (mapped) return mapped;
    if (ref.startsWith('urn:uuid:') || ref.startsWith('urn:oid:')) {
      throw new EntryError(400, `reference ${ref} names no entry of this Bundle`);
    }
    const q = /^([A-Z][A-Za-z]+)\?(.+)$/.exec(ref);
    if (q?.[1] && q[2]) {
      const id = inBundle(q[1], q[2]) ?? lookup(store, q[1], q[2]);
      if (!id) throw new EntryError(404, `conditional reference to ${q[1]} matches nothing`);
      return `${q[1]}/${id}`;
    }
    return ref;
  };
  const resolved = walk(entry.resource) as Json;
  resolved['id'] = entry.id;
  return resolved;
}

/**
 * A patient-bound resource (Observation and the chart's types: the viewer finds everything by patient)
 * must name a Patient that exists in the store or in the same Bundle, in its type's patient element,
 * and no other patient anywhere: a second patient would make "whose record is this" a matter of
 * which element one reads.
 */
export function checkSubject(store: FhirStore, resource: Json, bundlePatients: Set<string>): void {
  const type = String(resource['resourceType']);
  if (!isPatientBound(type)) return;
  const element = `${type}.${patientElement[type]}`;
  const patient = compartmentOf(resource);
  if (patient === undefined) throw new EntryError(422, `${element} must reference a Patient`);
  if (!bundlePatients.has(patient) && !store.read('Patient', patient)) {
    throw new EntryError(422, `${element} references a Patient this server does not have`);
  }
  const stray = strayPatientReference(resource);
  if (stray) {
    throw new EntryError(422, `${stray} references another Patient than ${element}`);
  }
}

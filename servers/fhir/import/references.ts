import { clinical, isClinicalType } from '../search/clinical.ts';
import type { FhirStore } from '../store/store.ts';
import { EntryError, lookup, type PlannedEntry } from './entries.ts';
import { setKey } from '../json.ts';

type Json = Record<string, unknown>;

/** The element naming the patient of a type whose resources must belong to a known patient. */
function patientElement(type: string): string | undefined {
  if (type === 'Observation') return 'subject';
  return isClinicalType(type) ? clinical[type].patientPath : undefined;
}

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
 * must name a Patient that exists in the store or in the same Bundle.
 */
export function checkSubject(store: FhirStore, resource: Json, bundlePatients: Set<string>): void {
  const type = String(resource['resourceType']);
  const element = patientElement(type);
  if (!element) return;
  const ref = resource[element] as { reference?: string } | undefined;
  const m = /^Patient\/([A-Za-z0-9\-.]{1,64})$/.exec(ref?.reference ?? '');
  if (!m?.[1]) throw new EntryError(422, `${type}.${element} must reference a Patient`);
  if (!bundlePatients.has(m[1]) && !store.read('Patient', m[1])) {
    throw new EntryError(422, `${type}.${element} references a Patient this server does not have`);
  }
}

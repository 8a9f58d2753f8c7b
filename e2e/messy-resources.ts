// Real-world data is sparser and odder than ours: the misbehaving proxy's `messyResources` rewrites
// what the real server answers with these, so the app's fallbacks are exercised end to end.
import { clinicalTypes } from '../servers/fhir/search/clinical.ts';

/** Extensions the app has never heard of, which it must ignore. */
const UNKNOWN_EXTENSION = [
  { url: 'http://example.org/fhir/StructureDefinition/unheard-of', valueString: 'ignore me' },
];

export type Json = Record<string, unknown>;

/** Only `unit`-less numbers: no unit, no UCUM code. */
function withoutUnit(quantity: unknown): void {
  if (!quantity || typeof quantity !== 'object') return;
  const q = quantity as Json;
  delete q['unit'];
  delete q['code'];
  delete q['system'];
  q['extension'] = UNKNOWN_EXTENSION;
}

/** Codes as bare system|code: no display, no text. */
function withoutWords(concept: unknown): void {
  if (!concept || typeof concept !== 'object') return;
  const c = concept as { text?: string; coding?: Json[]; extension?: unknown };
  delete c.text;
  for (const coding of c.coding ?? []) delete coding['display'];
  c.extension = UNKNOWN_EXTENSION;
}

/**
 * A resource as sparse and odd as real-world data: Patients with only `name.text`, no birthDate,
 * identifiers without a system; Observations without effective[x], units or code words, their
 * subject with a display, or (every third) an identifier only, a performer `contained` and referenced
 * as `#id`; unknown extensions throughout.
 */
export function messy(resource: Json, index: number): void {
  resource['extension'] = UNKNOWN_EXTENSION;
  if (resource['resourceType'] === 'Patient') {
    const names = (resource['name'] ?? []) as { given?: string[]; family?: string }[];
    const first = names[0];
    resource['name'] = first
      ? [{ text: [...(first.given ?? []), first.family].filter(Boolean).join(' ') }]
      : [];
    delete resource['birthDate'];
    for (const identifier of (resource['identifier'] ?? []) as Json[]) delete identifier['system'];
  }
  if (resource['resourceType'] === 'Observation') {
    for (const key of Object.keys(resource))
      if (key.startsWith('effective') || key === 'issued') Reflect.deleteProperty(resource, key);
    withoutUnit(resource['valueQuantity']);
    withoutWords(resource['code']);
    for (const component of (resource['component'] ?? []) as Json[]) {
      withoutUnit(component['valueQuantity']);
      withoutWords(component['code']);
    }
    for (const category of (resource['category'] ?? []) as Json[]) withoutWords(category);
    const reference = (resource['subject'] as Json | undefined)?.['reference'];
    // Every third names its patient by an identifier alone: the app cannot read it as this patient's.
    resource['subject'] =
      index % 3 === 2
        ? { identifier: { value: 'MRN-unknown' }, extension: UNKNOWN_EXTENSION }
        : { reference, display: index % 3 === 0 ? 'A patient' : undefined };
    resource['contained'] = [
      { resourceType: 'Practitioner', id: 'author', name: [{ text: 'Dr Contained' }] },
    ];
    resource['performer'] = [{ reference: '#author' }];
  }
  if (CHART_TYPES.has(String(resource['resourceType']))) messyChartEntry(resource, index);
}

/**
 * The chart's types, as the server declares them (every one the app's search contract names is
 * checked against it by servers/search-contract.test.ts). Playwright cannot load the app's contract
 * itself: src/ is not an ES module to Node.
 */
const CHART_TYPES: ReadonlySet<string> = new Set(clinicalTypes);

/**
 * A chart entry as other EHRs send it: codes without words, no dates, who recorded it an identifier
 * only, a prescription's drug a `contained` Medication referenced as `#id`, dosage structured only.
 */
function messyChartEntry(resource: Json, index: number): void {
  for (const key of ['code', 'vaccineCode', 'type', 'category', 'clinicalStatus', 'description']) {
    const value = resource[key];
    for (const concept of Array.isArray(value) ? value : [value]) withoutWords(concept);
  }
  for (const key of Object.keys(resource)) {
    if (
      /^(onset|abatement|performed|occurrence|effective)|^(recordedDate|authoredOn|date|period|issued|startDate)$/.test(
        key,
      )
    )
      Reflect.deleteProperty(resource, key);
  }
  for (const key of ['recorder', 'requester', 'asserter']) {
    if (resource[key])
      resource[key] = {
        identifier: { system: 'urn:oid:2.16.840.1.113883.4.6', value: `NPI-${index}` },
      };
  }
  for (const participant of (resource['participant'] ?? []) as Json[])
    participant['individual'] = { display: 'Dr Display Only' };
  if (resource['resourceType'] === 'MedicationRequest') {
    resource['contained'] = [
      {
        resourceType: 'Medication',
        id: 'drug',
        code: {
          coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '197361' }],
        },
      },
    ];
    delete resource['medicationCodeableConcept'];
    resource['medicationReference'] = { reference: '#drug' };
    for (const dosage of (resource['dosageInstruction'] ?? []) as Json[]) delete dosage['text'];
  }
}

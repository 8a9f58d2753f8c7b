// Real-world data is sparser and odder than ours: the misbehaving proxy's `messyResources` rewrites
// what the real server answers with these, so the app's fallbacks are exercised end to end.
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
 * subject a display or an identifier only, a performer `contained` and referenced as `#id`; unknown
 * extensions throughout.
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
    resource['subject'] =
      index % 2 === 0
        ? { display: 'A patient' }
        : { identifier: { value: 'MRN-unknown' }, extension: UNKNOWN_EXTENSION };
    resource['contained'] = [
      { resourceType: 'Practitioner', id: 'author', name: [{ text: 'Dr Contained' }] },
    ];
    resource['performer'] = [{ reference: '#author' }];
  }
}

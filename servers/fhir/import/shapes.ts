type Json = Record<string, unknown>;

/**
 * The R4 shape of every element the search indexes read (store/indexes.ts, store/clinical-index.ts
 * and the declarations in search/clinical.ts), and of `meta`, which the store reads. A write whose
 * indexed element has another shape is refused with 422 naming it (`Patient.name[0].given must be an
 * array of strings`) instead of being half-understood; the rest of a resource is stored as sent.
 * `[]` marks a repeating element, which FHIR JSON always writes as an array. Dotted names reach into
 * a BackboneElement (`reaction.substance`).
 */
const common = { identifier: 'Identifier[]', meta: 'Meta' };
const subject = 'Reference';
const encounter = 'Reference';
const effective = { effectiveDateTime: 'string', effectivePeriod: 'Period' };

export const indexedElements: Record<string, Record<string, string>> = {
  Patient: { name: 'HumanName[]', birthDate: 'string', gender: 'string' },
  Observation: {
    status: 'string',
    code: 'CodeableConcept',
    category: 'CodeableConcept[]',
    subject,
    encounter,
    ...effective,
    effectiveInstant: 'string',
    issued: 'string',
  },
  Condition: {
    subject,
    encounter,
    onsetDateTime: 'string',
    onsetPeriod: 'Period',
    recordedDate: 'string',
    code: 'CodeableConcept',
    category: 'CodeableConcept[]',
    clinicalStatus: 'CodeableConcept',
    verificationStatus: 'CodeableConcept',
  },
  AllergyIntolerance: {
    patient: 'Reference',
    recordedDate: 'string',
    code: 'CodeableConcept',
    reaction: 'BackboneElement[]',
    'reaction.substance': 'CodeableConcept',
    category: 'string[]',
    clinicalStatus: 'CodeableConcept',
    verificationStatus: 'CodeableConcept',
    criticality: 'string',
  },
  MedicationRequest: {
    subject,
    encounter,
    authoredOn: 'string',
    medicationCodeableConcept: 'CodeableConcept',
    medicationReference: 'Reference',
    category: 'CodeableConcept[]',
    status: 'string',
    intent: 'string',
  },
  MedicationStatement: {
    subject,
    context: 'Reference',
    ...effective,
    medicationCodeableConcept: 'CodeableConcept',
    medicationReference: 'Reference',
    category: 'CodeableConcept',
    status: 'string',
  },
  Immunization: {
    patient: 'Reference',
    occurrenceDateTime: 'string',
    vaccineCode: 'CodeableConcept',
    status: 'string',
  },
  Procedure: {
    subject,
    encounter,
    performedDateTime: 'string',
    performedPeriod: 'Period',
    code: 'CodeableConcept',
    category: 'CodeableConcept',
    status: 'string',
  },
  Encounter: {
    subject,
    period: 'Period',
    type: 'CodeableConcept[]',
    class: 'Coding',
    status: 'string',
  },
  DiagnosticReport: {
    subject,
    encounter,
    ...effective,
    code: 'CodeableConcept',
    category: 'CodeableConcept[]',
    status: 'string',
    result: 'Reference[]',
  },
  DocumentReference: {
    subject,
    date: 'string',
    type: 'CodeableConcept',
    category: 'CodeableConcept[]',
    status: 'string',
    context: 'BackboneElement',
    'context.encounter': 'Reference[]',
  },
  CarePlan: {
    subject,
    encounter,
    period: 'Period',
    category: 'CodeableConcept[]',
    status: 'string',
    intent: 'string',
  },
  Goal: {
    subject,
    startDate: 'string',
    target: 'BackboneElement[]',
    'target.dueDate': 'string',
    category: 'CodeableConcept[]',
    lifecycleStatus: 'string',
    achievementStatus: 'CodeableConcept',
  },
  FamilyMemberHistory: {
    patient: 'Reference',
    date: 'string',
    relationship: 'CodeableConcept',
    condition: 'BackboneElement[]',
    'condition.code': 'CodeableConcept',
    sex: 'CodeableConcept',
    status: 'string',
  },
};

/** The parts of each data type that anything here reads. */
const datatypes: Record<string, Record<string, string>> = {
  Coding: { system: 'string', code: 'string', display: 'string' },
  CodeableConcept: { coding: 'Coding[]', text: 'string' },
  Reference: { reference: 'string', display: 'string' },
  Identifier: { system: 'string', value: 'string' },
  HumanName: {
    use: 'string',
    text: 'string',
    family: 'string',
    given: 'string[]',
    prefix: 'string[]',
    suffix: 'string[]',
  },
  Period: { start: 'string', end: 'string' },
  Meta: { versionId: 'string', lastUpdated: 'string' },
  BackboneElement: {},
};

const article = (kind: string): string =>
  kind === 'BackboneElement' ? 'an object' : `${/^[AEIOU]/.test(kind) ? 'an' : 'a'} ${kind}`;
const plural = (kind: string): string =>
  kind === 'BackboneElement' ? 'objects' : kind === 'string' ? 'strings' : `${kind}s`;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The path of the first element whose shape is wrong, with what it must be; undefined when none. */
function problem(value: unknown, shape: string, path: string, children: Json): string | undefined {
  const kind = shape.replace(/\[\]$/, '');
  if (shape.endsWith('[]')) {
    if (!Array.isArray(value)) return `${path} must be an array of ${plural(kind)}`;
    for (const [i, item] of value.entries()) {
      // FHIR JSON keeps a repeating primitive's nulls where only its extension (`_given`) has a value.
      if (item === null && kind === 'string') continue;
      const found = problem(item, kind, `${path}[${i}]`, children);
      if (found) return found;
    }
    return undefined;
  }
  if (kind === 'string') return typeof value === 'string' ? undefined : `${path} must be a string`;
  if (!isObject(value)) return `${path} must be ${article(kind)}`;
  const parts: Json = { ...datatypes[kind], ...children };
  for (const [name, part] of Object.entries(parts)) {
    if (name === '' || value[name] === undefined) continue;
    const [partShape, partChildren] = isObject(part)
      ? [String(part['']), part]
      : [String(part), {}];
    const found = problem(value[name], partShape, `${path}.${name}`, partChildren);
    if (found) return found;
  }
  return undefined;
}

/** `{ reaction: 'X[]', 'reaction.substance': 'Y' }` as a tree: `{ reaction: { '': 'X[]', substance: 'Y' } }`. */
function tree(elements: Record<string, string>): Json {
  const root: Json = {};
  for (const [path, shape] of Object.entries(elements)) {
    const names = path.split('.');
    let node = root;
    for (const name of names.slice(0, -1)) {
      const next = node[name];
      node = (node[name] = isObject(next) ? next : { '': next ?? 'BackboneElement' }) as Json;
    }
    const last = names[names.length - 1] as string;
    const existing = node[last];
    if (isObject(existing)) existing[''] = shape;
    else node[last] = shape;
  }
  return root;
}

const sharedShape = tree(common);
const shapes = new Map(
  Object.entries(indexedElements).map(([type, elements]) => [
    type,
    tree({ ...common, ...elements }),
  ]),
);

/**
 * What is wrong with a resource to be written, if anything: an indexed element not shaped as R4 says
 * (the path and what it must be), or an Observation without the status and code the viewer relies
 * on. A type read here but not listed (the shared types) is checked for its identifiers and meta.
 */
export function shapeProblem(type: string, resource: Json): string | undefined {
  const found = problem(resource, 'Resource', type, shapes.get(type) ?? sharedShape);
  if (found || type !== 'Observation') return found;
  if (resource['status'] === undefined) return 'Observation.status is required';
  if (resource['code'] === undefined) return 'Observation.code is required';
  return undefined;
}

/**
 * Generated odd shapes for the fuzz tests (servers and security suite): a fixed-seed generator that
 * takes a well-formed resource and puts odd JSON where R4 expects something else: nulls, strings for
 * arrays, arrays for objects, numbers for strings, and the same nested a level down.
 */
import { chartSample, sharedSamples } from './chart.ts';
import { readableTypes } from '../servers/fhir/config.ts';
import { clinicalTypes } from '../servers/fhir/search/clinical.ts';
import { indexedElements } from '../servers/fhir/import/shapes.ts';

type Json = Record<string, unknown>;

/** mulberry32: small, fast and the same on every machine, so a failing case can be replayed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cc = (code: string): Json => ({
  coding: [{ system: 'http://example.org', code }],
  text: code,
});

/**
 * A well-formed resource of every type the server reads, for `patient`, filling what is indexed
 * (each test gives it an id of its own).
 */
export function wellFormed(patient: string): Json[] {
  const ids: Json = {
    identifier: [{ system: 'http://example.org/id', value: 'v1' }],
    meta: { tag: [cc('t')] },
  };
  const subject = { reference: `Patient/${patient}` };
  const resources: Json[] = [
    {
      resourceType: 'Patient',
      id: patient,
      name: [{ use: 'official', family: 'Fuzz', given: ['Ann', 'B'], text: 'Ann B Fuzz' }],
      birthDate: '1970-01-01',
      gender: 'female',
    },
    {
      resourceType: 'Observation',
      status: 'final',
      code: cc('8867-4'),
      category: [cc('vital-signs')],
      subject,
      encounter: { reference: 'Encounter/e1' },
      effectivePeriod: { start: '2024-01-01', end: '2024-01-02' },
      issued: '2024-01-02T00:00:00Z',
    },
    ...clinicalTypes.map((type) => chartSample(type, patient, 1)),
    ...sharedSamples,
    { resourceType: 'Practitioner', name: [{ family: 'Doc' }] },
    { resourceType: 'Organization', name: 'Clinic' },
  ];
  const covered = new Set(resources.map((r) => r['resourceType']));
  if (readableTypes.some((t) => !covered.has(t))) throw new Error('a served type has no sample');
  return resources.map((r) => ({ ...r, ...ids }));
}

/** Odd values, some of them nested: what a careless or hostile writer could send anywhere. */
function oddValue(rand: () => number, depth = 0): unknown {
  const leaves: unknown[] = [null, '', 'x', 0, 42, -1.5, true, [], {}, [null], ['x'], [7]];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  if (depth > 2 || rand() < 0.5) return pick(leaves);
  const inner = oddValue(rand, depth + 1);
  return pick([
    [inner],
    [inner, inner],
    { coding: inner },
    { coding: [inner] },
    { coding: [{ system: inner, code: inner, display: inner }] },
    { reference: inner },
    { text: inner, family: inner, given: inner },
    { start: inner, end: inner },
    { value: inner, system: inner },
    { substance: inner, dueDate: inner, encounter: inner },
  ]);
}

/** Every place a value sits in `value`, as key paths; arrays' items too. */
function places(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (!value || typeof value !== 'object') return [];
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return children.flatMap(([k, v]) => [[...at, k], ...places(v, [...at, k])]);
}

/** The value turned into another shape: wrapped, unwrapped, stringified, a number, null, or odd. */
function reshape(value: unknown, rand: () => number): unknown {
  const ways: (() => unknown)[] = [
    () => [value],
    () => (Array.isArray(value) ? value[0] : value),
    () => (value && typeof value === 'object' ? JSON.stringify(value).slice(0, 12) : value),
    () => (typeof value === 'string' ? value.length : 3),
    () => null,
    () => (Array.isArray(value) ? [null, ...value] : [value, null]),
    () => oddValue(rand),
  ];
  return (ways[Math.floor(rand() * ways.length)] as () => unknown)();
}

/**
 * `resource` with one to three of its places (or of the elements the server indexes, present or
 * not) given another shape. resourceType is left alone: changing it tests nothing about shapes.
 */
export function oddShape(resource: Json, rand: () => number): Json {
  const copy = structuredClone(resource);
  const type = String(resource['resourceType']);
  const indexed = Object.keys(indexedElements[type] ?? {}).map((p) => p.split('.'));
  const candidates = [...places(copy), ...indexed, ['identifier'], ['meta']].filter(
    (p) => p[0] !== 'resourceType',
  );
  const times = 1 + Math.floor(rand() * 3);
  for (let n = 0; n < times; n++) {
    const path = candidates[Math.floor(rand() * candidates.length)] ?? ['meta'];
    let parent: unknown = copy;
    for (const key of path.slice(0, -1)) {
      parent = parent && typeof parent === 'object' ? (parent as Json)[key] : undefined;
    }
    if (!parent || typeof parent !== 'object') continue;
    const key = path[path.length - 1] as string | number;
    (parent as Json)[key] = reshape((parent as Json)[key], rand);
  }
  return copy;
}

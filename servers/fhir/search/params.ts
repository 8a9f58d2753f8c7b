import { defaults, type SearchableType } from '../config.ts';
import { encounter } from './clinical.ts';
import { clinicalSearchParams, clinicalSortKeys, referenceParam } from './clinical-params.ts';
import type { Filter, SortKey } from './types.ts';

/** The search parameters each type supports: the CapabilityStatement is generated from this too. */
export interface ParamDefinition {
  kind: Exclude<Filter['kind'], 'text'>;
  /** The filter this parameter becomes (`subject` and `patient` are the same filter). */
  param: string;
  fhirType: 'string' | 'token' | 'date' | 'reference';
  /** Reference parameters: the one type the ids are of (`Patient` when absent). */
  target?: string;
  documentation: string;
  modifiers: readonly string[];
}

const string = (param: string, documentation: string): ParamDefinition => ({
  kind: 'string',
  param,
  fhirType: 'string',
  documentation,
  modifiers: ['exact', 'contains'],
});
const token = (
  param: string,
  documentation: string,
  modifiers: readonly string[] = [],
): ParamDefinition => ({
  kind: 'token',
  param,
  fhirType: 'token',
  documentation,
  modifiers,
});
const date = (param: string, documentation: string): ParamDefinition => ({
  kind: 'date',
  param,
  fhirType: 'date',
  documentation,
  modifiers: [],
});
const patientRef: ParamDefinition = {
  kind: 'reference',
  param: 'patient',
  fhirType: 'reference',
  documentation: 'Patient/[id] or [id]; comma-separated for several',
  modifiers: ['Patient'],
};

/** Maps, not objects: names come from the request, and `constructor` must find nothing. */
export const searchParams: Record<SearchableType, ReadonlyMap<string, ParamDefinition>> = {
  Patient: new Map([
    ['_id', token('_id', 'Logical id; comma-separated for several')],
    ['name', string('name', 'Any part of any name: case- and accent-insensitive prefix')],
    ['family', string('family', 'Family name: case- and accent-insensitive prefix')],
    ['given', string('given', 'Given name: case- and accent-insensitive prefix')],
    ['birthdate', date('birthdate', 'eq/ne/gt/lt/ge/le/sa/eb prefixes, partial dates (UTC)')],
    ['gender', token('gender', 'male | female | other | unknown')],
    ['identifier', token('identifier', 'system|value or value')],
  ]),
  Observation: new Map([
    ['_id', token('_id', 'Logical id; comma-separated for several')],
    ['subject', patientRef],
    ['patient', patientRef],
    ['code', token('code', 'system|code or code; comma-separated for several', ['text'])],
    ['category', token('category', 'system|code or code (vital-signs, laboratory, ...)', ['text'])],
    ['date', date('date', 'effective[x]: prefixes, partial dates, ranges by repeating (UTC)')],
    ['status', token('status', 'final | amended | preliminary | ...')],
    ['encounter', referenceParam(encounter)],
  ]),
  ...clinicalSearchParams,
};

/** What each modifier does here; the CapabilityStatement lists them with each parameter. */
export const modifierDocumentation: ReadonlyMap<string, string> = new Map([
  ['exact', 'the whole text, case and accents included'],
  ['contains', 'anywhere in the text, case- and accent-insensitive'],
  [
    'text',
    'the start of any word of CodeableConcept.text or a Coding.display, case- and accent-insensitive',
  ],
  ['Patient', 'references to a Patient, the only type these point to'],
]);

export const sortKeys: Record<SearchableType, readonly SortKey['key'][]> = {
  Patient: ['name', 'birthdate', '_lastUpdated', '_id'],
  Observation: ['date', '_lastUpdated', '_id'],
  ...clinicalSortKeys,
};

/**
 * Parameters that shape the result rather than filter it (parse.ts applies them), with what the
 * CapabilityStatement says of each; `_sort` gets each type's keys there, and `_include` is stated by
 * `searchInclude`, its own element.
 */
export const resultParams: ReadonlyMap<string, string> = new Map([
  ['_sort', 'Sort keys, comma-separated, - before a key for descending'],
  ['_count', `Page size: ${defaults.defaultCount} unless set, at most ${defaults.maxCount}`],
  ['_offset', 'Where a page starts: the next/previous links set it, so follow them instead'],
  ['_total', 'none | estimate | accurate; the total is always exact here'],
  ['_summary', 'count (the total only, no entries) | false'],
]);

/** Accepted and dropped silently: we only ever answer JSON. */
export const formatParams = ['_format', '_pretty'] as const;

import { defaults, type SearchableType } from '../config.ts';
import { encounter } from './clinical.ts';
import { clinicalSearchParams, clinicalSortKeys } from './clinical-params.ts';
import {
  dateParam,
  idParam,
  patientParam,
  referenceParam,
  stringParam,
  tokenParam,
  type ParamDefinition,
} from './param-definitions.ts';
import type { SortKey } from './types.ts';

const patientRef = patientParam();

/** Maps, not objects: names come from the request, and `constructor` must find nothing. */
export const searchParams: Record<SearchableType, ReadonlyMap<string, ParamDefinition>> = {
  Patient: new Map([
    ['_id', idParam],
    ['name', stringParam('name', 'Any part of any name: case- and accent-insensitive prefix')],
    ['family', stringParam('family', 'Family name: case- and accent-insensitive prefix')],
    ['given', stringParam('given', 'Given name: case- and accent-insensitive prefix')],
    ['birthdate', dateParam('birthdate', 'eq/ne/gt/lt/ge/le/sa/eb prefixes, partial dates (UTC)')],
    ['gender', tokenParam('gender', 'male | female | other | unknown')],
    ['identifier', tokenParam('identifier', 'system|value or value')],
  ]),
  Observation: new Map([
    ['_id', idParam],
    ['subject', patientRef],
    ['patient', patientRef],
    ['code', tokenParam('code', 'system|code or code; comma-separated for several', ['text'])],
    [
      'category',
      tokenParam('category', 'system|code or code (vital-signs, laboratory, ...)', ['text']),
    ],
    ['date', dateParam('date', 'effective[x]: prefixes, partial dates, ranges by repeating (UTC)')],
    ['status', tokenParam('status', 'final | amended | preliminary | ...')],
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

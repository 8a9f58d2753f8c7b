import { ParamMap, Params } from '@angular/router';
import { Patient } from '../fhir/fhir-types';
import { formatHumanName, preferredName } from '../fhir/format-datatypes';
import { isSearchDate } from '../fhir/search-date';
import { SearchParams } from '../fhir/search-contract';
import { toQueryParams } from '../shared/url-state';

export type PatientSort = '' | 'name' | '-name' | 'birthdate' | '-birthdate';
export const PATIENT_SORTS: readonly { value: PatientSort; label: string }[] = [
  { value: '', label: 'Server order' },
  { value: 'name', label: 'Name (A–Z)' },
  { value: '-name', label: 'Name (Z–A)' },
  { value: 'birthdate', label: 'Birth date (oldest first)' },
  { value: '-birthdate', label: 'Birth date (newest first)' },
];
export const PAGE_SIZES: readonly number[] = [10, 20, 50];
export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;

/** Everything that defines the patient list, as held in the page URL. */
export interface PatientSearch {
  readonly name: string;
  readonly birthdate: string;
  readonly gender: string;
  readonly identifier: string;
  readonly sort: PatientSort;
  readonly count: number;
  /** A server paging link we reached via next/previous; absent on the first page. */
  readonly cursor: string;
  readonly page: number;
}

export const DEFAULT_PATIENT_SEARCH: PatientSearch = {
  name: '',
  birthdate: '',
  gender: '',
  identifier: '',
  sort: '',
  count: 20,
  cursor: '',
  page: 1,
};

/** Reads the URL's query parameters, ignoring anything malformed (URLs are user input). */
export function patientSearchFromParams(params: ParamMap): PatientSearch {
  const text = (key: string, max = 200) => (params.get(key) ?? '').trim().slice(0, max);
  const sort = text('sort') as PatientSort;
  const count = Number(text('count'));
  const page = Number(text('page'));
  const gender = text('gender');
  const birthdate = text('birthdate');
  return {
    // Not trimmed: the box must keep a trailing space while the user is still typing.
    name: (params.get('name') ?? '').slice(0, 200),
    birthdate: isSearchDate(birthdate) ? birthdate : '',
    gender: (GENDERS as readonly string[]).includes(gender) ? gender : '',
    identifier: text('identifier'),
    sort: PATIENT_SORTS.some((s) => s.value === sort) ? sort : DEFAULT_PATIENT_SEARCH.sort,
    count: PAGE_SIZES.includes(count) ? count : DEFAULT_PATIENT_SEARCH.count,
    cursor: text('cursor', 4000),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The query parameters for a search; defaults are left out to keep shared links short. */
export function patientSearchToParams(search: PatientSearch): Params {
  return toQueryParams(search, DEFAULT_PATIENT_SEARCH);
}

// `_sort=name` orders by family then given name on the local server (and HAPI/IRIS accept it).
export const FHIR_SORT: Record<PatientSort, SearchParams<'Patient'>['_sort']> = {
  '': undefined,
  name: 'name',
  '-name': '-name',
  birthdate: 'birthdate',
  '-birthdate': '-birthdate',
};

/** FHIR search parameters for the first page of a search. */
export function patientSearchToFhir(search: PatientSearch): SearchParams<'Patient'> {
  return {
    name: search.name.trim() || undefined,
    birthdate: search.birthdate || undefined,
    gender: search.gender || undefined,
    identifier: search.identifier || undefined,
    _sort: FHIR_SORT[search.sort],
    _count: search.count,
  };
}

/** What a patient is sorted by: family name then given names (as `_sort=name`), or birth date. */
function sortKey(patient: Patient, sort: PatientSort): string | undefined {
  if (sort === 'birthdate' || sort === '-birthdate') return patient.birthDate;
  const name = preferredName(patient.name);
  if (!name) return undefined;
  const parts = [name.family, ...(name.given ?? [])].filter((part) => part?.trim());
  return parts.length > 0 ? parts.join(' ') : formatHumanName(name);
}

/**
 * The patients in the order `sort` asks for, for a page that holds the whole result (the server may
 * not have sorted it). Patients without the key come last either way, as they have nothing to order.
 */
export function sortPatients(patients: readonly Patient[], sort: PatientSort): Patient[] {
  if (sort === '') return [...patients];
  const direction = sort.startsWith('-') ? -1 : 1;
  const keyed = patients.map((patient) => ({ patient, key: sortKey(patient, sort) }));
  keyed.sort((a, b) => {
    if (a.key === undefined || b.key === undefined)
      return Number(a.key === undefined) - Number(b.key === undefined);
    return direction * a.key.localeCompare(b.key, undefined, { sensitivity: 'base' });
  });
  return keyed.map(({ patient }) => patient);
}

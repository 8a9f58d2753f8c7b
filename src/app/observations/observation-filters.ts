import { ParamMap, Params } from '@angular/router';
import { isSearchDate } from '../fhir/search-date';
import { SearchParams } from '../fhir/search-contract';
import { toQueryParams } from '../shared/url-state';
import { isColumnKey } from './flowsheet-columns';
import { SEARCHABLE_CATEGORIES, SearchableCategory } from './observation-row';

/** The page's two views of the same observations: a grid by date, or the chronological list. */
export type ObservationView = 'list' | 'flowsheet';
const VIEWS: readonly ObservationView[] = ['list', 'flowsheet'];

/** The observation page's filters, held in its URL. */
export interface ObservationFilters {
  readonly view: ObservationView;
  readonly category: SearchableCategory | '';
  /** A LOINC code (e.g. 8867-4) or words to match in the code's text. */
  readonly code: string;
  readonly from: string;
  readonly to: string;
  /** A server paging link we reached via next/previous; absent on the first page. */
  readonly cursor: string;
  readonly page: number;
  /** The flowsheet's window: its newest day (YYYY-MM-DD) or hour (YYYY-MM-DDTHH); '' for the newest. */
  readonly through: string;
}

export const NO_OBSERVATION_FILTERS: ObservationFilters = {
  // The list until the chart links here: links and pages made before the flowsheet expect the list.
  view: 'list',
  category: '',
  code: '',
  from: '',
  to: '',
  cursor: '',
  page: 1,
  through: '',
};

export const OBSERVATION_PAGE_SIZE = 50;
const SYSTEM_AND_CODE = /^[^\s|]+\|[^\s|]+$/;
const LOINC_CODE = /^\d{1,7}-\d$/;

export function observationFiltersFromParams(params: ParamMap): ObservationFilters {
  const text = (key: string, max = 200) => (params.get(key) ?? '').trim().slice(0, max);
  const category = text('category');
  const page = Number(text('page'));
  return {
    view: VIEWS.find((known) => known === text('view')) ?? NO_OBSERVATION_FILTERS.view,
    category: SEARCHABLE_CATEGORIES.find((known) => known === category) ?? '',
    code: text('code'),
    from: isSearchDate(text('from'), 'day') ? text('from') : '',
    to: isSearchDate(text('to'), 'day') ? text('to') : '',
    cursor: text('cursor', 4000),
    page: Number.isInteger(page) && page > 1 ? page : 1,
    through: isColumnKey(text('through')) ? text('through') : '',
  };
}

export function observationFiltersToParams(filters: ObservationFilters): Params {
  return toQueryParams(filters, NO_OBSERVATION_FILTERS);
}

/** FHIR search parameters for one patient's observations, newest first, filtered on the server. */
export function observationSearchParams(
  patientId: string,
  filters: Pick<ObservationFilters, 'category' | 'code' | 'from' | 'to'>,
  count = OBSERVATION_PAGE_SIZE,
): SearchParams<'Observation'> {
  const dates = [filters.from && `ge${filters.from}`, filters.to && `le${filters.to}`].filter(
    (d): d is string => !!d,
  );
  const code = filters.code;
  // A LOINC-looking token is a code search; anything else searches the code's text.
  const isCode = LOINC_CODE.test(code) || SYSTEM_AND_CODE.test(code);
  return {
    patient: patientId,
    category: filters.category || undefined,
    code: isCode ? code : undefined,
    'code:text': code && !isCode ? code : undefined,
    date: dates.length > 0 ? dates : undefined,
    _sort: '-date',
    _count: count,
  };
}

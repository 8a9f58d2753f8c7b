import { convertToParamMap } from '@angular/router';
import {
  NO_OBSERVATION_FILTERS,
  observationFiltersFromParams,
  observationFiltersToParams,
  observationSearchParams,
} from './observation-filters';

describe('observation filters', () => {
  it('round-trips through the URL and drops malformed values', () => {
    const filters = {
      ...NO_OBSERVATION_FILTERS,
      category: 'laboratory' as const,
      from: '2020-01-01',
    };
    expect(
      observationFiltersFromParams(convertToParamMap(observationFiltersToParams(filters))),
    ).toEqual(filters);
    expect(
      observationFiltersFromParams(
        convertToParamMap({ category: 'x', from: 'last week', page: 'two' }),
      ),
    ).toEqual(NO_OBSERVATION_FILTERS);
  });

  it('takes from a link only categories the server can search, never "other" or object built-ins', () => {
    const category = (value: string) =>
      observationFiltersFromParams(convertToParamMap({ category: value })).category;
    for (const value of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'other']) {
      expect(category(value)).withContext(value).toBe('');
    }
    expect(category('social-history')).toBe('social-history');
  });

  it('asks the server for one patient, newest first, with category and dates', () => {
    expect(
      observationSearchParams('pat-0001', {
        category: 'vital-signs',
        code: '',
        from: '2020-01-01',
        to: '2020-12-31',
      }),
    ).toEqual({
      patient: 'pat-0001',
      category: 'vital-signs',
      code: undefined,
      'code:text': undefined,
      date: ['ge2020-01-01', 'le2020-12-31'],
      _sort: '-date',
      _count: 50,
    });
  });

  it('searches a LOINC code as a code and words as code text', () => {
    const base = { ...NO_OBSERVATION_FILTERS };
    expect(observationSearchParams('p', { ...base, code: '8867-4' })['code']).toBe('8867-4');
    expect(observationSearchParams('p', { ...base, code: 'http://loinc.org|8867-4' })['code']).toBe(
      'http://loinc.org|8867-4',
    );
    const words = observationSearchParams('p', { ...base, code: 'heart rate' });
    expect(words['code']).toBeUndefined();
    expect(words['code:text']).toBe('heart rate');
  });
});

import { convertToParamMap } from '@angular/router';
import {
  DEFAULT_PATIENT_SEARCH,
  patientSearchFromParams,
  patientSearchToFhir,
  patientSearchToParams,
} from './patient-search';

describe('patient search state in the URL', () => {
  it('round-trips through query parameters, leaving defaults out', () => {
    const search = {
      ...DEFAULT_PATIENT_SEARCH,
      name: 'smi',
      gender: 'female',
      birthdate: '1980-02-03',
      identifier: 'MRN-1',
      sort: '-birthdate' as const,
      count: 50,
    };
    const params = patientSearchToParams(search);
    expect(params).toEqual({
      name: 'smi',
      gender: 'female',
      birthdate: '1980-02-03',
      identifier: 'MRN-1',
      sort: '-birthdate',
      count: '50',
    });
    expect(patientSearchFromParams(convertToParamMap(params))).toEqual(search);
    expect(patientSearchToParams(DEFAULT_PATIENT_SEARCH)).toEqual({});
  });

  it('ignores malformed values from a hand-edited or hostile URL', () => {
    const search = patientSearchFromParams(
      convertToParamMap({
        gender: 'x',
        birthdate: 'yesterday',
        sort: 'ssn',
        count: '100000',
        page: '-3',
      }),
    );
    expect(search).toEqual(DEFAULT_PATIENT_SEARCH);
  });

  it('builds the FHIR query: name prefix, filters, sort by name, page size', () => {
    expect(
      patientSearchToFhir({
        ...DEFAULT_PATIENT_SEARCH,
        name: ' chal ',
        gender: 'male',
        sort: 'name',
        count: 10,
      }),
    ).toEqual({
      name: 'chal',
      birthdate: undefined,
      gender: 'male',
      identifier: undefined,
      _sort: 'name',
      _count: 10,
    });
    expect(patientSearchToFhir(DEFAULT_PATIENT_SEARCH)['_sort']).toBeUndefined();
  });
});

import { convertToParamMap } from '@angular/router';
import {
  DEFAULT_PATIENT_SEARCH,
  patientSearchFromParams,
  patientSearchToFhir,
  patientSearchToParams,
  sortPatients,
} from './patient-search';
import { Patient } from '../fhir/fhir-types';

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

  it('sorts a page here by family then given name, or birth date, with the unknown last', () => {
    const patients: Patient[] = [
      { resourceType: 'Patient', id: 'ward', name: [{ family: 'Ward', given: ['Ann'] }] },
      { resourceType: 'Patient', id: 'none', birthDate: '1970' },
      { resourceType: 'Patient', id: 'text', name: [{ text: 'joanna Adams' }] },
      {
        resourceType: 'Patient',
        id: 'abel',
        name: [{ family: 'Abel', given: ['Zoe'] }],
        birthDate: '1980-05-01',
      },
    ];
    const ids = (sorted: Patient[]) => sorted.map((p) => p.id);
    expect(ids(sortPatients(patients, 'name'))).toEqual(['abel', 'text', 'ward', 'none']);
    expect(ids(sortPatients(patients, '-name'))).toEqual(['ward', 'text', 'abel', 'none']);
    expect(ids(sortPatients(patients, 'birthdate'))).toEqual(['none', 'abel', 'ward', 'text']);
    expect(ids(sortPatients(patients, '-birthdate'))).toEqual(['abel', 'none', 'ward', 'text']);
    expect(ids(sortPatients(patients, ''))).toEqual(['ward', 'none', 'text', 'abel']);
  });
});

import { EhrEntry } from '../config/runtime-config';
import { launchScopes } from './launch-scopes';

const ENTRY: EhrEntry = { name: 'EHR', iss: 'https://ehr.example/fhir', clientId: 'app' };

describe('the scopes a launch asks for', () => {
  it('asks for v2 read scopes when the EHR advertises permission-v2', () => {
    expect(launchScopes(ENTRY, 'ehr', ['launch-ehr', 'permission-v2'])).toEqual([
      'launch',
      'openid',
      'fhirUser',
      'patient/*.rs',
      'user/*.rs',
    ]);
  });

  it('asks for v1 read scopes otherwise', () => {
    expect(launchScopes(ENTRY, 'ehr', ['permission-v1'])).toEqual([
      'launch',
      'openid',
      'fhirUser',
      'patient/*.read',
      'user/*.read',
    ]);
  });

  it('asks the EHR to pick the patient in a standalone launch', () => {
    expect(launchScopes(ENTRY, 'standalone', [])).toEqual([
      'launch/patient',
      'openid',
      'fhirUser',
      'patient/*.read',
      'user/*.read',
    ]);
  });

  it('uses the entry’s scopes, with the launch scope of the mode in place of any other', () => {
    const entry = { ...ENTRY, scopes: ['launch/patient', 'openid', 'patient/Observation.rs'] };
    expect(launchScopes(entry, 'ehr', ['permission-v2'])).toEqual([
      'launch',
      'openid',
      'patient/Observation.rs',
    ]);
    expect(launchScopes({ ...entry, scopes: ['launch', 'openid'] }, 'standalone', [])).toEqual([
      'launch/patient',
      'openid',
    ]);
  });

  it('treats an empty scope list as none', () => {
    expect(launchScopes({ ...ENTRY, scopes: [] }, 'ehr', [])).toContain('fhirUser');
  });
});

import { Bundle, MedicationRequest, Resource } from './fhir-types';
import {
  formatReference,
  includedResources,
  resolveReference,
  resourceName,
} from './format-reference';

const request: MedicationRequest = {
  resourceType: 'MedicationRequest',
  id: 'rx-1',
  contained: [
    { resourceType: 'Medication', id: 'med', code: { text: 'Metformin 500 mg' } } as Resource,
  ],
  medicationReference: { reference: '#med' },
};

const searchset: Bundle = {
  resourceType: 'Bundle',
  type: 'searchset',
  entry: [
    { fullUrl: 'http://localhost:4400/fhir/MedicationRequest/rx-1', resource: request },
    {
      fullUrl: 'http://localhost:4400/fhir/Medication/m-2',
      resource: {
        resourceType: 'Medication',
        id: 'm-2',
        code: { coding: [{ display: 'Lisinopril 10 mg' }] },
      } as Resource,
      search: { mode: 'include' },
    },
    {
      fullUrl: 'urn:uuid:0f2a',
      resource: {
        resourceType: 'Practitioner',
        name: [{ given: ['Ada'], family: 'Lovelace', prefix: ['Dr.'] }],
      } as Resource,
    },
    { resource: { resourceType: 'Location', id: 'loc-1', name: ' Ward 3 ' } as Resource },
    { fullUrl: 'http://x/Nothing' },
  ],
};

describe('Reference display', () => {
  const resolved = includedResources(searchset);

  it('shows the display the sender wrote, first', () => {
    expect(formatReference({ reference: 'Practitioner/1', display: ' Dr. Who ' })).toBe('Dr. Who');
  });

  it('names a contained resource by its code', () => {
    expect(formatReference(request.medicationReference, { referrer: request })).toBe(
      'Metformin 500 mg',
    );
    expect(formatReference({ reference: '#other' }, { referrer: request })).toBe('');
    expect(formatReference({ reference: '#med' })).toBe('');
  });

  it('names an included resource, found by relative reference, absolute URL or urn:uuid', () => {
    expect(formatReference({ reference: 'Medication/m-2' }, { resolved })).toBe('Lisinopril 10 mg');
    expect(
      formatReference(
        { reference: 'https://elsewhere.test/fhir/Medication/m-2/_history/3' },
        { resolved },
      ),
    ).toBe('Lisinopril 10 mg');
    expect(formatReference({ reference: 'urn:uuid:0f2a' }, { resolved })).toBe('Dr. Ada Lovelace');
    expect(formatReference({ reference: 'Location/loc-1' }, { resolved })).toBe('Ward 3');
  });

  it('falls back to the identifier: typed as "MRN 12345", untyped as system|value', () => {
    expect(formatReference({ identifier: { type: { text: 'MRN' }, value: '12345' } })).toBe(
      'MRN 12345',
    );
    expect(
      formatReference({ identifier: { type: { coding: [{ code: 'NPI' }] }, value: '99' } }),
    ).toBe('NPI 99');
    expect(
      formatReference({
        identifier: { type: { coding: [{ display: 'Driver license' }] }, value: 'D1' },
      }),
    ).toBe('Driver license D1');
    expect(
      formatReference({ identifier: { system: 'http://hl7.org/fhir/sid/us-npi', value: '42' } }),
    ).toBe('http://hl7.org/fhir/sid/us-npi|42');
    expect(formatReference({ identifier: { value: '7' } })).toBe('7');
    expect(
      formatReference({ identifier: { system: 'x', value: ' ' }, reference: 'Patient/p1' }),
    ).toBe('Patient/p1');
  });

  it('falls back to type and id, never a URL with its host, and to nothing for a bare urn', () => {
    expect(formatReference({ reference: 'Practitioner/123' })).toBe('Practitioner/123');
    expect(formatReference({ reference: 'https://other.test/fhir/Organization/o-9' })).toBe(
      'Organization/o-9',
    );
    expect(formatReference({ reference: 'urn:uuid:1234' })).toBe('');
    expect(formatReference({ reference: 'not a reference' })).toBe('');
    expect(formatReference({})).toBe('');
    expect(formatReference(undefined)).toBe('');
  });

  it('resolves references for MedicationRequest.medicationReference and the like', () => {
    expect(resolveReference({ reference: 'Medication/m-2' }, { resolved })?.id).toBe('m-2');
    expect(resolveReference({ reference: 'Medication/none' }, { resolved })).toBeUndefined();
    expect(resolveReference({ reference: 'Medication/m-2' })).toBeUndefined();
    expect(resolveReference({ reference: ' ' }, { resolved })).toBeUndefined();
    expect(resolveReference(undefined, { resolved })).toBeUndefined();
    expect(includedResources(undefined).size).toBe(0);
  });

  it('names resources by the field their type uses', () => {
    const of = (resource: object) => resourceName(resource as Resource);
    expect(of({ resourceType: 'Organization', name: 'General Hospital' })).toBe('General Hospital');
    expect(of({ resourceType: 'Patient', name: [{ text: 'Jo Bloggs' }] })).toBe('Jo Bloggs');
    expect(of({ resourceType: 'Condition', code: { text: 'Hypertension' } })).toBe('Hypertension');
    expect(of({ resourceType: 'Immunization', vaccineCode: { text: 'Influenza' } })).toBe(
      'Influenza',
    );
    expect(of({ resourceType: 'CarePlan', title: 'Diabetes plan' })).toBe('Diabetes plan');
    expect(of({ resourceType: 'Goal', description: { text: 'HbA1c below 7%' } })).toBe(
      'HbA1c below 7%',
    );
    expect(of({ resourceType: 'DocumentReference', description: ' Discharge note ' })).toBe(
      'Discharge note',
    );
    expect(of({ resourceType: 'Device', deviceName: [{}, { name: 'Pump' }] })).toBe('Pump');
    expect(of({ resourceType: 'Basic' })).toBe('');
    expect(resourceName(undefined)).toBe('');
  });
});

import { Bundle, Resource } from './fhir-types';
import {
  belongsToPatient,
  isSearchOfPatient,
  notThePatientsNotice,
  onlyThePatients,
  othersInTotalNote,
} from './patient-compartment';

const BASE = 'https://fhir.example.com/fhir';
const scope = { patientId: 'pat-0001', fhirBase: BASE };

const observation = (subject: object | undefined, extra: object = {}): Resource =>
  ({ resourceType: 'Observation', id: 'o', subject, ...extra }) as Resource;

describe('belongsToPatient', () => {
  it('accepts the patient by relative or absolute reference under the base, a version included', () => {
    for (const reference of [
      'Patient/pat-0001',
      'Patient/pat-0001/_history/3',
      `${BASE}/Patient/pat-0001`,
      `${BASE}/Patient/pat-0001/_history/3`,
    ]) {
      expect(belongsToPatient(observation({ reference }), scope))
        .withContext(reference)
        .toBeTrue();
    }
    expect(
      belongsToPatient(observation({ reference: 'Patient/pat-0001' }), {
        ...scope,
        fhirBase: `${BASE}/`,
      }),
    ).toBeTrue();
    expect(
      belongsToPatient(observation({ reference: 'Patient/pat-0001', type: 'Patient' }), scope),
    ).toBeTrue();
  });

  it('refuses another patient, another server, a look-alike id, and forms it cannot read as this patient', () => {
    for (const reference of [
      'Patient/pat-0002',
      'Patient/pat-00011',
      'Patient/pat-0001x',
      'Patient/pat-0001/',
      'Patient/pat%2D0001',
      'patient/pat-0001',
      'Group/pat-0001',
      'pat-0001',
      ' Patient/pat-0001',
      '#pat-0001',
      'urn:uuid:pat-0001',
      'https://other.example.com/fhir/Patient/pat-0001',
      'https://fhir.example.com/other/Patient/pat-0001',
      'https://fhir.example.com/fhir-other/Patient/pat-0001',
      `${BASE}/Patient/pat-0001?x=1`,
      `${BASE}/Patient/pat-0001#x`,
      `https://user@fhir.example.com/fhir/Patient/pat-0001`,
      `${BASE}/Patient/pat-0001/_history/`,
    ]) {
      expect(belongsToPatient(observation({ reference }), scope))
        .withContext(reference)
        .toBeFalse();
    }
    expect(belongsToPatient(observation(undefined), scope)).toBeFalse();
    expect(belongsToPatient(observation({ display: 'pat-0001' }), scope)).toBeFalse();
    expect(belongsToPatient(observation({ identifier: { value: 'pat-0001' } }), scope)).toBeFalse();
    expect(
      belongsToPatient(observation({ reference: 'Patient/pat-0001', type: 'Group' }), scope),
    ).toBeFalse();
  });

  it('reads each type by the element it declares for the patient, and trusts no stray one', () => {
    const patient = { reference: 'Patient/pat-0001' };
    const another = { reference: 'Patient/pat-0002' };
    expect(
      belongsToPatient({ resourceType: 'Immunization', patient } as Resource, scope),
    ).toBeTrue();
    expect(
      belongsToPatient({ resourceType: 'AllergyIntolerance', patient } as Resource, scope),
    ).toBeTrue();
    // The declared element is the one that counts: a `subject` on an Immunization is not its patient.
    expect(
      belongsToPatient({ resourceType: 'Immunization', subject: patient } as Resource, scope),
    ).toBeFalse();
    expect(
      belongsToPatient(
        { resourceType: 'Immunization', patient: another, subject: patient } as Resource,
        scope,
      ),
    ).toBeFalse();
    expect(
      belongsToPatient(
        { resourceType: 'Immunization', patient, subject: another } as Resource,
        scope,
      ),
    ).toBeFalse();
    expect(belongsToPatient(observation(patient, { patient: another }), scope)).toBeFalse();
    expect(belongsToPatient({ resourceType: 'Condition', patient } as Resource, scope)).toBeFalse();
    // A type that names no patient is nobody's record on a patient's page.
    expect(belongsToPatient({ resourceType: 'Medication' } as Resource, scope)).toBeFalse();
    expect(belongsToPatient({ resourceType: 'Patient', id: 'pat-0001' }, scope)).toBeFalse();
    expect(
      belongsToPatient(
        { resourceType: 'constructor', subject: { reference: 'Patient/pat-0001' } } as Resource,
        scope,
      ),
    ).toBeFalse();
  });
});

describe('onlyThePatients', () => {
  it('drops matches and includes of another patient, keeps what belongs to no patient, and counts', () => {
    const bundle: Bundle = {
      resourceType: 'Bundle',
      entry: [
        { resource: observation({ reference: 'Patient/pat-0001' }) },
        { resource: observation({ reference: 'Patient/pat-0002' }) },
        { resource: observation({ reference: 'Patient/pat-0003' }), search: { mode: 'include' } },
        { resource: { resourceType: 'Medication', id: 'm' }, search: { mode: 'include' } },
        { resource: { resourceType: 'OperationOutcome' }, search: { mode: 'outcome' } },
      ],
    };
    const { bundle: kept, others } = onlyThePatients(bundle, scope);
    expect(others).toBe(2);
    expect(kept.entry?.map((e) => e.resource?.resourceType)).toEqual([
      'Observation',
      'Medication',
      'OperationOutcome',
    ]);
    expect(onlyThePatients({ resourceType: 'Bundle' }, scope).others).toBe(0);
  });

  it('says in words how many entries were not shown, and nothing when none', () => {
    expect(notThePatientsNotice(0)).toEqual([]);
    expect(notThePatientsNotice(1)).toEqual([
      '1 entry that does not name this patient was not shown.',
    ]);
    expect(notThePatientsNotice(3)).toEqual([
      '3 entries that do not name this patient were not shown.',
    ]);
  });

  it("says a server's total counts the entries that were not shown, and nothing when none", () => {
    expect(othersInTotalNote(0, 'all')).toBe('');
    expect(othersInTotalNote(0, 'this page')).toBe('');
    expect(othersInTotalNote(1, 'all')).toBe(
      "; the server's count includes 1 entry that does not name this patient",
    );
    expect(othersInTotalNote(3, 'all')).toBe(
      "; the server's count includes 3 entries that do not name this patient",
    );
  });

  it('says how many it saw, never how many there are, when pages were not read', () => {
    expect(othersInTotalNote(1, 'this page')).toBe(
      "; the server's count includes entries that do not name this patient (1 on this page)",
    );
    expect(othersInTotalNote(3, 'the pages read')).toBe(
      "; the server's count includes entries that do not name this patient (3 on the pages read)",
    );
  });
});

describe('isSearchOfPatient', () => {
  const accepts = (link: string) => isSearchOfPatient(link, 'Observation', scope);

  it('accepts a search of the type for this patient, relative or absolute, by id or reference', () => {
    for (const link of [
      `${BASE}/Observation?patient=pat-0001&_count=50&_offset=50`,
      `${BASE}/Observation?subject=Patient/pat-0001&_offset=50`,
      `${BASE}/Observation?patient=Patient/pat-0001`,
      `${BASE}/Observation?patient=${encodeURIComponent(`${BASE}/Patient/pat-0001`)}`,
      `${BASE}/Observation?patient=pat%2D0001`,
      'Observation?patient=pat-0001&_offset=50',
    ]) {
      expect(accepts(link)).withContext(link).toBeTrue();
    }
  });

  it('refuses another patient, a second or disguised patient parameter, another type or base', () => {
    for (const link of [
      `${BASE}/Observation?patient=pat-0002`,
      `${BASE}/Observation?subject=Patient/pat-0002`,
      `${BASE}/Observation?subject=pat-0001`,
      `${BASE}/Observation?patient=pat-0001&patient=pat-0002`,
      `${BASE}/Observation?patient=pat-0001&subject=Patient/pat-0002`,
      `${BASE}/Observation?patient=pat-0001&pati%65nt=pat-0002`,
      `${BASE}/Observation?patient=pat-0001&Patient=pat-0002`,
      `${BASE}/Observation?patient=pat-0001&subject:Patient=pat-0002`,
      `${BASE}/Observation?patient=pat-0001&patient.name=Ann`,
      `${BASE}/Observation?patient:missing=true`,
      `${BASE}/Observation?patient=pat-0001,pat-0002`,
      `${BASE}/Observation?patient=pat-0001%2Cpat-0002`,
      `${BASE}/Observation?patient=pat-0001+`,
      `${BASE}/Observation?patient=Patient/pat-0001/_history/1`,
      `${BASE}/Observation?patient=https://other.example.com/fhir/Patient/pat-0001`,
      `${BASE}/Observation?code=8867-4`,
      `${BASE}/Observation`,
      `${BASE}/Condition?patient=pat-0001`,
      `${BASE}/Observation/_search?patient=pat-0001`,
      `${BASE}/observation?patient=pat-0001`,
      `${BASE}?_getpages=abc&patient=pat-0001`,
      `https://fhir.example.com/other/Observation?patient=pat-0001`,
      `https://fhir.example.com.evil.test/fhir/Observation?patient=pat-0001`,
      `https://user@fhir.example.com/fhir/Observation?patient=pat-0001`,
      `//other.example.com/fhir/Observation?patient=pat-0001`,
      'http://[bad',
    ]) {
      expect(accepts(link)).withContext(link).toBeFalse();
    }
  });
});

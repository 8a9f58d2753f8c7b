import { FhirError } from '../../fhir/fhir-error';
import { AllergyIntolerance, CodeableConcept } from '../../fhir/fhir-types';
import { noKnownAllergy, penicillinAllergy } from '../../../testing/chart-fixtures';
import { SectionPage } from '../chart-queries';
import { allergyStatus, isNoKnownAllergy, summariseAllergies } from './allergies';

const page = (
  resources: AllergyIntolerance[],
  nextLink?: string,
): SectionPage<AllergyIntolerance> => ({
  resources,
  total: resources.length,
  nextLink,
  previousLink: undefined,
  notices: [],
  totalIsEstimate: false,
  unsorted: false,
  resolved: new Map(),
  notThePatients: 0,
});
const loaded = (resources: AllergyIntolerance[], nextLink?: string) =>
  summariseAllergies({ status: 'loaded', data: page(resources, nextLink) });

const peanut: AllergyIntolerance = {
  resourceType: 'AllergyIntolerance',
  id: 'peanut',
  criticality: 'low',
  code: { text: 'Peanut' },
};
const inactiveLatex: AllergyIntolerance = {
  resourceType: 'AllergyIntolerance',
  id: 'latex',
  clinicalStatus: {
    coding: [
      {
        system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
        code: 'inactive',
      },
    ],
  },
  code: { text: 'Latex' },
};

describe('summariseAllergies (the banner line)', () => {
  it('lists active allergies, high criticality first', () => {
    const summary = loaded([peanut, penicillinAllergy]);
    expect(summary.text).toBe('Allergies:');
    expect(summary.allergies).toEqual([
      { name: 'Allergy to penicillin', highCriticality: true },
      { name: 'Peanut', highCriticality: false },
    ]);
    expect(summary.incomplete).toBeFalse();
  });

  it('tells a recorded negation, nothing recorded and only inactive ones apart', () => {
    expect(loaded([noKnownAllergy]).text).toBe('No known allergies');
    expect(loaded([]).text).toBe('No allergies recorded');
    expect(loaded([inactiveLatex]).text).toBe('No active allergies (inactive ones below)');
    // An allergy recorded beside a "no known allergy" wins: the clinician must see it.
    expect(loaded([noKnownAllergy, peanut]).allergies.map((a) => a.name)).toEqual(['Peanut']);
  });

  it('never says "none" for a list read only in part', () => {
    const firstPageOnly = loaded([], 'https://fhir.example.com/fhir?page=2');
    expect(firstPageOnly.text).toBe('Allergies: see the list below');
    expect(firstPageOnly.incomplete).toBeTrue();
    expect(loaded([noKnownAllergy], 'https://fhir.example.com/fhir?page=2').text).not.toContain(
      'No known',
    );
    expect(loaded([peanut], 'https://fhir.example.com/fhir?page=2').incomplete).toBeTrue();
  });

  it('never says "none" when the server also sent another patient’s entries', () => {
    const doubtful = (resources: AllergyIntolerance[]) =>
      summariseAllergies({
        status: 'loaded',
        data: { ...page(resources), notThePatients: 1 },
      });
    expect(doubtful([]).text).toBe('Allergies: see the list below');
    expect(doubtful([]).incomplete).toBeTrue();
    expect(doubtful([noKnownAllergy]).text).not.toContain('No known');
    expect(doubtful([peanut]).allergies.map((a) => a.name)).toEqual(['Peanut']);
    expect(doubtful([peanut]).incomplete).toBeTrue();
  });

  it('says what is unknown while loading, on error, when withheld and when not offered', () => {
    expect(summariseAllergies({ status: 'loading' }).text).toBe('Allergies: loading…');
    expect(summariseAllergies({ status: 'not-permitted' }).text).toBe(
      'Allergies: outside your access',
    );
    const failed = new FhirError('server', 'Down', 'Retry');
    expect(summariseAllergies({ status: 'error', error: failed }).text).toContain(
      'could not be loaded',
    );
    const unsupported = new FhirError('unsupported', 'No search', 'Nothing to retry');
    expect(summariseAllergies({ status: 'error', error: unsupported }).text).toBe(
      'Allergies: not offered by this FHIR server',
    );
    for (const state of ['loading', 'not-permitted'] as const) {
      expect(summariseAllergies({ status: state }).incomplete).toBeTrue();
    }
  });
});

const concept = (system: string, code: string): CodeableConcept => ({
  coding: [{ system: `http://terminology.hl7.org/CodeSystem/${system}`, code }],
});
const allergy = (extra: Partial<AllergyIntolerance> = {}): AllergyIntolerance => ({
  resourceType: 'AllergyIntolerance',
  clinicalStatus: concept('allergyintolerance-clinical', 'active'),
  verificationStatus: concept('allergyintolerance-verification', 'confirmed'),
  ...extra,
});

describe('Allergy statuses in words', () => {
  it('AllergyIntolerance: with its criticality when high or not assessable', () => {
    expect(allergyStatus(allergy())).toEqual({ label: 'Active', group: 'active' });
    expect(allergyStatus(allergy({ criticality: 'high' })).label).toBe('Active, high criticality');
    expect(allergyStatus(allergy({ criticality: 'low' })).label).toBe('Active');
    expect(allergyStatus(allergy({ criticality: 'unable-to-assess' })).label).toBe(
      'Active, criticality not assessable',
    );
    expect(
      allergyStatus(
        allergy({ criticality: 'high', verificationStatus: concept('x', 'entered-in-error') }),
      ),
    ).toEqual({ label: 'Entered in error', group: 'entered-in-error' });
    expect(
      allergyStatus(allergy({ clinicalStatus: concept('allergyintolerance-clinical', 'resolved') }))
        .group,
    ).toBe('inactive');
  });
});

describe('No known allergies', () => {
  const nkda = {
    coding: [
      {
        system: 'http://snomed.info/sct',
        code: '409137002',
        display: 'No Known Drug Allergy (situation)',
      },
    ],
    text: 'NKDA',
  };

  it('recognises the SNOMED negation codes and the usual words (HL7 allergyintolerance-nkda)', () => {
    expect(isNoKnownAllergy(allergy({ code: nkda }))).toBeTrue();
    for (const code of ['716186003', '429625007', '428607008']) {
      expect(
        isNoKnownAllergy(
          allergy({ code: { coding: [{ system: 'http://snomed.info/sct', code }] } }),
        ),
      )
        .withContext(code)
        .toBeTrue();
    }
    for (const text of ['NKA', 'No known allergies', 'no known food allergy.', 'NKDA']) {
      expect(isNoKnownAllergy(allergy({ code: { text } })))
        .withContext(text)
        .toBeTrue();
    }
  });

  it('is no negation when it is an allergy, or the negation was refuted, ended or in error', () => {
    expect(isNoKnownAllergy(allergy({ code: { text: 'Penicillin' } }))).toBeFalse();
    expect(
      isNoKnownAllergy(allergy({ code: { text: 'Known allergies: none confirmed' } })),
    ).toBeFalse();
    expect(
      isNoKnownAllergy(
        allergy({ code: { coding: [{ system: 'http://other', code: '409137002' }] } }),
      ),
    ).toBeFalse();
    expect(isNoKnownAllergy(allergy())).toBeFalse();
    expect(
      isNoKnownAllergy(
        allergy({
          code: nkda,
          verificationStatus: concept('allergyintolerance-verification', 'refuted'),
        }),
      ),
    ).toBeFalse();
    expect(
      isNoKnownAllergy(
        allergy({
          code: nkda,
          verificationStatus: concept('allergyintolerance-verification', 'entered-in-error'),
        }),
      ),
    ).toBeFalse();
    expect(
      isNoKnownAllergy(
        allergy({ code: nkda, clinicalStatus: concept('allergyintolerance-clinical', 'inactive') }),
      ),
    ).toBeFalse();
  });
});

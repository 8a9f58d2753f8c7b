import { FhirError } from '../fhir/fhir-error';
import { AllergyIntolerance } from '../fhir/fhir-types';
import { noKnownAllergy, penicillinAllergy } from '../../testing/chart-fixtures';
import { summariseAllergies } from './allergy-summary';
import { SectionPage } from './chart-queries';

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

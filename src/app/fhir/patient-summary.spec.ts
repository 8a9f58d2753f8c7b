import { syntheaPatient } from '../../testing/fhir-fixtures';
import { toPatientSummary } from './patient-summary';

describe('toPatientSummary', () => {
  const today = new Date(2026, 0, 1);

  it('summarises a real Synthea patient', () => {
    const summary = toPatientSummary(syntheaPatient, today);
    expect(summary.name).toBe('Noel Reynolds');
    expect(summary.gender).toBe('Male');
    expect(summary.mrn).toBe('368d6c9b-be99-45a0-a126-ae796bc32eac');
    expect(summary.age).toBe('6 y');
  });

  it('degrades gracefully when everything is missing', () => {
    expect(toPatientSummary({ resourceType: 'Patient' }, today)).toEqual({
      id: '',
      name: 'Unnamed patient',
      gender: '—',
      birthDate: '—',
      age: '—',
      mrn: '—',
      deceased: false,
      deceasedDate: '',
    });
  });

  it('marks a deceased patient and shows no age', () => {
    const summary = toPatientSummary(
      { resourceType: 'Patient', birthDate: '1930-01-01', deceasedDateTime: '2001-05-06' },
      today,
    );
    expect(summary.deceased).toBeTrue();
    expect(summary.age).toBe('—');
    expect(summary.deceasedDate).not.toBe('');
  });
});

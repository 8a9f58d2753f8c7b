import { clinicalStatus } from './chart-status';
import { CodeableConcept, Condition } from './fhir-types';

const concept = (system: string, code: string): CodeableConcept => ({
  coding: [{ system: `http://terminology.hl7.org/CodeSystem/${system}`, code }],
});
const condition = (clinical?: string, verification?: string): Condition => ({
  resourceType: 'Condition',
  ...(clinical ? { clinicalStatus: concept('condition-clinical', clinical) } : {}),
  ...(verification ? { verificationStatus: concept('condition-ver-status', verification) } : {}),
});

describe('Clinical status in words (Condition, AllergyIntolerance)', () => {
  it('Condition: the clinical status, qualified by an unsure verification', () => {
    expect(clinicalStatus(condition('active', 'confirmed'))).toEqual({
      label: 'Active',
      group: 'active',
    });
    expect(clinicalStatus(condition('recurrence'))).toEqual({
      label: 'Recurrence',
      group: 'active',
    });
    expect(clinicalStatus(condition('relapse'))).toEqual({ label: 'Relapse', group: 'active' });
    expect(clinicalStatus(condition('resolved'))).toEqual({ label: 'Resolved', group: 'inactive' });
    expect(clinicalStatus(condition('inactive'))).toEqual({ label: 'Inactive', group: 'inactive' });
    expect(clinicalStatus(condition('remission'))).toEqual({
      label: 'Remission',
      group: 'inactive',
    });
    expect(clinicalStatus(condition('active', 'unconfirmed')).label).toBe('Active, unconfirmed');
    expect(clinicalStatus(condition('active', 'provisional')).label).toBe('Active, provisional');
    expect(clinicalStatus(condition('active', 'differential')).label).toBe('Active, differential');
  });

  it('Condition: refuted and entered in error overrule the clinical status', () => {
    expect(clinicalStatus(condition('active', 'refuted'))).toEqual({
      label: 'Refuted',
      group: 'inactive',
    });
    expect(clinicalStatus(condition('active', 'entered-in-error'))).toEqual({
      label: 'Entered in error',
      group: 'entered-in-error',
    });
  });

  it('Condition: a missing or unknown status is unknown, never inactive', () => {
    expect(clinicalStatus(condition())).toEqual({ label: 'Status unknown', group: 'unknown' });
    expect(clinicalStatus(condition(undefined, 'provisional'))).toEqual({
      label: 'Provisional',
      group: 'unknown',
    });
    expect(
      clinicalStatus({ resourceType: 'Condition', clinicalStatus: { text: 'Smouldering' } }),
    ).toEqual({ label: 'Smouldering', group: 'unknown' });
  });
});

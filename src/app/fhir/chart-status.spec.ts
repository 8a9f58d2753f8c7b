import { isNoKnownAllergy, statusOf } from './chart-status';
import {
  AllergyIntolerance,
  CodeableConcept,
  Condition,
  MedicationRequest,
  MedicationStatement,
} from './fhir-types';

const concept = (system: string, code: string): CodeableConcept => ({
  coding: [{ system: `http://terminology.hl7.org/CodeSystem/${system}`, code }],
});
const condition = (clinical?: string, verification?: string): Condition => ({
  resourceType: 'Condition',
  ...(clinical ? { clinicalStatus: concept('condition-clinical', clinical) } : {}),
  ...(verification ? { verificationStatus: concept('condition-ver-status', verification) } : {}),
});
const allergy = (extra: Partial<AllergyIntolerance> = {}): AllergyIntolerance => ({
  resourceType: 'AllergyIntolerance',
  clinicalStatus: concept('allergyintolerance-clinical', 'active'),
  verificationStatus: concept('allergyintolerance-verification', 'confirmed'),
  ...extra,
});

describe('Chart statuses in words', () => {
  it('Condition: the clinical status, qualified by an unsure verification', () => {
    expect(statusOf(condition('active', 'confirmed'))).toEqual({
      label: 'Active',
      group: 'active',
    });
    expect(statusOf(condition('recurrence'))).toEqual({ label: 'Recurrence', group: 'active' });
    expect(statusOf(condition('relapse'))).toEqual({ label: 'Relapse', group: 'active' });
    expect(statusOf(condition('resolved'))).toEqual({ label: 'Resolved', group: 'inactive' });
    expect(statusOf(condition('inactive'))).toEqual({ label: 'Inactive', group: 'inactive' });
    expect(statusOf(condition('remission'))).toEqual({ label: 'Remission', group: 'inactive' });
    expect(statusOf(condition('active', 'unconfirmed')).label).toBe('Active, unconfirmed');
    expect(statusOf(condition('active', 'provisional')).label).toBe('Active, provisional');
    expect(statusOf(condition('active', 'differential')).label).toBe('Active, differential');
  });

  it('Condition: refuted and entered in error overrule the clinical status', () => {
    expect(statusOf(condition('active', 'refuted'))).toEqual({
      label: 'Refuted',
      group: 'inactive',
    });
    expect(statusOf(condition('active', 'entered-in-error'))).toEqual({
      label: 'Entered in error',
      group: 'entered-in-error',
    });
  });

  it('Condition: a missing or unknown status is unknown, never inactive', () => {
    expect(statusOf(condition())).toEqual({ label: 'Status unknown', group: 'unknown' });
    expect(statusOf(condition(undefined, 'provisional'))).toEqual({
      label: 'Provisional',
      group: 'unknown',
    });
    expect(
      statusOf({ resourceType: 'Condition', clinicalStatus: { text: 'Smouldering' } }),
    ).toEqual({ label: 'Smouldering', group: 'unknown' });
  });

  it('AllergyIntolerance: with its criticality when high or not assessable', () => {
    expect(statusOf(allergy())).toEqual({ label: 'Active', group: 'active' });
    expect(statusOf(allergy({ criticality: 'high' })).label).toBe('Active, high criticality');
    expect(statusOf(allergy({ criticality: 'low' })).label).toBe('Active');
    expect(statusOf(allergy({ criticality: 'unable-to-assess' })).label).toBe(
      'Active, criticality not assessable',
    );
    expect(
      statusOf(
        allergy({ criticality: 'high', verificationStatus: concept('x', 'entered-in-error') }),
      ),
    ).toEqual({ label: 'Entered in error', group: 'entered-in-error' });
    expect(
      statusOf(allergy({ clinicalStatus: concept('allergyintolerance-clinical', 'resolved') }))
        .group,
    ).toBe('inactive');
  });

  it('MedicationRequest: every R4 status, with the reason it was stopped', () => {
    // Codes as a server may send them: some are not in R4's value set.
    const of = (status: string) =>
      statusOf({
        resourceType: 'MedicationRequest',
        status: status as MedicationRequest['status'],
      });
    expect(of('active')).toEqual({ label: 'Active', group: 'active' });
    expect(of('on-hold')).toEqual({ label: 'On hold', group: 'active' });
    expect(of('stopped')).toEqual({ label: 'Stopped', group: 'inactive' });
    expect(of('completed')).toEqual({ label: 'Completed', group: 'inactive' });
    expect(of('cancelled')).toEqual({ label: 'Cancelled', group: 'inactive' });
    expect(of('draft')).toEqual({ label: 'Draft', group: 'inactive' });
    expect(of('entered-in-error').group).toBe('entered-in-error');
    expect(of('unknown')).toEqual({ label: 'Status unknown', group: 'unknown' });
    expect(of('')).toEqual({ label: 'Status unknown', group: 'unknown' });
    expect(of('constructor')).toEqual({ label: 'constructor', group: 'unknown' });
    expect(
      statusOf({
        resourceType: 'MedicationRequest',
        status: 'stopped',
        statusReason: { text: 'Cough' },
      }).label,
    ).toBe('Stopped: Cough');
  });

  it('MedicationStatement', () => {
    const of = (status: string) =>
      statusOf({
        resourceType: 'MedicationStatement',
        status: status as MedicationStatement['status'],
      });
    expect(of('intended').group).toBe('active');
    expect(of('not-taken')).toEqual({ label: 'Not taken', group: 'inactive' });
    expect(statusOf({ resourceType: 'MedicationStatement' }).group).toBe('unknown');
  });

  it('Immunization: not done says why', () => {
    expect(statusOf({ resourceType: 'Immunization', status: 'completed' })).toEqual({
      label: 'Completed',
      group: 'active',
    });
    expect(
      statusOf({
        resourceType: 'Immunization',
        status: 'not-done',
        statusReason: { coding: [{ code: 'PATOBJ', display: 'patient objection' }] },
      }),
    ).toEqual({ label: 'Not done: patient objection', group: 'inactive' });
    expect(statusOf({ resourceType: 'Immunization', status: 'not-done' }).label).toBe('Not done');
    expect(statusOf({ resourceType: 'Immunization', status: 'entered-in-error' }).group).toBe(
      'entered-in-error',
    );
  });

  it('Procedure: done counts, not done and stopped say why', () => {
    const reason = { text: 'Patient declined' };
    expect(
      statusOf({ resourceType: 'Procedure', status: 'completed', statusReason: reason }),
    ).toEqual({
      label: 'Completed',
      group: 'active',
    });
    expect(
      statusOf({ resourceType: 'Procedure', status: 'not-done', statusReason: reason }).label,
    ).toBe('Not done: Patient declined');
    expect(statusOf({ resourceType: 'Procedure', status: 'in-progress' }).label).toBe(
      'In progress',
    );
  });

  it('Encounter, DiagnosticReport, DocumentReference, CarePlan', () => {
    expect(statusOf({ resourceType: 'Encounter', status: 'finished' })).toEqual({
      label: 'Finished',
      group: 'active',
    });
    expect(statusOf({ resourceType: 'Encounter', status: 'cancelled' }).group).toBe('inactive');
    expect(statusOf({ resourceType: 'DiagnosticReport', status: 'preliminary' })).toEqual({
      label: 'Preliminary',
      group: 'active',
    });
    expect(statusOf({ resourceType: 'DiagnosticReport', status: 'cancelled' }).group).toBe(
      'inactive',
    );
    expect(statusOf({ resourceType: 'DocumentReference', status: 'superseded' })).toEqual({
      label: 'Superseded',
      group: 'inactive',
    });
    expect(statusOf({ resourceType: 'DocumentReference', status: 'entered-in-error' }).group).toBe(
      'entered-in-error',
    );
    expect(statusOf({ resourceType: 'CarePlan', status: 'revoked' })).toEqual({
      label: 'Revoked',
      group: 'inactive',
    });
    expect(statusOf({ resourceType: 'CarePlan', status: 'active' }).group).toBe('active');
  });

  it('Goal: lifecycle with its achievement', () => {
    expect(
      statusOf({
        resourceType: 'Goal',
        lifecycleStatus: 'active',
        achievementStatus: { text: 'Improving' },
      }),
    ).toEqual({ label: 'Active, improving', group: 'active' });
    expect(statusOf({ resourceType: 'Goal', lifecycleStatus: 'completed' })).toEqual({
      label: 'Completed',
      group: 'inactive',
    });
    expect(statusOf({ resourceType: 'Goal' }).group).toBe('unknown');
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

import { MedicationRequest, MedicationStatement } from '../../fhir/fhir-types';
import { ROW_CONTEXT, detailsOf, lisinopril } from '../../../testing/chart-fixtures';
import {
  medicationRequestStatus,
  medicationRow,
  medicationStatementStatus,
  medicationsSection,
  statementRow,
} from './medications';

describe('Medications', () => {
  it('MedicationRequest: every R4 status, with the reason it was stopped', () => {
    // Codes as a server may send them: some are not in R4's value set.
    const of = (status: string) =>
      medicationRequestStatus({
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
      medicationRequestStatus({
        resourceType: 'MedicationRequest',
        status: 'stopped',
        statusReason: { text: 'Cough' },
      }).label,
    ).toBe('Stopped: Cough');
  });

  it('MedicationStatement', () => {
    const of = (status: string) =>
      medicationStatementStatus({
        resourceType: 'MedicationStatement',
        status: status as MedicationStatement['status'],
      });
    expect(of('intended').group).toBe('active');
    expect(of('not-taken')).toEqual({ label: 'Not taken', group: 'inactive' });
    expect(medicationStatementStatus({ resourceType: 'MedicationStatement' }).group).toBe(
      'unknown',
    );
  });

  it('a prescription names the drug, when it was written, the dosage and the prescriber', () => {
    const row = medicationRow(lisinopril, ROW_CONTEXT);
    expect(row.title).toContain('isinopril');
    expect(row.when).toMatch(/^Prescribed /);
    expect(detailsOf(row)['Dosage']).toBeTruthy();
  });

  it('a prescription without dosage says so, and a drug by reference is named', () => {
    const row = medicationRow(
      {
        resourceType: 'MedicationRequest',
        medicationReference: { reference: '#med', display: 'Amoxicillin 500 mg' },
      },
      ROW_CONTEXT,
    );
    expect(row.title).toBe('Amoxicillin 500 mg');
    expect(row.when).toBe('Date not recorded');
    expect(detailsOf(row)['Dosage']).toBe('No dosage instructions recorded');
  });

  it('what the patient says they take is marked as reported by them, not prescribed', () => {
    const statement: MedicationStatement = {
      resourceType: 'MedicationStatement',
      id: 'ms-1',
      status: 'active',
      medicationCodeableConcept: { text: 'Vitamin D 1000 IU' },
      effectiveDateTime: '2023-06-01',
      dateAsserted: '2024-01-10',
      informationSource: { reference: 'Patient/pat-0001' },
      dosage: [{ text: 'One capsule daily' }],
    };
    const row = statementRow(statement, ROW_CONTEXT);
    expect(row.title).toBe('Vitamin D 1000 IU');
    expect(row.status).toEqual({ label: 'Active', group: 'active' });
    expect(row.when).toBe('Taken Jun 1, 2023');
    expect(detailsOf(row)).toEqual({
      Reported: 'Reported by the patient',
      Dosage: 'One capsule daily',
    });
    const undated = statementRow(
      { resourceType: 'MedicationStatement', dateAsserted: '2024-01-10' },
      ROW_CONTEXT,
    );
    expect(undated.title).toBe('Unnamed medication');
    expect(undated.when).toBe('Reported Jan 10, 2024');
    expect(detailsOf(undated)['Reported']).toBe('Reported by the patient');
  });

  it('a statement someone else made says who', () => {
    const row = statementRow(
      {
        resourceType: 'MedicationStatement',
        informationSource: { reference: 'RelatedPerson/rp-1', display: 'Daughter' },
      },
      ROW_CONTEXT,
    );
    expect(detailsOf(row)['Reported']).toBe('Reported by Daughter');
  });

  it('the Medications section lists reported medications inside it', () => {
    expect(medicationsSection.also?.map((list) => [list.type, list.heading])).toEqual([
      ['MedicationStatement', 'Reported as taken'],
    ]);
  });
});

import { MedicationRequest, MedicationStatement } from '../../fhir/fhir-types';
import { ROW_CONTEXT, detailsOf, lisinopril } from '../../../testing/chart-fixtures';
import { medicationRequestStatus, medicationRow, medicationStatementStatus } from './medications';

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
});

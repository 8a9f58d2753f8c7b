import { Immunization } from '../../fhir/fhir-types';
import { ROW_CONTEXT, detailsOf } from '../../../testing/chart-fixtures';
import { immunizationRow, immunizationStatus } from './immunizations';

describe('Immunizations', () => {
  it('Immunization: not done says why', () => {
    expect(immunizationStatus({ resourceType: 'Immunization', status: 'completed' })).toEqual({
      label: 'Completed',
      group: 'active',
    });
    expect(
      immunizationStatus({
        resourceType: 'Immunization',
        status: 'not-done',
        statusReason: { coding: [{ code: 'PATOBJ', display: 'patient objection' }] },
      }),
    ).toEqual({ label: 'Not done: patient objection', group: 'inactive' });
    expect(immunizationStatus({ resourceType: 'Immunization', status: 'not-done' }).label).toBe(
      'Not done',
    );
    expect(
      immunizationStatus({ resourceType: 'Immunization', status: 'entered-in-error' }).group,
    ).toBe('entered-in-error');
  });

  it('a row names the vaccine, when it was given, the dose and who reported it', () => {
    const flu: Immunization = {
      resourceType: 'Immunization',
      id: 'imm-1',
      status: 'completed',
      vaccineCode: {
        coding: [
          { system: 'http://hl7.org/fhir/sid/cvx', code: '140', display: 'Influenza, seasonal' },
        ],
      },
      occurrenceDateTime: '2024-10-04T09:30:00Z',
      doseQuantity: { value: 0.5, unit: 'mL' },
      route: { text: 'Intramuscular' },
      site: { text: 'Left arm' },
      lotNumber: 'AB123',
      primarySource: false,
      note: [{ text: 'No reaction' }],
    };
    const row = immunizationRow(flu, ROW_CONTEXT);
    expect(row.id).toBe('imm-1');
    expect(row.title).toBe('Influenza, seasonal');
    expect(row.status).toEqual({ label: 'Completed', group: 'active' });
    expect(row.when).toBe('Given Oct 4, 2024');
    expect(row.time).toBe(Date.parse('2024-10-04T09:30:00Z'));
    expect(detailsOf(row)).toEqual({
      Dose: '0.5 mL',
      Route: 'Intramuscular',
      Site: 'Left arm',
      Lot: 'AB123',
      Reported: 'Reported by another source',
      Notes: 'No reaction',
    });
  });

  it('a vaccine not given is due, and one with no date or name still reads', () => {
    const due = immunizationRow(
      { resourceType: 'Immunization', status: 'not-done', occurrenceString: 'Autumn 2025' },
      ROW_CONTEXT,
    );
    expect(due.title).toBe('Unnamed vaccine');
    expect(due.when).toBe('Due Autumn 2025');
    expect(due.status.group).toBe('inactive');
    const undated = immunizationRow({ resourceType: 'Immunization' }, ROW_CONTEXT);
    expect(undated.when).toBe('Date not recorded');
    expect(undated.time).toBeNaN();
    expect(undated.details).toEqual([]);
  });
});

import { DiagnosticReport, Observation } from '../../fhir/fhir-types';
import { ROW_CONTEXT, detailsOf } from '../../../testing/chart-fixtures';
import { reportRow, reportStatus } from './results';

describe('Results', () => {
  it('statuses in words: preliminary counts, cancelled is inactive', () => {
    expect(reportStatus({ resourceType: 'DiagnosticReport', status: 'preliminary' })).toEqual({
      label: 'Preliminary',
      group: 'active',
    });
    expect(reportStatus({ resourceType: 'DiagnosticReport', status: 'cancelled' }).group).toBe(
      'inactive',
    );
  });

  it('a report lists the results included with it, and names one the server did not include', () => {
    const potassium: Observation = {
      resourceType: 'Observation',
      id: 'k',
      status: 'final',
      code: { text: 'Potassium' },
      valueQuantity: { value: 4.1, unit: 'mmol/L' },
    };
    const report: DiagnosticReport = {
      resourceType: 'DiagnosticReport',
      status: 'final',
      code: { text: 'Basic metabolic panel' },
      issued: '2024-05-02T10:00:00Z',
      result: [{ reference: 'Observation/k' }, { reference: 'Observation/na' }],
      conclusion: 'Normal',
    };
    const row = reportRow(report, {
      ...ROW_CONTEXT,
      resolved: new Map([['Observation/k', potassium]]),
    });
    expect(row.when).toBe('Issued May 2, 2024');
    expect(row.results.map((r) => [r.name, r.value])).toEqual([
      ['Potassium', '4.1 mmol/L'],
      ['Observation/na', 'Not included by the server'],
    ]);
    expect(detailsOf(row)).toEqual({ Conclusion: 'Normal' });
  });
});

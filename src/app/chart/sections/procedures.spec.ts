import { Procedure } from '../../fhir/fhir-types';
import { ROW_CONTEXT, detailsOf } from '../../../testing/chart-fixtures';
import { procedureRow, procedureStatus } from './procedures';

describe('Procedures', () => {
  it('Procedure: done counts, not done and stopped say why', () => {
    const reason = { text: 'Patient declined' };
    expect(
      procedureStatus({ resourceType: 'Procedure', status: 'completed', statusReason: reason }),
    ).toEqual({
      label: 'Completed',
      group: 'active',
    });
    expect(
      procedureStatus({ resourceType: 'Procedure', status: 'not-done', statusReason: reason })
        .label,
    ).toBe('Not done: Patient declined');
    expect(procedureStatus({ resourceType: 'Procedure', status: 'in-progress' }).label).toBe(
      'In progress',
    );
  });

  it('a row names the procedure, when, why, where on the body and how it went', () => {
    const suture: Procedure = {
      resourceType: 'Procedure',
      id: 'proc-1',
      status: 'completed',
      code: { text: 'Suture of laceration' },
      performedPeriod: { start: '2024-03-02', end: '2024-03-02' },
      reasonCode: [{ text: 'Laceration of hand' }],
      reasonReference: [{ reference: 'Condition/c1', display: 'Hand wound' }],
      bodySite: [{ text: 'Left hand' }, { text: 'Palm' }],
      outcome: { text: 'Successful' },
    };
    const row = procedureRow(suture, ROW_CONTEXT);
    expect(row.title).toBe('Suture of laceration');
    expect(row.when).toContain('Performed ');
    expect(row.when).toContain('2024');
    expect(row.time).toBe(Date.parse('2024-03-02'));
    expect(detailsOf(row)).toEqual({
      Reason: 'Laceration of hand, Hand wound',
      'Body site': 'Left hand, Palm',
      Outcome: 'Successful',
    });
  });

  it('performed[x] reads in any of its forms, and a missing one says so', () => {
    const at = (performed: Partial<Procedure>) =>
      procedureRow({ resourceType: 'Procedure', ...performed }, ROW_CONTEXT).when;
    expect(at({ performedDateTime: '2019-05-01T10:00:00Z' })).toBe('Performed May 1, 2019');
    expect(at({ performedString: 'In childhood' })).toBe('Performed In childhood');
    expect(at({ performedAge: { value: 12, unit: 'years' } })).toBe('Performed 12 years');
    expect(at({})).toBe('Date not recorded');
    expect(procedureRow({ resourceType: 'Procedure' }, ROW_CONTEXT).title).toBe(
      'Unnamed procedure',
    );
  });
});

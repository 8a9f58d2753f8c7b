import { ROW_CONTEXT, detailsOf, resolvedSinusitis } from '../../../testing/chart-fixtures';
import { conditionRow } from './problems';

describe('Problems', () => {
  it('a resolved problem says when it began and ended, and is not active', () => {
    const row = conditionRow(resolvedSinusitis, ROW_CONTEXT);
    expect(row.status.group).toBe('inactive');
    expect(row.when).toMatch(/^Onset /);
    expect(detailsOf(row)['Resolved']).toBeTruthy();
  });

  it('a problem with nothing but a code still reads', () => {
    const row = conditionRow({ resourceType: 'Condition' }, ROW_CONTEXT);
    expect(row.title).toBe('Unnamed problem');
    expect(row.when).toBe('Onset not recorded');
    expect(row.status).toEqual({ label: 'Status unknown', group: 'unknown' });
  });
});

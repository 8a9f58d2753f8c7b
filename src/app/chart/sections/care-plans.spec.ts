import { ROW_CONTEXT, detailsOf } from '../../../testing/chart-fixtures';
import { carePlanRow, carePlanStatus } from './care-plans';

describe('Care plans', () => {
  it('statuses in words: revoked is inactive, active counts', () => {
    expect(carePlanStatus({ resourceType: 'CarePlan', status: 'revoked' })).toEqual({
      label: 'Revoked',
      group: 'inactive',
    });
    expect(carePlanStatus({ resourceType: 'CarePlan', status: 'active' }).group).toBe('active');
  });

  it('a plan names its title, period, what it addresses and its activities', () => {
    const row = carePlanRow(
      {
        resourceType: 'CarePlan',
        status: 'active',
        title: 'Hypertension plan',
        created: '2024-02-01',
        addresses: [{ display: 'Hypertension' }],
        activity: [
          { detail: { code: { text: 'Home BP monitoring' } } },
          { detail: { description: 'Low-salt diet' } },
        ],
      },
      ROW_CONTEXT,
    );
    expect(row.title).toBe('Hypertension plan');
    expect(row.when).toBe('Created Feb 1, 2024');
    expect(detailsOf(row)).toEqual({
      Addresses: 'Hypertension',
      Activities: 'Home BP monitoring, Low-salt diet',
    });
  });
});

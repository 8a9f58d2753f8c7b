import { Goal } from '../../fhir/fhir-types';
import { ROW_CONTEXT, detailsOf } from '../../../testing/chart-fixtures';
import { goalRow, goalStatus } from './goals';

describe('Goals', () => {
  it('Goal: lifecycle with its achievement', () => {
    expect(
      goalStatus({
        resourceType: 'Goal',
        lifecycleStatus: 'active',
        achievementStatus: { text: 'Improving' },
      }),
    ).toEqual({ label: 'Active, improving', group: 'active' });
    expect(goalStatus({ resourceType: 'Goal', lifecycleStatus: 'completed' })).toEqual({
      label: 'Completed',
      group: 'inactive',
    });
    expect(goalStatus({ resourceType: 'Goal' }).group).toBe('unknown');
  });

  it('a row names the goal, when it started, its targets and what it addresses', () => {
    const goal: Goal = {
      resourceType: 'Goal',
      id: 'goal-1',
      lifecycleStatus: 'active',
      achievementStatus: { text: 'Improving' },
      description: { text: 'Blood pressure below 140/90' },
      startDate: '2024-02-01',
      target: [
        {
          measure: { text: 'Systolic blood pressure' },
          detailQuantity: { value: 140, unit: 'mmHg' },
          dueDate: '2024-08-01',
        },
        { detailString: 'Walk daily' },
      ],
      addresses: [{ reference: 'Condition/htn', display: 'Hypertension' }],
    };
    const row = goalRow(goal, ROW_CONTEXT);
    expect(row.title).toBe('Blood pressure below 140/90');
    expect(row.status.label).toBe('Active, improving');
    expect(row.when).toBe('Started Feb 1, 2024');
    expect(detailsOf(row)).toEqual({
      Target: 'Systolic blood pressure: 140 mmHg by Aug 1, 2024; Walk daily',
      Achievement: 'Improving',
      Addresses: 'Hypertension',
    });
  });

  it('a goal with nothing recorded still reads as a goal', () => {
    const row = goalRow({ resourceType: 'Goal' }, ROW_CONTEXT);
    expect(row.title).toBe('Goal');
    expect(row.when).toBe('Start not recorded');
    expect(row.details).toEqual([]);
  });
});

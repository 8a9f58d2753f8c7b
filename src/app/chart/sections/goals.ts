import { lookUpStatus, qualified, statusTable } from '../../fhir/chart-status';
import { Goal } from '../../fhir/fhir-types';
import { formatAnnotations } from '../../fhir/format-clinical';
import {
  formatCodeableConcept,
  formatDay,
  formatQuantity,
  formatRange,
} from '../../fhir/format-datatypes';
import { formatReferences } from '../../fhir/format-reference';
import { ChartRow, chartRow, dated, details, timeOf, titled } from '../chart-row';
import { RowContext, defineSection } from './section';

const GOAL = statusTable([
  ['proposed', 'Proposed', 'active'],
  ['planned', 'Planned', 'active'],
  ['accepted', 'Accepted', 'active'],
  ['active', 'Active', 'active'],
  ['on-hold', 'On hold', 'active'],
  ['completed', 'Completed', 'inactive'],
  ['cancelled', 'Cancelled', 'inactive'],
  ['rejected', 'Rejected', 'inactive'],
]);

/** Its lifecycle, with how it is going: "Active, improving". */
export const goalStatus = (goal: Goal) =>
  qualified(lookUpStatus(GOAL, goal.lifecycleStatus), [
    formatCodeableConcept(goal.achievementStatus).toLowerCase(),
  ]);

export function goalRow(goal: Goal, context: RowContext): ChartRow {
  const ctx = { referrer: goal, resolved: context.resolved };
  const targets = (goal.target ?? [])
    .map((target) => {
      const measure = formatCodeableConcept(target.measure);
      const aim =
        formatQuantity(target.detailQuantity) ||
        formatRange(target.detailRange) ||
        target.detailString?.trim() ||
        '';
      const due = formatDay(target.dueDate);
      return [measure, aim].filter(Boolean).join(': ') + (due ? ` by ${due}` : '');
    })
    .filter(Boolean)
    .join('; ');
  return chartRow(goal, {
    title: titled(formatCodeableConcept(goal.description), 'Goal'),
    status: goalStatus(goal),
    when: dated('Started', formatDay(goal.startDate), 'Start not recorded'),
    time: timeOf(goal.startDate),
    details: details(
      ['Target', targets],
      ['Achievement', formatCodeableConcept(goal.achievementStatus)],
      ['Addresses', formatReferences(goal.addresses, ctx)],
      ['Notes', formatAnnotations(goal.note)],
    ),
  });
}

export const goalsSection = defineSection({
  type: 'Goal',
  heading: 'Goals',
  what: 'goals',
  empty: 'No goals recorded.',
  filterable: true,
  query: { _count: 20 },
  toRow: goalRow,
});

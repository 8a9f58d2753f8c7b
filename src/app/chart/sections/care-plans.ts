import { lookUpStatus, statusTable } from '../../fhir/chart-status';
import { CarePlan } from '../../fhir/fhir-types';
import { formatAnnotations } from '../../fhir/format-clinical';
import {
  formatCodeableConcept,
  formatCodeableConcepts,
  formatDay,
  formatPeriod,
} from '../../fhir/format-datatypes';
import { formatReferences } from '../../fhir/format-reference';
import { ChartRow, chartRow, dated, details, timeOf, titled } from '../chart-row';
import { RowContext, defineSection } from './section';

const CARE_PLAN = statusTable([
  ['active', 'Active', 'active'],
  ['on-hold', 'On hold', 'active'],
  ['draft', 'Draft', 'inactive'],
  ['revoked', 'Revoked', 'inactive'],
  ['completed', 'Completed', 'inactive'],
]);

export const carePlanStatus = (plan: CarePlan) => lookUpStatus(CARE_PLAN, plan.status);

export function carePlanRow(plan: CarePlan, context: RowContext): ChartRow {
  const ctx = { referrer: plan, resolved: context.resolved };
  return chartRow(plan, {
    title: titled(plan.title?.trim() || formatCodeableConcepts(plan.category), 'Care plan'),
    status: carePlanStatus(plan),
    when: formatPeriod(plan.period) || dated('Created', formatDay(plan.created)),
    time: timeOf(plan.period?.start, plan.created),
    details: details(
      ['Description', plan.description?.trim()],
      ['Addresses', formatReferences(plan.addresses, ctx)],
      [
        'Activities',
        (plan.activity ?? [])
          .map((a) => formatCodeableConcept(a.detail?.code) || a.detail?.description?.trim() || '')
          .filter(Boolean)
          .join(', '),
      ],
      ['Notes', formatAnnotations(plan.note)],
    ),
  });
}

export const carePlansSection = defineSection({
  type: 'CarePlan',
  heading: 'Care plans',
  what: 'care plans',
  empty: 'No care plans recorded.',
  filterable: true,
  query: { _count: 20 },
  toRow: carePlanRow,
});

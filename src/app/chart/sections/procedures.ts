import { lookUpStatus, statusTable, withReason } from '../../fhir/chart-status';
import { Procedure } from '../../fhir/fhir-types';
import { formatAnnotations } from '../../fhir/format-clinical';
import {
  formatCodeableConcept,
  formatCodeableConcepts,
  formatDay,
  formatPeriod,
  formatQuantity,
  formatRange,
} from '../../fhir/format-datatypes';
import { formatReasons } from '../../fhir/format-reference';
import { ChartRow, chartRow, dated, details, timeOf, titled } from '../chart-row';
import { RowContext, defineSection } from './section';

const PROCEDURE = statusTable([
  ['preparation', 'In preparation', 'active'],
  ['in-progress', 'In progress', 'active'],
  ['on-hold', 'On hold', 'active'],
  ['completed', 'Completed', 'active'],
  ['not-done', 'Not done', 'inactive'],
  ['stopped', 'Stopped', 'inactive'],
]);

/** Done counts as standing; not done and stopped say why. */
export function procedureStatus(procedure: Procedure) {
  const base = lookUpStatus(PROCEDURE, procedure.status);
  return base.group === 'inactive' ? withReason(base, procedure.statusReason) : base;
}

function performed(procedure: Procedure): string {
  return (
    formatDay(procedure.performedDateTime) ||
    formatPeriod(procedure.performedPeriod) ||
    procedure.performedString?.trim() ||
    formatRange(procedure.performedRange) ||
    formatQuantity(procedure.performedAge)
  );
}

export function procedureRow(procedure: Procedure, context: RowContext): ChartRow {
  const ctx = { referrer: procedure, resolved: context.resolved };
  return chartRow(procedure, {
    title: titled(formatCodeableConcept(procedure.code), 'Unnamed procedure'),
    status: procedureStatus(procedure),
    when: dated('Performed', performed(procedure)),
    time: timeOf(procedure.performedDateTime, procedure.performedPeriod?.start),
    details: details(
      ['Reason', formatReasons(procedure.reasonCode, procedure.reasonReference, ctx)],
      ['Body site', formatCodeableConcepts(procedure.bodySite)],
      ['Outcome', formatCodeableConcept(procedure.outcome)],
      ['Status reason', formatCodeableConcept(procedure.statusReason)],
      ['Notes', formatAnnotations(procedure.note)],
    ),
  });
}

export const proceduresSection = defineSection({
  type: 'Procedure',
  heading: 'Procedures',
  what: 'procedures',
  empty: 'No procedures recorded.',
  filterable: false,
  query: { _sort: '-date', _count: 50 },
  toRow: procedureRow,
  inEncounter: {
    heading: 'Procedures',
    what: 'procedures',
    empty: 'No procedures recorded in this encounter.',
    query: { _count: 50 },
  },
});

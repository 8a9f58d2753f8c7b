import { clinicalStatus } from '../../fhir/chart-status';
import { Condition } from '../../fhir/fhir-types';
import { formatAbatement, formatAnnotations, formatOnset } from '../../fhir/format-clinical';
import {
  formatCodeableConcept,
  formatCodeableConcepts,
  formatDay,
} from '../../fhir/format-datatypes';
import { formatReference } from '../../fhir/format-reference';
import { ChartRow, chartRow, details, timeOf, titled } from '../chart-row';
import { RowContext, defineSection } from './section';

/** A problem's status: its clinical status, overruled by a verification that voids it. */
export const conditionStatus = clinicalStatus;

export function conditionRow(condition: Condition, context: RowContext): ChartRow {
  const onset = formatOnset(condition);
  const ctx = { referrer: condition, resolved: context.resolved };
  return chartRow(condition, {
    title: titled(formatCodeableConcept(condition.code), 'Unnamed problem'),
    status: conditionStatus(condition),
    when: onset ? `Onset ${onset}` : 'Onset not recorded',
    time: timeOf(condition.onsetDateTime, condition.onsetPeriod?.start, condition.recordedDate),
    details: details(
      ['Resolved', formatAbatement(condition)],
      ['Severity', formatCodeableConcept(condition.severity)],
      ['Category', formatCodeableConcepts(condition.category)],
      ['Body site', formatCodeableConcepts(condition.bodySite)],
      ['Recorded', formatDay(condition.recordedDate)],
      ['Recorded by', formatReference(condition.recorder, ctx)],
      ['Notes', formatAnnotations(condition.note)],
    ),
  });
}

export const problemsSection = defineSection({
  type: 'Condition',
  heading: 'Problems',
  what: 'problems',
  empty: 'No problems recorded.',
  filterable: true,
  query: { _sort: '-onset-date', _count: 100 },
  toRow: conditionRow,
  inEncounter: {
    heading: 'Problems',
    what: 'problems',
    empty: 'No problems recorded in this encounter.',
    query: { _count: 100 },
  },
});

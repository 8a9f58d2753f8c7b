import { lookUpStatus, statusTable } from '../../fhir/chart-status';
import { FamilyMemberHistory } from '../../fhir/fhir-types';
import {
  formatAge,
  formatAgeRange,
  formatAnnotations,
  formatOnset,
} from '../../fhir/format-clinical';
import { formatCodeableConcept, formatDay } from '../../fhir/format-datatypes';
import { ChartRow, chartRow, dated, details, timeOf, titled } from '../chart-row';
import { defineSection } from './section';

const FAMILY_MEMBER_HISTORY = statusTable([
  ['partial', 'Partial', 'active'],
  ['completed', 'Completed', 'active'],
  ['health-unknown', 'Health unknown', 'active'],
]);

/** How complete the relative's history is, in words: partial, completed, or their health unknown. */
export const familyHistoryStatus = (history: FamilyMemberHistory) =>
  lookUpStatus(FAMILY_MEMBER_HISTORY, history.status);

/** Each condition with its onset: "Type 2 diabetes, onset at age 52; Hypertension". */
function conditions(history: FamilyMemberHistory): string {
  return (history.condition ?? [])
    .map((condition) => {
      const onset = formatOnset(condition);
      return [
        formatCodeableConcept(condition.code) || 'Unnamed condition',
        onset && `onset ${onset}`,
        condition.contributedToDeath && 'contributed to death',
      ]
        .filter(Boolean)
        .join(', ');
    })
    .join('; ');
}

/** When the relative died ("at age 70", a date, the sender's words), "Yes" if only that; '' if not. */
function deceased(history: FamilyMemberHistory): string {
  return (
    formatAge(history.deceasedAge) ||
    formatAgeRange(history.deceasedRange) ||
    formatDay(history.deceasedDate) ||
    history.deceasedString?.trim() ||
    (history.deceasedBoolean ? 'Yes' : '')
  );
}

/** A relative's history: who they are to the patient, their conditions and when each began. */
export function familyHistoryRow(history: FamilyMemberHistory): ChartRow {
  return chartRow(history, {
    title: titled(
      formatCodeableConcept(history.relationship) || history.name?.trim() || '',
      'Unnamed relative',
    ),
    status: familyHistoryStatus(history),
    when: dated('Recorded', formatDay(history.date)),
    time: timeOf(history.date),
    details: details(
      ['Conditions', conditions(history) || 'No conditions recorded'],
      ['Sex', formatCodeableConcept(history.sex)],
      ['Deceased', deceased(history)],
      ['Notes', formatAnnotations(history.note)],
    ),
  });
}

export const familyHistorySection = defineSection({
  type: 'FamilyMemberHistory',
  heading: 'Family history',
  what: 'family history',
  empty: 'No family history recorded.',
  filterable: false,
  query: { _count: 50 },
  toRow: familyHistoryRow,
});

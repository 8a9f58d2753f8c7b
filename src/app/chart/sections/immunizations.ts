import { lookUpStatus, statusTable, withReason } from '../../fhir/chart-status';
import { Immunization } from '../../fhir/fhir-types';
import { formatAnnotations } from '../../fhir/format-clinical';
import { formatCodeableConcept, formatDay, formatQuantity } from '../../fhir/format-datatypes';
import { formatReference } from '../../fhir/format-reference';
import { ChartRow, chartRow, dated, details, timeOf, titled } from '../chart-row';
import { RowContext, defineSection } from './section';

const IMMUNIZATION = statusTable([
  ['completed', 'Completed', 'active'],
  ['not-done', 'Not done', 'inactive'],
]);

/** Given or not; a vaccine not given says why. */
export function immunizationStatus(immunization: Immunization) {
  const base = lookUpStatus(IMMUNIZATION, immunization.status);
  return immunization.status === 'not-done' ? withReason(base, immunization.statusReason) : base;
}

export function immunizationRow(immunization: Immunization, context: RowContext): ChartRow {
  const day = formatDay(immunization.occurrenceDateTime) || immunization.occurrenceString?.trim();
  const ctx = { referrer: immunization, resolved: context.resolved };
  return chartRow(immunization, {
    title: titled(formatCodeableConcept(immunization.vaccineCode), 'Unnamed vaccine'),
    status: immunizationStatus(immunization),
    when: dated(immunization.status === 'not-done' ? 'Due' : 'Given', day ?? ''),
    time: timeOf(immunization.occurrenceDateTime),
    details: details(
      ['Dose', formatQuantity(immunization.doseQuantity)],
      ['Route', formatCodeableConcept(immunization.route)],
      ['Site', formatCodeableConcept(immunization.site)],
      ['Lot', immunization.lotNumber],
      ['Reported', immunization.primarySource === false ? 'Reported by another source' : ''],
      ['Encounter', formatReference(immunization.encounter, ctx)],
      ['Notes', formatAnnotations(immunization.note)],
    ),
  });
}

export const immunizationsSection = defineSection({
  type: 'Immunization',
  heading: 'Immunizations',
  what: 'immunizations',
  empty: 'No immunizations recorded.',
  filterable: false,
  query: { _sort: '-date', _count: 50 },
  toRow: immunizationRow,
});

import { lookUpStatus, statusTable, withReason } from '../../fhir/chart-status';
import { MedicationRequest, MedicationStatement } from '../../fhir/fhir-types';
import { formatAnnotations } from '../../fhir/format-clinical';
import { formatCodeableConcept, formatDay } from '../../fhir/format-datatypes';
import { formatDosages } from '../../fhir/format-dosage';
import { formatReference, formatReasons } from '../../fhir/format-reference';
import { ChartRow, chartRow, dated, details, timeOf, titled } from '../chart-row';
import { RowContext, defineSection } from './section';

const MEDICATION_REQUEST = statusTable([
  ['active', 'Active', 'active'],
  ['on-hold', 'On hold', 'active'],
  ['stopped', 'Stopped', 'inactive'],
  ['completed', 'Completed', 'inactive'],
  ['cancelled', 'Cancelled', 'inactive'],
  ['draft', 'Draft', 'inactive'],
]);

/** Every R4 status in words, with the reason a prescription was stopped. */
export const medicationRequestStatus = (request: MedicationRequest) =>
  withReason(lookUpStatus(MEDICATION_REQUEST, request.status), request.statusReason);

const MEDICATION_STATEMENT = statusTable([
  ['active', 'Active', 'active'],
  ['intended', 'Intended', 'active'],
  ['on-hold', 'On hold', 'active'],
  ['completed', 'Completed', 'inactive'],
  ['stopped', 'Stopped', 'inactive'],
  ['not-taken', 'Not taken', 'inactive'],
]);

export const medicationStatementStatus = (statement: MedicationStatement) =>
  lookUpStatus(MEDICATION_STATEMENT, statement.status);

/** The medication's name: its code, or the Medication it references (contained or included). */
export function medicationName(request: MedicationRequest, context: RowContext): string {
  return (
    formatCodeableConcept(request.medicationCodeableConcept) ||
    formatReference(request.medicationReference, { referrer: request, resolved: context.resolved })
  );
}

export function medicationRow(request: MedicationRequest, context: RowContext): ChartRow {
  const ctx = { referrer: request, resolved: context.resolved };
  return chartRow(request, {
    title: titled(medicationName(request, context), 'Unnamed medication'),
    status: medicationRequestStatus(request),
    when: dated('Prescribed', formatDay(request.authoredOn)),
    time: timeOf(request.authoredOn),
    details: details(
      ['Dosage', formatDosages(request.dosageInstruction) || 'No dosage instructions recorded'],
      ['Reason', formatReasons(request.reasonCode, request.reasonReference, ctx)],
      ['Status reason', formatCodeableConcept(request.statusReason)],
      ['Prescriber', formatReference(request.requester, ctx)],
      ['Notes', formatAnnotations(request.note)],
    ),
  });
}

export const medicationsSection = defineSection({
  type: 'MedicationRequest',
  heading: 'Medications',
  what: 'medications',
  empty: 'No medications recorded.',
  filterable: true,
  query: { _sort: '-authoredon', _count: 50, _include: 'MedicationRequest:medication' },
  toRow: medicationRow,
  inEncounter: {
    heading: 'Prescriptions',
    what: 'prescriptions',
    empty: 'No prescriptions written in this encounter.',
    query: { _count: 50, _include: 'MedicationRequest:medication' },
  },
});

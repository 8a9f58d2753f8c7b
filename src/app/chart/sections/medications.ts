import { lookUpStatus, statusTable, withReason } from '../../fhir/chart-status';
import { MedicationRequest, MedicationStatement } from '../../fhir/fhir-types';
import { formatAnnotations } from '../../fhir/format-clinical';
import { formatCodeableConcept, formatDay, formatPeriod } from '../../fhir/format-datatypes';
import { formatDosages } from '../../fhir/format-dosage';
import { formatReference, formatReasons } from '../../fhir/format-reference';
import { ChartRow, chartRow, dated, details, timeOf, titled } from '../chart-row';
import { RowContext, defineList, defineSection } from './section';

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
export function medicationName(
  use: MedicationRequest | MedicationStatement,
  context: RowContext,
): string {
  return (
    formatCodeableConcept(use.medicationCodeableConcept) ||
    formatReference(use.medicationReference, { referrer: use, resolved: context.resolved })
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

/** Who says the patient takes it: the patient, unless the statement names someone else. */
function reportedBy(statement: MedicationStatement, context: RowContext): string {
  const source = statement.informationSource;
  if (!source || source.reference?.startsWith('Patient/') || source.type === 'Patient')
    return 'Reported by the patient';
  const who = formatReference(source, { referrer: statement, resolved: context.resolved });
  return who ? `Reported by ${who}` : 'Reported by someone other than the patient';
}

/** A medication the patient is said to take (MedicationStatement): not a prescription. */
export function statementRow(statement: MedicationStatement, context: RowContext): ChartRow {
  const ctx = { referrer: statement, resolved: context.resolved };
  const taken = formatDay(statement.effectiveDateTime) || formatPeriod(statement.effectivePeriod);
  return chartRow(statement, {
    title: titled(medicationName(statement, context), 'Unnamed medication'),
    status: medicationStatementStatus(statement),
    when: taken ? `Taken ${taken}` : dated('Reported', formatDay(statement.dateAsserted)),
    time: timeOf(
      statement.effectiveDateTime,
      statement.effectivePeriod?.start,
      statement.dateAsserted,
    ),
    details: details(
      ['Reported', reportedBy(statement, context)],
      ['Dosage', formatDosages(statement.dosage)],
      ['Reason', formatReasons(statement.reasonCode, statement.reasonReference, ctx)],
      ['Notes', formatAnnotations(statement.note)],
    ),
  });
}

/** What the patient says they take, beside what was prescribed. */
const reportedMedications = defineList({
  type: 'MedicationStatement',
  heading: 'Reported as taken',
  what: 'reported medications',
  empty: 'No reported medications recorded.',
  filterable: true,
  query: { _sort: '-effective', _count: 50, _include: 'MedicationStatement:medication' },
  toRow: statementRow,
});

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
  also: [reportedMedications],
});

import { lookUpStatus, statusTable } from '../../fhir/chart-status';
import { DiagnosticReport, Observation } from '../../fhir/fhir-types';
import { viewAttachment } from '../../fhir/format-attachment';
import {
  formatCodeableConcept,
  formatCodeableConcepts,
  formatDay,
  formatPeriod,
} from '../../fhir/format-datatypes';
import { exactObservationValue } from '../../fhir/format-observation';
import { formatReference, formatReferences, resolveReference } from '../../fhir/format-reference';
import { toObservationRow } from '../../observations/observation-row';
import { ChartRow, RowResult, chartRow, dated, details, timeOf, titled } from '../chart-row';
import { RowContext, defineSection } from './section';

const DIAGNOSTIC_REPORT = statusTable([
  ['registered', 'Registered', 'active'],
  ['partial', 'Partial', 'active'],
  ['preliminary', 'Preliminary', 'active'],
  ['final', 'Final', 'active'],
  ['amended', 'Amended', 'active'],
  ['corrected', 'Corrected', 'active'],
  ['appended', 'Appended', 'active'],
  ['cancelled', 'Cancelled', 'inactive'],
]);

export const reportStatus = (report: DiagnosticReport) =>
  lookUpStatus(DIAGNOSTIC_REPORT, report.status);

/** A report's results, from the Observations `_include` brought; a result it did not bring is named. */
function reportResults(report: DiagnosticReport, context: RowContext): RowResult[] {
  return (report.result ?? []).map((reference): RowResult => {
    const found = resolveReference(reference, { referrer: report, resolved: context.resolved });
    if (found?.resourceType !== 'Observation') {
      return {
        name: formatReference(reference, {}) || 'A result',
        value: 'Not included by the server',
        exact: '',
        flags: [],
      };
    }
    const observation = found as Observation;
    const shown = toObservationRow(observation);
    const exact = exactObservationValue(observation);
    return {
      name: shown.code,
      value: shown.value,
      exact: exact !== shown.value ? exact : '',
      flags: shown.flags,
    };
  });
}

export function reportRow(report: DiagnosticReport, context: RowContext): ChartRow {
  const ctx = { referrer: report, resolved: context.resolved };
  return chartRow(report, {
    title: titled(formatCodeableConcept(report.code), 'Unnamed report'),
    status: reportStatus(report),
    when: dated(
      'Collected',
      formatDay(report.effectiveDateTime) || formatPeriod(report.effectivePeriod),
      dated('Issued', formatDay(report.issued)),
    ),
    time: timeOf(report.effectiveDateTime, report.effectivePeriod?.start, report.issued),
    results: reportResults(report, context),
    details: details(
      [
        'Conclusion',
        [report.conclusion?.trim(), formatCodeableConcepts(report.conclusionCode)]
          .filter(Boolean)
          .join(' · '),
      ],
      ['Performer', formatReferences(report.performer, ctx)],
    ),
    attachments: (report.presentedForm ?? []).map((source) => ({
      source,
      view: viewAttachment(source, { fhirBase: context.fhirBase }),
    })),
  });
}

export const resultsSection = defineSection({
  type: 'DiagnosticReport',
  heading: 'Recent results',
  what: 'reports',
  empty: 'No reports recorded.',
  filterable: false,
  query: { _sort: '-date', _count: 20, _include: 'DiagnosticReport:result' },
  toRow: reportRow,
});

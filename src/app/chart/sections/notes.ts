import { lookUpStatus, statusTable } from '../../fhir/chart-status';
import { DocumentReference } from '../../fhir/fhir-types';
import { viewAttachment } from '../../fhir/format-attachment';
import {
  formatCodeableConcept,
  formatCodeableConcepts,
  formatDay,
} from '../../fhir/format-datatypes';
import { formatReferences } from '../../fhir/format-reference';
import { ChartRow, chartRow, dated, details, timeOf, titled } from '../chart-row';
import { RowContext, defineSection } from './section';

const DOCUMENT_REFERENCE = statusTable([
  ['current', 'Current', 'active'],
  ['superseded', 'Superseded', 'inactive'],
]);

export const noteStatus = (document: DocumentReference) =>
  lookUpStatus(DOCUMENT_REFERENCE, document.status);

export function noteRow(document: DocumentReference, context: RowContext): ChartRow {
  const ctx = { referrer: document, resolved: context.resolved };
  return chartRow(document, {
    title: titled(
      formatCodeableConcept(document.type) || document.description?.trim() || '',
      'Untitled note',
    ),
    status: noteStatus(document),
    when: dated('Written', formatDay(document.date)),
    time: timeOf(document.date),
    details: details(
      ['Author', formatReferences(document.author, ctx)],
      ['Category', formatCodeableConcepts(document.category)],
      ['Description', document.type ? document.description?.trim() : ''],
    ),
    attachments: (document.content ?? []).flatMap(({ attachment }) =>
      attachment
        ? [{ source: attachment, view: viewAttachment(attachment, { fhirBase: context.fhirBase }) }]
        : [],
    ),
  });
}

export const notesSection = defineSection({
  type: 'DocumentReference',
  heading: 'Notes',
  what: 'notes',
  empty: 'No notes recorded.',
  filterable: false,
  query: { _sort: '-date', _count: 20 },
  toRow: noteRow,
});

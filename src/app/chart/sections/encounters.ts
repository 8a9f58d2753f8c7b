import { lookUpStatus, statusTable } from '../../fhir/chart-status';
import { Encounter } from '../../fhir/fhir-types';
import {
  formatCodeableConcept,
  formatCodeableConcepts,
  formatPeriod,
} from '../../fhir/format-datatypes';
import { DATE_NOT_RECORDED } from '../../fhir/format-observation';
import { formatReasons, formatReference, formatReferences } from '../../fhir/format-reference';
import { ENCOUNTER_CLASSES } from '../../fhir/terminology';
import { ChartRow, chartRow, details, timeOf, titled } from '../chart-row';
import { RowContext, defineSection } from './section';

const ENCOUNTER = statusTable([
  ['planned', 'Planned', 'active'],
  ['arrived', 'Arrived', 'active'],
  ['triaged', 'Triaged', 'active'],
  ['in-progress', 'In progress', 'active'],
  ['onleave', 'On leave', 'active'],
  ['finished', 'Finished', 'active'],
  ['cancelled', 'Cancelled', 'inactive'],
]);

export const encounterStatus = (encounter: Encounter) => lookUpStatus(ENCOUNTER, encounter.status);

/** An encounter's kind: its type's words, else its class ("Ambulatory"), else what it is. */
export function encounterTitle(encounter: Encounter): string {
  return titled(
    formatCodeableConcepts(encounter.type) ||
      encounter.class?.display?.trim() ||
      encounter.class?.code ||
      '',
    'Encounter',
  );
}

export function encounterRow(encounter: Encounter, context: RowContext): ChartRow {
  const ctx = { referrer: encounter, resolved: context.resolved };
  const code = encounter.class?.code ?? '';
  const encounterClass = encounter.class?.display?.trim() || ENCOUNTER_CLASSES.get(code) || code;
  return chartRow(encounter, {
    title: encounterTitle(encounter),
    status: encounterStatus(encounter),
    when: formatPeriod(encounter.period) || DATE_NOT_RECORDED,
    time: timeOf(encounter.period?.start, encounter.period?.end),
    details: details(
      ['Class', encounterClass],
      [
        'Location',
        formatReferences(
          (encounter.location ?? []).flatMap((l) => (l.location ? [l.location] : [])),
          ctx,
        ) || formatReference(encounter.serviceProvider, ctx),
      ],
      ['Reason', formatReasons(encounter.reasonCode, encounter.reasonReference, ctx)],
      [
        'Seen by',
        formatReferences(
          (encounter.participant ?? []).flatMap((p) => (p.individual ? [p.individual] : [])),
          ctx,
        ),
      ],
      ['Discharge', formatCodeableConcept(encounter.hospitalization?.dischargeDisposition)],
    ),
  });
}

export const encountersSection = defineSection({
  type: 'Encounter',
  heading: 'Recent encounters',
  what: 'encounters',
  empty: 'No encounters recorded.',
  filterable: false,
  query: { _sort: '-date', _count: 20 },
  toRow: encounterRow,
});

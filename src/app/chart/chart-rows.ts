import { statusOf } from '../fhir/chart-status';
import {
  AllergyIntolerance,
  Annotation,
  CarePlan,
  CodeableConcept,
  Condition,
  DiagnosticReport,
  DocumentReference,
  Encounter,
  Goal,
  Immunization,
  MedicationRequest,
  Observation,
  Procedure,
  Reference,
  Resource,
} from '../fhir/fhir-types';
import { formatAbatement, formatAnnotation, formatOnset } from '../fhir/format-clinical';
import {
  formatCodeableConcept,
  formatDateTime,
  formatPeriod,
  formatQuantity,
  formatRange,
} from '../fhir/format-datatypes';
import { formatDosages } from '../fhir/format-dosage';
import { DATE_NOT_RECORDED, exactObservationValue } from '../fhir/format-observation';
import { viewAttachment } from '../fhir/format-attachment';
import { InterpretationFlag } from '../fhir/interpretation';
import {
  ReferenceContext,
  ResolvedResources,
  formatReference,
  resolveReference,
} from '../fhir/format-reference';
import { toObservationRow } from '../observations/observation-row';
import { SectionPage } from './chart-queries';
import { ChartRow, RowDetail, RowResult } from './chart-row';

/** What a row builder may look things up in: the configured FHIR base, and what `_include` brought. */
export interface RowContext {
  readonly resolved: ResolvedResources;
  readonly fhirBase: string;
}

/** A loaded page as rows: each resource read with what the page's `_include` brought along. */
export function pageRows<T extends Resource>(
  page: SectionPage<T>,
  toRow: (resource: T, context: RowContext) => ChartRow,
  fhirBase: string,
): ChartRow[] {
  const context = { resolved: page.resolved, fhirBase };
  return page.resources.map((resource) => toRow(resource, context));
}

/** A day as clinicians write it in a chart ("12 Mar 2019"): the date part as recorded, no time. */
export function formatDay(value: string | undefined): string {
  return formatDateTime(value?.slice(0, 10));
}

const timeOf = (...values: (string | undefined)[]): number => {
  const value = values.find((v) => v !== undefined && v !== '');
  return value === undefined ? NaN : Date.parse(value);
};

/** "Onset 12 Mar 2019", or the fallback when the date is not recorded. */
const dated = (what: string, day: string, missing = DATE_NOT_RECORDED): string =>
  day ? `${what} ${day}` : missing;

/** Details with an empty value are left out, so a row never shows a term with nothing after it. */
function details(...pairs: [term: string, value: string | undefined][]): RowDetail[] {
  return pairs.flatMap(([term, value]) => (value ? [{ term, value }] : []));
}

const concepts = (list: readonly CodeableConcept[] | undefined): string =>
  (list ?? []).map(formatCodeableConcept).filter(Boolean).join(', ');

const references = (list: readonly Reference[] | undefined, context: ReferenceContext): string =>
  (list ?? [])
    .map((r) => formatReference(r, context))
    .filter(Boolean)
    .join(', ');

const notes = (list: readonly Annotation[] | undefined): string =>
  (list ?? [])
    .map((note) => formatAnnotation(note))
    .filter(Boolean)
    .join(' · ');

/** A title that never reads as blank: the code's words, or what kind of entry it is. */
const titled = (text: string, fallback: string): string => text || fallback;

const row = (
  resource: Resource,
  fields: Omit<ChartRow, 'id' | 'flags' | 'results' | 'attachments'> &
    Partial<Pick<ChartRow, 'flags' | 'results' | 'attachments'>>,
): ChartRow => ({
  id: resource.id ?? fields.title,
  flags: [],
  results: [],
  attachments: [],
  ...fields,
});

export function conditionRow(condition: Condition, context: RowContext): ChartRow {
  const onset = formatOnset(condition);
  const ctx = { referrer: condition, resolved: context.resolved };
  return row(condition, {
    title: titled(formatCodeableConcept(condition.code), 'Unnamed problem'),
    status: statusOf(condition),
    when: onset ? `Onset ${onset}` : 'Onset not recorded',
    time: timeOf(condition.onsetDateTime, condition.onsetPeriod?.start, condition.recordedDate),
    details: details(
      ['Resolved', formatAbatement(condition)],
      ['Severity', formatCodeableConcept(condition.severity)],
      ['Category', concepts(condition.category)],
      ['Body site', concepts(condition.bodySite)],
      ['Recorded', formatDay(condition.recordedDate)],
      ['Recorded by', formatReference(condition.recorder, ctx)],
      ['Notes', notes(condition.note)],
    ),
  });
}

const HIGH_CRITICALITY: InterpretationFlag = {
  code: 'criticality-high',
  label: 'High criticality',
  severity: 'critical',
};
const SEVERE_REACTION: InterpretationFlag = {
  code: 'reaction-severe',
  label: 'Severe reaction',
  severity: 'critical',
};

export function allergyRow(allergy: AllergyIntolerance, context: RowContext): ChartRow {
  const onset = formatOnset(allergy);
  const reactions = (allergy.reaction ?? [])
    .map((reaction) => {
      const signs = concepts(reaction.manifestation) || reaction.description?.trim() || '';
      return signs && reaction.severity ? `${signs} (${reaction.severity})` : signs;
    })
    .filter(Boolean)
    .join('; ');
  const kind = [allergy.category?.join(', '), allergy.type].filter(Boolean).join(' ');
  return row(allergy, {
    title: titled(formatCodeableConcept(allergy.code), 'Unnamed allergy or intolerance'),
    status: statusOf(allergy),
    when: onset ? `Onset ${onset}` : dated('Recorded', formatDay(allergy.recordedDate)),
    time: timeOf(allergy.onsetDateTime, allergy.recordedDate),
    flags: [
      ...(allergy.criticality === 'high' ? [HIGH_CRITICALITY] : []),
      ...(allergy.reaction?.some((r) => r.severity === 'severe') ? [SEVERE_REACTION] : []),
    ],
    details: details(
      ['Reaction', reactions],
      ['Kind', kind],
      ['Criticality', allergy.criticality === 'unable-to-assess' ? 'Unable to assess' : ''],
      ['Last occurrence', formatDay(allergy.lastOccurrence)],
      [
        'Recorded by',
        formatReference(allergy.recorder ?? allergy.asserter, {
          referrer: allergy,
          resolved: context.resolved,
        }),
      ],
      ['Notes', notes(allergy.note)],
    ),
  });
}

/** The medication's name: its code, or the Medication it references (contained or included). */
export function medicationName(request: MedicationRequest, context: RowContext): string {
  return (
    formatCodeableConcept(request.medicationCodeableConcept) ||
    formatReference(request.medicationReference, { referrer: request, resolved: context.resolved })
  );
}

export function medicationRow(request: MedicationRequest, context: RowContext): ChartRow {
  const ctx = { referrer: request, resolved: context.resolved };
  return row(request, {
    title: titled(medicationName(request, context), 'Unnamed medication'),
    status: statusOf(request),
    when: dated('Prescribed', formatDay(request.authoredOn)),
    time: timeOf(request.authoredOn),
    details: details(
      ['Dosage', formatDosages(request.dosageInstruction) || 'No dosage instructions recorded'],
      [
        'Reason',
        [concepts(request.reasonCode), references(request.reasonReference, ctx)]
          .filter(Boolean)
          .join(', '),
      ],
      ['Status reason', formatCodeableConcept(request.statusReason)],
      ['Prescriber', formatReference(request.requester, ctx)],
      ['Notes', notes(request.note)],
    ),
  });
}

export function immunizationRow(immunization: Immunization, context: RowContext): ChartRow {
  const day = formatDay(immunization.occurrenceDateTime) || immunization.occurrenceString?.trim();
  const ctx = { referrer: immunization, resolved: context.resolved };
  return row(immunization, {
    title: titled(formatCodeableConcept(immunization.vaccineCode), 'Unnamed vaccine'),
    status: statusOf(immunization),
    when: dated(immunization.status === 'not-done' ? 'Due' : 'Given', day ?? ''),
    time: timeOf(immunization.occurrenceDateTime),
    details: details(
      ['Dose', formatQuantity(immunization.doseQuantity)],
      ['Route', formatCodeableConcept(immunization.route)],
      ['Site', formatCodeableConcept(immunization.site)],
      ['Lot', immunization.lotNumber],
      ['Reported', immunization.primarySource === false ? 'Reported by another source' : ''],
      ['Encounter', formatReference(immunization.encounter, ctx)],
      ['Notes', notes(immunization.note)],
    ),
  });
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
  return row(procedure, {
    title: titled(formatCodeableConcept(procedure.code), 'Unnamed procedure'),
    status: statusOf(procedure),
    when: dated('Performed', performed(procedure)),
    time: timeOf(procedure.performedDateTime, procedure.performedPeriod?.start),
    details: details(
      [
        'Reason',
        [concepts(procedure.reasonCode), references(procedure.reasonReference, ctx)]
          .filter(Boolean)
          .join(', '),
      ],
      ['Body site', concepts(procedure.bodySite)],
      ['Outcome', formatCodeableConcept(procedure.outcome)],
      ['Status reason', formatCodeableConcept(procedure.statusReason)],
      ['Notes', notes(procedure.note)],
    ),
  });
}

/** An encounter's kind: its type's words, else its class ("Ambulatory"), else what it is. */
export function encounterTitle(encounter: Encounter): string {
  return titled(
    concepts(encounter.type) || encounter.class?.display?.trim() || encounter.class?.code || '',
    'Encounter',
  );
}

const ENCOUNTER_CLASSES: ReadonlyMap<string, string> = new Map([
  ['AMB', 'Ambulatory'],
  ['EMER', 'Emergency'],
  ['IMP', 'Inpatient'],
  ['ACUTE', 'Inpatient acute'],
  ['NONAC', 'Inpatient non-acute'],
  ['OBSENC', 'Observation encounter'],
  ['PRENC', 'Pre-admission'],
  ['SS', 'Short stay'],
  ['VR', 'Virtual'],
  ['HH', 'Home health'],
  ['FLD', 'Field'],
]);

export function encounterRow(encounter: Encounter, context: RowContext): ChartRow {
  const ctx = { referrer: encounter, resolved: context.resolved };
  const code = encounter.class?.code ?? '';
  const encounterClass = encounter.class?.display?.trim() || ENCOUNTER_CLASSES.get(code) || code;
  return row(encounter, {
    title: encounterTitle(encounter),
    status: statusOf(encounter),
    when: formatPeriod(encounter.period) || DATE_NOT_RECORDED,
    time: timeOf(encounter.period?.start, encounter.period?.end),
    details: details(
      ['Class', encounterClass],
      [
        'Location',
        (encounter.location ?? [])
          .map((l) => formatReference(l.location, ctx))
          .filter(Boolean)
          .join(', ') || formatReference(encounter.serviceProvider, ctx),
      ],
      [
        'Reason',
        [concepts(encounter.reasonCode), references(encounter.reasonReference, ctx)]
          .filter(Boolean)
          .join(', '),
      ],
      [
        'Seen by',
        (encounter.participant ?? [])
          .map((p) => formatReference(p.individual, ctx))
          .filter(Boolean)
          .join(', '),
      ],
      ['Discharge', formatCodeableConcept(encounter.hospitalization?.dischargeDisposition)],
    ),
  });
}

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
  return row(report, {
    title: titled(formatCodeableConcept(report.code), 'Unnamed report'),
    status: statusOf(report),
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
        [report.conclusion?.trim(), concepts(report.conclusionCode)].filter(Boolean).join(' · '),
      ],
      ['Performer', references(report.performer, ctx)],
    ),
    attachments: (report.presentedForm ?? []).map((source) => ({
      source,
      view: viewAttachment(source, { fhirBase: context.fhirBase }),
    })),
  });
}

export function noteRow(document: DocumentReference, context: RowContext): ChartRow {
  const ctx = { referrer: document, resolved: context.resolved };
  return row(document, {
    title: titled(
      formatCodeableConcept(document.type) || document.description?.trim() || '',
      'Untitled note',
    ),
    status: statusOf(document),
    when: dated('Written', formatDay(document.date)),
    time: timeOf(document.date),
    details: details(
      ['Author', references(document.author, ctx)],
      ['Category', concepts(document.category)],
      ['Description', document.type ? document.description?.trim() : ''],
    ),
    attachments: (document.content ?? []).flatMap(({ attachment }) =>
      attachment
        ? [{ source: attachment, view: viewAttachment(attachment, { fhirBase: context.fhirBase }) }]
        : [],
    ),
  });
}

export function carePlanRow(plan: CarePlan, context: RowContext): ChartRow {
  const ctx = { referrer: plan, resolved: context.resolved };
  return row(plan, {
    title: titled(plan.title?.trim() || concepts(plan.category), 'Care plan'),
    status: statusOf(plan),
    when: formatPeriod(plan.period) || dated('Created', formatDay(plan.created)),
    time: timeOf(plan.period?.start, plan.created),
    details: details(
      ['Description', plan.description?.trim()],
      ['Addresses', references(plan.addresses, ctx)],
      [
        'Activities',
        (plan.activity ?? [])
          .map((a) => formatCodeableConcept(a.detail?.code) || a.detail?.description?.trim() || '')
          .filter(Boolean)
          .join(', '),
      ],
      ['Notes', notes(plan.note)],
    ),
  });
}

export function goalRow(goal: Goal, context: RowContext): ChartRow {
  const ctx = { referrer: goal, resolved: context.resolved };
  const targets = (goal.target ?? [])
    .map((target) => {
      const measure = formatCodeableConcept(target.measure);
      const aim =
        formatQuantity(target.detailQuantity) ||
        formatRange(target.detailRange) ||
        target.detailString?.trim() ||
        '';
      const due = formatDay(target.dueDate);
      return [measure, aim].filter(Boolean).join(': ') + (due ? ` by ${due}` : '');
    })
    .filter(Boolean)
    .join('; ');
  return row(goal, {
    title: titled(formatCodeableConcept(goal.description), 'Goal'),
    status: statusOf(goal),
    when: dated('Started', formatDay(goal.startDate), 'Start not recorded'),
    time: timeOf(goal.startDate),
    details: details(
      ['Target', targets],
      ['Achievement', formatCodeableConcept(goal.achievementStatus)],
      ['Addresses', references(goal.addresses, ctx)],
      ['Notes', notes(goal.note)],
    ),
  });
}

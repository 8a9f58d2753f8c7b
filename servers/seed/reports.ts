import { bpPanel } from './catalog.ts';
import { noteTypes, panels } from './chart-catalog.ts';
import { refTo, startOf, type ChartContext } from './encounters.ts';
import { concept, conceptOf, hl7, instant, type Code } from './fhir-shapes.ts';
import { codeOf } from './problems.ts';
import { CLINIC } from './patient.ts';
import type {
  DiagnosticReport,
  DocumentReference,
  Encounter,
  Observation,
} from '../../src/app/fhir/fhir-types.ts';

/** One DiagnosticReport per panel the visit's labs fill, its results the visit's own Observations. */
export function visitReports(
  c: ChartContext,
  encounter: Encounter,
  observations: readonly Observation[],
): DiagnosticReport[] {
  const out: DiagnosticReport[] = [];
  for (const panel of panels) {
    const results = observations.filter((o) => panel.members.includes(codeOf(o) ?? ''));
    const first = results[0];
    if (!first) continue;
    out.push({
      resourceType: 'DiagnosticReport',
      id: c.nextId('dr'),
      meta: c.meta,
      status: 'final',
      category: [hl7('v2-0074', 'LAB', 'Laboratory')],
      code: conceptOf(panel),
      subject: c.subject,
      encounter: refTo(encounter),
      effectiveDateTime: first['effectiveDateTime'],
      issued: first['issued'],
      performer: [{ reference: `Organization/${CLINIC.id}`, display: CLINIC.name }],
      result: results.map(refTo),
    });
  }
  return out;
}

/** What a clinician would jot down: the blood pressure taken, the problems, the plan. */
export function visitNoteText(
  observations: readonly Observation[],
  problemNames: readonly string[],
): string {
  const bp = observations.find((o) => codeOf(o) === bpPanel.code);
  const [sys, dia] = (
    (bp?.['component'] as { valueQuantity: { value: number } }[] | undefined) ?? []
  ).map((x) => x.valueQuantity.value);
  const lines = [
    'Seen in clinic for review.',
    sys !== undefined && dia !== undefined
      ? `Blood pressure ${sys}/${dia} mmHg.`
      : 'Blood pressure not taken.',
    problemNames.length > 0
      ? `Active problems: ${problemNames.join('; ')}.`
      : 'No active problems.',
    'Plan: continue current medicines, labs as ordered, review in six months.',
  ];
  return lines.join('\n');
}

/** A clinical note as a DocumentReference with its text inline (base64, as FHIR attachments carry it). */
export function note(
  c: ChartContext,
  type: Code,
  encounter: Encounter,
  text: string,
): DocumentReference {
  const period = encounter['period'] as { start: string; end: string };
  const date = instant(new Date(Date.parse(period.end) + 15 * 60_000));
  return {
    resourceType: 'DocumentReference',
    id: c.nextId('doc'),
    meta: c.meta,
    status: 'current',
    docStatus: 'final',
    type: conceptOf(type),
    category: [
      concept(
        'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category',
        'clinical-note',
        'Clinical Note',
      ),
    ],
    subject: c.subject,
    date,
    author: [c.gp],
    content: [
      {
        attachment: {
          contentType: 'text/plain; charset=utf-8',
          data: Buffer.from(text, 'utf8').toString('base64'),
          title: type.display,
          creation: date,
        },
      },
    ],
    context: { encounter: [refTo(encounter)], period },
  };
}

/** The notes of a hospital encounter: what brought the patient in and, for a stay, how they left. */
export function hospitalNotes(
  c: ChartContext,
  encounter: Encounter,
  problem: Code,
): DocumentReference[] {
  const kind = String((encounter['class'] as { code: string }).code);
  const when = startOf(encounter).toISOString().slice(0, 10);
  if (kind === 'EMER') {
    return [
      note(
        c,
        noteTypes.emergency,
        encounter,
        `Presented on ${when}. Assessment: ${problem.display}. Treated and discharged home.`,
      ),
    ];
  }
  return [
    note(
      c,
      noteTypes.historyAndPhysical,
      encounter,
      `Admitted on ${when} with ${problem.display}. Chest X-ray ordered; antibiotics started.`,
    ),
    note(
      c,
      noteTypes.discharge,
      encounter,
      `Admitted on ${when} with ${problem.display}. Improved on antibiotics; discharged home.`,
    ),
  ];
}

import { conditions } from './catalog.ts';
import { problems, procedures } from './chart-catalog.ts';
import { refTo, startOf, type ChartContext } from './encounters.ts';
import { conceptOf, day, hl7, instant, pad, snomed, type Code } from './fhir-shapes.ts';
import type { Episode, Story } from './story.ts';
import type {
  CodeableConcept,
  Condition,
  Encounter,
  Procedure,
} from '../../src/app/fhir/fhir-types.ts';

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;

type Status = 'active' | 'inactive' | 'resolved';
const statusDisplay: Record<Status, string> = {
  active: 'Active',
  inactive: 'Inactive',
  resolved: 'Resolved',
};

interface ConditionFacts {
  code: Code;
  /** Absent only for an entry recorded in error (FHIR's con-5). */
  status?: Status;
  onset: Date;
  abatement?: Date;
  encounter?: Encounter;
  category: 'problem-list-item' | 'encounter-diagnosis';
  enteredInError?: boolean;
}

/**
 * The chart's further Conditions, numbered after the chronic ones the seed has always written
 * (`cond-0001-1` ... stay what they were).
 */
export function chartConditions(
  c: ChartContext,
  story: Story,
  chronicCount: number,
  firstVisit: Encounter | undefined,
  lipidEncounter: Encounter | undefined,
  episodes: readonly Episode[],
): Condition[] {
  const facts: ConditionFacts[] = [];
  const firstDate = firstVisit ? startOf(firstVisit) : new Date(c.p.birth.getTime() + 18 * YEAR);
  if (story.hypertension && !c.p.hypertension) {
    // The demo patient's hypertension predates the record and is controlled, so BP stays normal.
    facts.push({
      code: conditions.hypertension,
      status: 'active',
      onset: new Date(firstDate.getTime() - 3 * YEAR),
      category: 'problem-list-item',
    });
  }
  if (story.hyperlipidaemia) {
    const at = lipidEncounter ?? firstVisit;
    facts.push({
      code: problems.hyperlipidaemia,
      status: 'active',
      onset: at ? startOf(at) : firstDate,
      encounter: at,
      category: 'problem-list-item',
    });
  }
  if (story.asthma !== 'none') {
    facts.push({
      code: problems.asthma,
      status: story.asthma,
      onset: new Date(c.p.birth.getTime() + c.rnd.int(4, 16) * YEAR),
      category: 'problem-list-item',
    });
  }
  for (const e of episodes) {
    const onset = startOf(e.encounter);
    facts.push({
      code: e.problem,
      status: 'resolved',
      onset,
      abatement: new Date(onset.getTime() + e.resolvedAfterDays * DAY),
      encounter: e.encounter,
      category: 'encounter-diagnosis',
    });
  }
  // Now and then a problem is filed on the wrong chart and struck out rather than deleted.
  if (c.rnd.chance(0.03) && firstVisit) {
    facts.push({
      code: problems.asthma,
      onset: firstDate,
      encounter: firstVisit,
      category: 'problem-list-item',
      enteredInError: true,
    });
  }
  return facts.map((f, i) =>
    conditionResource(c, `cond-${pad(c.p.index)}-${chronicCount + i + 1}`, f),
  );
}

function conditionResource(c: ChartContext, id: string, f: ConditionFacts): Condition {
  const out: Condition = { resourceType: 'Condition', id, meta: c.meta };
  if (f.status) {
    out['clinicalStatus'] = hl7('condition-clinical', f.status, statusDisplay[f.status]);
  }
  out['verificationStatus'] = f.enteredInError
    ? hl7('condition-ver-status', 'entered-in-error', 'Entered in Error')
    : hl7('condition-ver-status', 'confirmed', 'Confirmed');
  out['category'] = [
    hl7(
      'condition-category',
      f.category,
      f.category === 'problem-list-item' ? 'Problem List Item' : 'Encounter Diagnosis',
    ),
  ];
  out['code'] = conceptOf(f.code);
  out['subject'] = c.subject;
  if (f.encounter) out['encounter'] = refTo(f.encounter);
  out['onsetDateTime'] = day(f.onset);
  if (f.abatement) out['abatementDateTime'] = day(f.abatement);
  out['recordedDate'] = instant(f.encounter ? startOf(f.encounter) : f.onset);
  out['recorder'] = c.gp;
  return out;
}

/** Procedures: the episodes' (a suture, a chest X-ray) and the checks a problem calls for. */
export function chartProcedures(
  c: ChartContext,
  story: Story,
  visitEncounters: readonly Encounter[],
  episodes: readonly Episode[],
  end: Date,
): Procedure[] {
  const done: { code: Code; encounter: Encounter; category: Code }[] = [];
  const diagnostic = snomed('103693007', 'Diagnostic procedure');
  const surgical = snomed('387713003', 'Surgical procedure');
  const first = visitEncounters[0];
  if (first && story.hypertension)
    done.push({ code: procedures.ecg, encounter: first, category: diagnostic });
  if (first && story.asthma === 'active') {
    done.push({ code: procedures.spirometry, encounter: first, category: diagnostic });
  }
  const age = end.getUTCFullYear() - c.p.birth.getUTCFullYear();
  if (age >= 50 && visitEncounters.length > 1 && c.rnd.chance(0.35)) {
    const at = c.rnd.pick(visitEncounters);
    done.push({ code: procedures.colonoscopy, encounter: at, category: diagnostic });
  }
  for (const e of episodes) {
    if (e.procedure) {
      const category = e.procedure === procedures.suture ? surgical : diagnostic;
      done.push({ code: e.procedure, encounter: e.encounter, category });
    }
  }
  return done.map((d): Procedure => {
    const start = startOf(d.encounter);
    return {
      resourceType: 'Procedure',
      id: c.nextId('proc'),
      meta: c.meta,
      status: 'completed',
      category: conceptOf(d.category),
      code: conceptOf(d.code),
      subject: c.subject,
      encounter: refTo(d.encounter),
      performedPeriod: {
        start: instant(start),
        end: instant(new Date(start.getTime() + 30 * 60_000)),
      },
      performer: [{ actor: c.gp }],
    };
  });
}

export function codeOf(resource: { code?: CodeableConcept }): string | undefined {
  return resource.code?.coding?.[0]?.code;
}

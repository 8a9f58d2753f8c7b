import { conditions } from './catalog.ts';
import { encounterTypes } from './chart-catalog.ts';
import { TERMINOLOGY, conceptOf, hl7, instant, pad, reference, type Code } from './fhir-shapes.ts';
import type { Encounter, Meta, Reference, Resource } from '../../src/app/fhir/fhir-types.ts';
import type { Visit } from './observations.ts';
import { CLINIC, practitionerOf, type Profile } from './patient.ts';
import type { Random } from './random.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const classes = {
  AMB: 'ambulatory',
  EMER: 'emergency',
  IMP: 'inpatient encounter',
} as const;

/** The chart's context for one patient: who they are, how resources are stamped and numbered. */
export interface ChartContext {
  p: Profile;
  rnd: Random;
  meta: Meta;
  subject: Reference & { reference: string };
  gp: { reference: string; display: string };
  /** `<prefix>-0001-001`, numbered per patient and prefix. */
  nextId: (prefix: string) => string;
}

export function chartContext(
  rnd: Random,
  p: Profile,
  lastUpdated: string,
  staffNames: ReadonlyMap<string, string>,
): ChartContext {
  const gp = practitionerOf(p);
  const seq = new Map<string, number>();
  return {
    p,
    rnd,
    meta: { versionId: '1', lastUpdated },
    subject: reference('Patient', p.id),
    gp: { ...reference('Practitioner', gp), display: staffNames.get(gp) ?? '' },
    nextId: (prefix) => {
      const n = (seq.get(prefix) ?? 0) + 1;
      seq.set(prefix, n);
      return `${prefix}-${pad(p.index)}-${pad(n, 3)}`;
    },
  };
}

function encounter(
  c: ChartContext,
  kind: keyof typeof classes,
  type: Code,
  start: Date,
  end: Date,
  reason: Code | undefined,
): Encounter {
  const out: Encounter = {
    resourceType: 'Encounter',
    id: c.nextId('enc'),
    meta: c.meta,
    status: 'finished',
    class: { system: `${TERMINOLOGY}/v3-ActCode`, code: kind, display: classes[kind] },
    type: [conceptOf(type)],
    subject: c.subject,
    participant: [{ individual: c.gp }],
    period: { start: instant(start), end: instant(end) },
  };
  if (reason) out.reasonCode = [conceptOf(reason)];
  if (kind === 'IMP') {
    out.hospitalization = {
      dischargeDisposition: hl7('discharge-disposition', 'home', 'Home'),
    };
  }
  out.serviceProvider = { ...reference('Organization', CLINIC.id), display: CLINIC.name };
  return out;
}

/** A clinic visit: the first is a check-up, later ones follow up the patient's first chronic problem. */
export function visitEncounter(c: ChartContext, visit: Visit, first: boolean): Encounter {
  const chronic = (['hypertension', 'diabetes', 'obesity'] as const).find((name) => c.p[name]);
  const followUp = !first && chronic !== undefined;
  const minutes = c.rnd.int(15, 40);
  return encounter(
    c,
    'AMB',
    followUp ? encounterTypes.followUp : encounterTypes.checkUp,
    visit.when,
    new Date(visit.when.getTime() + minutes * MINUTE),
    followUp ? conditions[chronic] : undefined,
  );
}

export function emergencyEncounter(
  c: ChartContext,
  start: Date,
  hours: number,
  reason: Code,
): Encounter {
  return encounter(
    c,
    'EMER',
    encounterTypes.emergency,
    start,
    new Date(start.getTime() + hours * HOUR),
    reason,
  );
}

export function inpatientEncounter(
  c: ChartContext,
  start: Date,
  days: number,
  reason: Code,
): Encounter {
  return encounter(
    c,
    'IMP',
    encounterTypes.admission,
    start,
    new Date(start.getTime() + days * 24 * HOUR),
    reason,
  );
}

/** When an encounter started: onsets, orders and notes of that encounter are dated by it. */
export function startOf(encounterResource: Encounter): Date {
  return new Date(String(encounterResource.period?.start));
}

export function refTo(resource: Resource): Reference & { reference: string } {
  return reference(resource.resourceType, String(resource.id));
}

import { bpPanel, labs, vitals, type Measure } from './catalog.ts';
import {
  categoryOf,
  conceptOf,
  instant,
  interpretation,
  pad,
  quantity,
  referenceRange,
  round,
} from './fhir-shapes.ts';
import type { Profile } from './patient.ts';
import type { Random } from './random.ts';
import type {
  CodeableConcept,
  Observation,
  ObservationComponent,
  Reference,
} from '../../src/app/fhir/fhir-types.ts';

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;

export interface Visit {
  when: Date;
  /** Years since the first visit: drives slow trends. */
  years: number;
}

/** Visits every 3 to 9 months over the last 3 to 6 years (never before the patient turned 18). */
export function visitsFor(rnd: Random, p: Profile, end: Date): Visit[] {
  const adult = p.birth.getTime() + 18 * YEAR;
  const start = Math.max(adult, end.getTime() - rnd.uniform(3, 6) * YEAR);
  const visits: Visit[] = [];
  for (
    let t = start + rnd.uniform(0, 60) * DAY;
    t < end.getTime();
    t += rnd.uniform(90, 270) * DAY
  ) {
    const day = new Date(t);
    const when = new Date(
      Date.UTC(
        day.getUTCFullYear(),
        day.getUTCMonth(),
        day.getUTCDate(),
        rnd.int(8, 16),
        rnd.int(0, 59),
      ),
    );
    visits.push({ when, years: (t - start) / YEAR });
  }
  return visits;
}

/**
 * Builds the observations of one visit, each naming the visit's Encounter; `nextId` numbers them per
 * patient.
 */
export function visitObservations(
  rnd: Random,
  p: Profile,
  visit: Visit,
  encounter: Reference,
  nextId: () => string,
  lastUpdated: string,
): Observation[] {
  const out: Observation[] = [];
  const subject = { reference: `Patient/${p.id}` };
  const effective = instant(visit.when);
  const base = (code: CodeableConcept, category: 'vital-signs' | 'laboratory'): Observation => ({
    resourceType: 'Observation',
    id: nextId(),
    meta: { versionId: '1', lastUpdated },
    status: 'final',
    category: categoryOf(category),
    code,
    subject,
    encounter,
    effectiveDateTime: effective,
    issued: effective,
  });
  const measured = (m: Measure, raw: number): Observation => {
    const value = round(raw, m.decimals);
    const range = m.range?.(p.gender);
    return withRange(base(conceptOf(m), m.category), m, value, range);
  };
  const y = visit.years;

  // Blood pressure as a panel: the value lives in the two components, as US Core expects.
  const sys = round(p.systolic + (p.hypertension ? 1.5 * y : 0.3 * y) + rnd.normal(0, 7), 0);
  const dia = round(p.diastolic + (p.hypertension ? 0.8 * y : 0) + rnd.normal(0, 5), 0);
  const panel = base(conceptOf(bpPanel), 'vital-signs');
  const components = [component(vitals.systolic, sys, p), component(vitals.diastolic, dia, p)];
  panel['component'] = components;
  if (components.some((c) => c['interpretation'])) {
    const high = sys > 120 || dia > 80;
    panel['interpretation'] = interpretation(high ? Infinity : -Infinity, { low: 0, high: 1 });
  }
  out.push(panel);

  out.push(measured(vitals.heartRate, p.heartRate + rnd.normal(0, 6)));
  out.push(measured(vitals.respRate, rnd.normal(15, 2)));
  out.push(
    measured(vitals.temperature, rnd.chance(0.04) ? rnd.uniform(37.6, 39) : rnd.normal(36.7, 0.25)),
  );
  out.push(
    measured(
      vitals.spo2,
      Math.min(100, rnd.chance(0.05) ? rnd.uniform(88, 94) : rnd.normal(97.5, 1)),
    ),
  );
  const height = p.heightCm + rnd.normal(0, 0.4);
  const bmi = p.bmi + (p.obesity ? 0.4 : 0.1) * y + rnd.normal(0, 0.3);
  const weight = bmi * (height / 100) ** 2;
  out.push(measured(vitals.weight, weight));
  out.push(measured(vitals.height, height));
  out.push(measured(vitals.bmi, weight / (height / 100) ** 2));

  if (rnd.chance(0.5)) {
    out.push(measured(labs.glucose, p.glucose + rnd.normal(0, p.diabetes ? 25 : 8)));
    out.push(measured(labs.creatinine, rnd.normal(p.gender === 'male' ? 1 : 0.8, 0.15)));
    out.push(measured(labs.potassium, rnd.normal(4.2, 0.4)));
    out.push(measured(labs.sodium, rnd.normal(140, 2.5)));
  }
  if (p.diabetes || rnd.chance(0.1)) {
    out.push(measured(labs.hba1c, p.hba1c - (p.diabetes ? 0.15 * y : 0) + rnd.normal(0, 0.3)));
  }
  if (rnd.chance(0.3)) {
    const chol = p.cholesterol + rnd.normal(0, 12);
    const hdl = rnd.normal(p.gender === 'male' ? 48 : 58, 9);
    const tg = rnd.normal(p.obesity ? 190 : 120, 35);
    out.push(measured(labs.cholesterol, chol));
    out.push(measured(labs.hdl, hdl));
    out.push(measured(labs.ldl, chol - hdl - tg / 5));
    out.push(measured(labs.triglycerides, tg));
  }
  if (rnd.chance(0.3)) {
    out.push(measured(labs.hemoglobin, rnd.normal(p.gender === 'male' ? 15 : 13.5, 1.1)));
    out.push(measured(labs.wbc, rnd.normal(7, 1.8)));
    out.push(measured(labs.platelets, rnd.normal(260, 55)));
  }
  return out;
}

export function withRange<T extends Observation | ObservationComponent>(
  obs: T,
  m: Measure,
  value: number,
  range: { low?: number; high?: number } | undefined,
): T {
  obs['valueQuantity'] = quantity(value, m.unit);
  const rr = referenceRange(range, m.unit);
  if (rr) obs['referenceRange'] = rr;
  const flag = interpretation(value, range);
  if (flag) obs['interpretation'] = flag;
  return obs;
}

function component(m: Measure, value: number, p: Profile): ObservationComponent {
  return withRange({ code: conceptOf(m) }, m, value, m.range?.(p.gender));
}

export function observationId(p: Profile): () => string {
  let seq = 0;
  return () => `obs-${pad(p.index)}-${pad(++seq)}`;
}

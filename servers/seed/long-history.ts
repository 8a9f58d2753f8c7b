import { bpPanel, vitals, type Measure } from './catalog.ts';
import {
  MRN_SYSTEM,
  IDENTIFIER_TYPE,
  TERMINOLOGY,
  SNOMED,
  categoryOf,
  interpretation,
  concept,
  conceptOf,
  instant,
  reference,
  round,
} from './fhir-shapes.ts';
import type {
  CodeableConcept,
  Encounter,
  Observation,
  Patient,
} from '../../src/app/fhir/fhir-types.ts';
import { withRange } from './observations.ts';
import { Random } from './random.ts';

/**
 * One patient with a long history, as an ICU monitor records it: five vital signs (blood pressure,
 * heart rate, respiratory rate, temperature, SpO2) every five minutes, give or take half a minute, for
 * as long as `observations` lasts (100,000 is about 70 days), ending the day before the seed's end.
 * Its own random stream: the seeded patients stay exactly as they were. Observation ids sort in time
 * order, as many servers' ids do.
 */

export const LONG_HISTORY_PATIENT = 'pat-long-0001';
export const LONG_HISTORY_ENCOUNTER = 'enc-long-0001';
/** Its own stream beside the staff's (seed, 0) and each chart's (seed, index, CHART_STREAM). */
const LONG_HISTORY_STREAM = 3;
const MINUTE = 60_000;
const CODES_PER_ROUND = 5;

export interface LongHistoryOptions {
  /** Observations to make: rounds of five, the last round cut short if need be. */
  observations: number;
  seed: number;
  end: Date;
}

/** A value that wanders around `mean` and drifts back, with rare excursions: trends with peaks. */
class Wander {
  private value: number;
  constructor(
    private readonly rnd: Random,
    private readonly mean: number,
    private readonly step: number,
  ) {
    this.value = mean;
  }
  next(excursion: number): number {
    this.value += (this.mean - this.value) * 0.05 + this.rnd.normal(0, this.step);
    return this.value + excursion;
  }
}

export function* longHistoryResources(
  options: LongHistoryOptions,
): Generator<Patient | Encounter | Observation> {
  const rnd = new Random(options.seed, 0, LONG_HISTORY_STREAM);
  const rounds = Math.ceil(options.observations / CODES_PER_ROUND);
  const last = options.end.getTime() - 24 * 60 * MINUTE;
  const first = last - (rounds - 1) * 5 * MINUTE;
  const lastUpdated = new Date(options.end.getTime() + 24 * 60 * MINUTE).toISOString();
  const meta = { versionId: '1', lastUpdated };
  const subject = reference('Patient', LONG_HISTORY_PATIENT);
  yield {
    resourceType: 'Patient',
    id: LONG_HISTORY_PATIENT,
    meta,
    identifier: [
      {
        use: 'usual',
        type: concept(IDENTIFIER_TYPE, 'MR', 'Medical record number'),
        system: MRN_SYSTEM,
        value: '990001',
      },
    ],
    active: true,
    name: [{ use: 'official', family: 'Lindgren', given: ['Astrid'] }],
    gender: 'female',
    birthDate: '1958-03-14',
    managingOrganization: { reference: 'Organization/org-0001' },
  };
  const encounter = reference('Encounter', LONG_HISTORY_ENCOUNTER);
  yield {
    resourceType: 'Encounter',
    id: LONG_HISTORY_ENCOUNTER,
    meta,
    status: 'in-progress',
    class: { system: `${TERMINOLOGY}/v3-ActCode`, code: 'IMP', display: 'inpatient encounter' },
    type: [concept(SNOMED, '305351004', 'Admission to intensive care unit')],
    subject,
    period: { start: instant(new Date(first - 30 * MINUTE)) },
  };

  const systolic = new Wander(rnd, 118, 2.5);
  const diastolic = new Wander(rnd, 68, 1.8);
  const heart = new Wander(rnd, 84, 2);
  const resp = new Wander(rnd, 17, 0.6);
  const temp = new Wander(rnd, 37.1, 0.05);
  const spo2 = new Wander(rnd, 96, 0.4);
  let made = 0;
  let episode = 0;
  for (let round_ = 0; round_ < rounds; round_++) {
    const when = new Date(first + round_ * 5 * MINUTE + rnd.int(-30, 30) * 1000);
    // A septic episode now and then, one to three hours long: fever, tachycardia, low pressure and
    // saturation, so a trend has peaks and troughs that a thinned drawing must keep.
    episode = episode > 0 ? episode - 1 : rnd.chance(0.0005) ? rnd.int(12, 36) : 0;
    const ill = episode > 0 ? 1 : 0;
    const base = (code: CodeableConcept): Observation => ({
      resourceType: 'Observation',
      id: `obs-long-${String(++made).padStart(7, '0')}`,
      meta,
      status: 'final',
      category: categoryOf('vital-signs'),
      code,
      subject,
      encounter,
      effectiveDateTime: instant(when),
    });
    const measured = (m: Measure, value: number): Observation =>
      withRange(base(conceptOf(m)), m, round(value, m.decimals), m.range?.('female'));
    const panel = base(conceptOf(bpPanel));
    const sys = round(systolic.next(-30 * ill), 0);
    const dia = round(diastolic.next(-18 * ill), 0);
    const parts: [Measure, number][] = [
      [vitals.systolic, sys],
      [vitals.diastolic, dia],
    ];
    panel.component = parts.map(([m, value]) =>
      withRange({ code: conceptOf(m) }, m, value, m.range?.('female')),
    );
    // As the seeded panels: flagged as a whole when a part is out of range.
    const flag = interpretation(sys > 120 || dia > 80 ? 1 : sys < 90 || dia < 60 ? -1 : 0, {
      low: 0,
      high: 0,
    });
    if (flag) panel['interpretation'] = flag;
    const readings = [
      panel,
      measured(vitals.heartRate, heart.next(45 * ill)),
      measured(vitals.respRate, resp.next(10 * ill)),
      measured(vitals.temperature, temp.next(1.8 * ill)),
      measured(vitals.spo2, Math.min(100, spo2.next(-9 * ill))),
    ];
    // The last round may be cut short; its ids are then still in time order.
    yield* readings.slice(0, Math.max(0, options.observations - (made - readings.length)));
  }
}

/**
 * The part of a patient's history that only the chart shows: extra problems, allergies, acute
 * episodes and hospital stays. Drawn from the patient's own chart stream (`Random(seed, index,
 * CHART_STREAM)`), so the patient and observation draws, and therefore their values, never shift.
 */
import { problems, procedures, type DrugName } from './chart-catalog.ts';
import type { Code } from './fhir-shapes.ts';
import type { Visit } from './observations.ts';
import type { Profile } from './patient.ts';
import type { Random } from './random.ts';
import type { Encounter } from '../../src/app/fhir/fhir-types.ts';

export const CHART_STREAM = 2;

/** pat-0001 is the demo patient user's record; pat-0002 and pat-0003 show the two ways to have no allergy. */
export const DEMO_PATIENT = 1;
export const NO_KNOWN_ALLERGIES_PATIENT = 2;
export const ALLERGIES_NOT_RECORDED_PATIENT = 3;

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;

/** An illness that starts and ends: the encounter it was seen at, and what was done for it. */
export interface Episode {
  problem: Code;
  /** The encounter (or visit) it was diagnosed at: its `period.start` is the onset. */
  encounter: Encounter;
  resolvedAfterDays: number;
  drug?: DrugName;
  procedure?: Code;
}

export interface Story {
  /** The profile's hypertension, or the demo patient's, controlled on treatment. */
  hypertension: boolean;
  /** Follows the measured cholesterol, so the problem list agrees with the lipid panels. */
  hyperlipidaemia: boolean;
  asthma: 'none' | 'active' | 'inactive';
  allergies: 'recorded' | 'no-known' | 'not-recorded';
  /** An emergency department visit and an inpatient stay (admission and discharge). */
  emergency?: { start: Date; hours: number; episode: 'ankleSprain' | 'laceration' };
  admission?: { start: Date; days: number };
}

export function makeStory(rnd: Random, p: Profile, visits: readonly Visit[], end: Date): Story {
  const demo = p.index === DEMO_PATIENT;
  const asthmaDraw = rnd.next();
  const allergyDraw = rnd.next();
  const first = visits[0]?.when.getTime() ?? end.getTime() - YEAR;
  const sometime = (): Date => {
    const t = rnd.uniform(first, end.getTime() - 14 * DAY);
    const d = new Date(t);
    return new Date(
      Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), rnd.int(0, 23), rnd.int(0, 59)),
    );
  };
  const emergency = rnd.chance(0.18)
    ? {
        start: sometime(),
        hours: rnd.int(2, 7),
        episode: rnd.pick(['ankleSprain', 'laceration'] as const),
      }
    : undefined;
  const older = end.getUTCFullYear() - p.birth.getUTCFullYear() > 65;
  const admitted = rnd.chance(older ? 0.15 : 0.05) || demo;
  const admission = admitted ? { start: sometime(), days: rnd.int(2, 6) } : undefined;
  return {
    hypertension: p.hypertension || demo,
    hyperlipidaemia: p.cholesterol > 225 || demo,
    asthma: asthmaDraw < 0.06 ? 'active' : asthmaDraw < 0.09 ? 'inactive' : 'none',
    allergies:
      p.index === NO_KNOWN_ALLERGIES_PATIENT
        ? 'no-known'
        : p.index === ALLERGIES_NOT_RECORDED_PATIENT
          ? 'not-recorded'
          : demo || allergyDraw < 0.4
            ? 'recorded'
            : allergyDraw < 0.75
              ? 'no-known'
              : 'not-recorded',
    emergency,
    admission,
  };
}

/** A few visits turn out to be for a passing infection, treated or left to settle. */
export function visitEpisodes(
  rnd: Random,
  encounters: readonly Encounter[],
  penicillinAllergic: boolean,
): Episode[] {
  const antibiotic: DrugName = penicillinAllergic ? 'azithromycin' : 'amoxicillin';
  const out: Episode[] = [];
  for (const encounter of encounters) {
    if (!rnd.chance(0.06)) continue;
    const name = rnd.pick(['bronchitis', 'pharyngitis', 'sinusitis'] as const);
    out.push({
      problem: problems[name],
      encounter,
      resolvedAfterDays: rnd.int(7, 21),
      drug: name === 'pharyngitis' ? undefined : antibiotic,
    });
  }
  return out;
}

export function hospitalEpisodes(
  story: Story,
  emergency: Encounter | undefined,
  admission: Encounter | undefined,
  penicillinAllergic: boolean,
): Episode[] {
  const out: Episode[] = [];
  if (emergency && story.emergency) {
    const sprain = story.emergency.episode === 'ankleSprain';
    out.push({
      problem: problems[story.emergency.episode],
      encounter: emergency,
      resolvedAfterDays: sprain ? 28 : 14,
      drug: 'ibuprofen',
      procedure: sprain ? undefined : procedures.suture,
    });
  }
  if (admission) {
    out.push({
      problem: problems.pneumonia,
      encounter: admission,
      resolvedAfterDays: 30,
      drug: penicillinAllergic ? 'azithromycin' : 'amoxicillin',
      procedure: procedures.chestXray,
    });
  }
  return out;
}

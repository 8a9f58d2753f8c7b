import { labs } from './catalog.ts';
import { noteTypes, problems } from './chart-catalog.ts';
import { allergicToPenicillin, allergyResources } from './allergies.ts';
import {
  emergencyEncounter,
  inpatientEncounter,
  startOf,
  type ChartContext,
} from './encounters.ts';
import { immunizationResources } from './immunizations.ts';
import { medicationRequests } from './medications.ts';
import { carePlans } from './plans.ts';
import { chartConditions, chartProcedures, codeOf } from './problems.ts';
import { hospitalNotes, note, visitNoteText } from './reports.ts';
import { hospitalEpisodes, visitEpisodes, type Story } from './story.ts';
import type { Condition, Encounter, Observation, Resource } from '../../src/app/fhir/fhir-types.ts';

/** A clinic visit as written: its Encounter and the Observations taken at it. */
export interface VisitRecord {
  encounter: Encounter;
  observations: readonly Observation[];
}

const isActive = (condition: Condition): boolean =>
  condition.clinicalStatus?.coding?.[0]?.code === 'active';

/**
 * The rest of one patient's chart, after their visits: allergies, hospital encounters, problems,
 * prescriptions, immunizations, procedures, notes and care plans with goals. Every draw comes from
 * the chart stream in this fixed order, so the output is the same on every run.
 */
export function* chartResources(
  c: ChartContext,
  story: Story,
  chronic: readonly Condition[],
  visits: readonly VisitRecord[],
  end: Date,
): Generator<Resource> {
  const encounters = visits.map((v) => v.encounter);
  const first = encounters[0];
  const allergies = allergyResources(c, story, first ? startOf(first) : end);
  yield* allergies;
  const penicillin = allergicToPenicillin(allergies);
  const emergency = story.emergency
    ? emergencyEncounter(
        c,
        story.emergency.start,
        story.emergency.hours,
        problems[story.emergency.episode],
      )
    : undefined;
  const admission = story.admission
    ? inpatientEncounter(c, story.admission.start, story.admission.days, problems.pneumonia)
    : undefined;
  if (emergency) yield emergency;
  if (admission) yield admission;
  const episodes = [
    ...visitEpisodes(c.rnd, encounters, penicillin),
    ...hospitalEpisodes(story, emergency, admission, penicillin),
  ];
  const lipid = visits.find((v) =>
    v.observations.some((o) => codeOf(o) === labs.cholesterol.code),
  )?.encounter;
  const added = chartConditions(c, story, chronic.length, first, lipid, episodes);
  yield* added;
  const conditionList = [...chronic, ...added];
  yield* medicationRequests(c, story, encounters, lipid, episodes, conditionList);
  yield* immunizationResources(c, encounters, end);
  yield* chartProcedures(c, story, encounters, episodes, end);
  for (const [i, v] of visits.entries()) {
    // The latest visit always has its note; earlier ones now and then.
    if (i !== visits.length - 1 && !c.rnd.chance(0.2)) continue;
    const at = startOf(v.encounter).toISOString().slice(0, 10);
    const names = conditionList
      .filter((x) => isActive(x) && String(x['onsetDateTime']) <= at)
      .map((x) => String((x['code'] as { text: string }).text));
    yield note(c, noteTypes.progress, v.encounter, visitNoteText(v.observations, names));
  }
  for (const e of episodes) {
    if (e.encounter === emergency || e.encounter === admission) {
      yield* hospitalNotes(c, e.encounter, e.problem);
    }
  }
  yield* carePlans(
    c,
    conditionList,
    visits.flatMap((v) => v.observations),
    end,
  );
}

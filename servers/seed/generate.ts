import { Random } from './random.ts';
import {
  CLINIC,
  makeProfile,
  patientResource,
  conditionResources,
  practitionerCount,
} from './patient.ts';
import { observationId, visitObservations, visitsFor } from './observations.ts';
import { concept, pad } from './fhir-shapes.ts';
import { chartResources, type VisitRecord } from './chart.ts';
import { chartContext, refTo, visitEncounter } from './encounters.ts';
import { medicationResources } from './medications.ts';
import { visitReports } from './reports.ts';
import { patientReported } from './patient-reported.ts';
import { CHART_STREAM, makeStory } from './story.ts';
import type { Organization, Practitioner, Resource } from '../../src/app/fhir/fhir-types.ts';

export interface SeedOptions {
  /** Number of patients (ids `pat-0001` ...). */
  patients: number;
  /** Same seed, same data; patient i is the same whatever `patients` is. */
  seed: number;
  /** Data runs up to this day; fixed by default so the output never depends on the clock. */
  end?: Date;
}

export const DEFAULT_END = new Date(Date.UTC(2026, 9, 31));

/**
 * Yields every seeded resource: the organisation, practitioners, the formulary's Medications, then
 * each patient followed by their chart: each visit's Encounter, Observations and lab reports, then
 * allergies, problems, prescriptions, immunizations, procedures, notes and care plans, then what
 * the patient reported (patient-reported.ts). A generator,
 * so a million observations never sit in memory at once (only one patient's chart at a time).
 */
export function* generateResources(options: SeedOptions): Generator<Resource> {
  const end = options.end ?? DEFAULT_END;
  const lastUpdated = new Date(end.getTime() + 86_400_000).toISOString();
  const meta = { versionId: '1', lastUpdated };
  const clinic: Organization = {
    resourceType: 'Organization',
    id: CLINIC.id,
    meta,
    active: true,
    name: CLINIC.name,
    type: [
      concept(
        'http://terminology.hl7.org/CodeSystem/organization-type',
        'prov',
        'Healthcare Provider',
      ),
    ],
  };
  yield clinic;
  const staff = new Random(options.seed, 0);
  const surnames = [
    'Okonkwo',
    'Lindqvist',
    'Haddad',
    'Moreau',
    'Ishikawa',
    'Reyes',
    'Kaur',
    'Brennan',
  ];
  // References to a practitioner carry their name, as EHR exports do, so a chart names who recorded what.
  const staffNames = new Map<string, string>();
  for (let i = 1; i <= practitionerCount; i++) {
    const name = {
      family: surnames[i - 1] ?? '',
      given: [staff.pick(['Ada', 'Ben', 'Chiara', 'Dev', 'Eli'])],
      prefix: ['Dr.'],
    };
    const id = `prac-${pad(i)}`;
    staffNames.set(id, `${name.prefix[0]} ${name.given[0]} ${name.family}`);
    const practitioner: Practitioner = {
      resourceType: 'Practitioner',
      id,
      meta,
      active: true,
      name: [name],
    };
    yield practitioner;
  }
  yield* medicationResources(meta);
  for (let index = 1; index <= options.patients; index++) {
    const rnd = new Random(options.seed, index);
    const profile = makeProfile(rnd, index, end);
    yield patientResource(rnd, profile, lastUpdated);
    const visits = visitsFor(rnd, profile, end);
    const onset = visits[0]?.when ?? end;
    const chronic = conditionResources(profile, onset, lastUpdated);
    yield* chronic;
    // The chart's own stream: the patient and observation draws above and below stay as they were.
    const chart = chartContext(
      new Random(options.seed, index, CHART_STREAM),
      profile,
      lastUpdated,
      staffNames,
    );
    const story = makeStory(chart.rnd, profile, visits, end);
    const nextId = observationId(profile);
    const records: VisitRecord[] = [];
    for (const [i, visit] of visits.entries()) {
      const encounter = visitEncounter(chart, visit, i === 0);
      yield encounter;
      const observations = visitObservations(
        rnd,
        profile,
        visit,
        refTo(encounter),
        nextId,
        lastUpdated,
      );
      yield* observations;
      yield* visitReports(chart, encounter, observations);
      records.push({ encounter, observations });
    }
    yield* chartResources(chart, story, chronic, records, end);
    yield* patientReported({ seed: options.seed, p: profile, visits, meta });
  }
}

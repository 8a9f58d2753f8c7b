import { Random } from './random.ts';
import { makeProfile, patientResource, conditionResources, practitionerCount } from './patient.ts';
import { observationId, visitObservations, visitsFor } from './observations.ts';
import { concept, pad, type Json } from './fhir-shapes.ts';

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
 * Yields every seeded resource: the organisation, practitioners, then each patient followed by their
 * conditions and observations. A generator, so a million observations never sit in memory at once.
 */
export function* generateResources(options: SeedOptions): Generator<Json> {
  const end = options.end ?? DEFAULT_END;
  const lastUpdated = new Date(end.getTime() + 86_400_000).toISOString();
  const meta = { versionId: '1', lastUpdated };
  yield {
    resourceType: 'Organization',
    id: 'org-0001',
    meta,
    active: true,
    name: 'Fhirokta Community Clinic',
    type: [
      concept(
        'http://terminology.hl7.org/CodeSystem/organization-type',
        'prov',
        'Healthcare Provider',
      ),
    ],
  };
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
  for (let i = 1; i <= practitionerCount; i++) {
    yield {
      resourceType: 'Practitioner',
      id: `prac-${pad(i)}`,
      meta,
      active: true,
      name: [
        {
          family: surnames[i - 1],
          given: [staff.pick(['Ada', 'Ben', 'Chiara', 'Dev', 'Eli'])],
          prefix: ['Dr.'],
        },
      ],
    };
  }
  for (let index = 1; index <= options.patients; index++) {
    const rnd = new Random(options.seed, index);
    const profile = makeProfile(rnd, index, end);
    yield patientResource(rnd, profile, lastUpdated);
    const visits = visitsFor(rnd, profile, end);
    const onset = visits[0]?.when ?? end;
    yield* conditionResources(profile, onset, lastUpdated);
    const nextId = observationId(profile);
    for (const visit of visits) yield* visitObservations(rnd, profile, visit, nextId, lastUpdated);
  }
}

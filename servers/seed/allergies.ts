import { allergens, lifeThreatening, noKnownAllergy, type Allergen } from './chart-catalog.ts';
import type { ChartContext } from './encounters.ts';
import { conceptOf, hl7, instant } from './fhir-shapes.ts';
import { DEMO_PATIENT, type Story } from './story.ts';
import type { AllergyIntolerance, CodeableConcept } from '../../src/app/fhir/fhir-types.ts';

const DAY = 86_400_000;
const clinical = (status: 'active' | 'inactive'): CodeableConcept =>
  hl7('allergyintolerance-clinical', status, status === 'active' ? 'Active' : 'Inactive');
const confirmed = hl7('allergyintolerance-verification', 'confirmed', 'Confirmed');

/**
 * A patient's allergy list: one or more allergies with reactions, or "No known allergy" recorded, or
 * nothing at all (never asked): the chart must tell the last two apart.
 */
export function allergyResources(
  c: ChartContext,
  story: Story,
  firstVisit: Date,
): AllergyIntolerance[] {
  const recorded = instant(new Date(firstVisit.getTime() - c.rnd.int(0, 400) * DAY));
  const base = (): AllergyIntolerance => ({
    resourceType: 'AllergyIntolerance',
    id: c.nextId('alg'),
    meta: c.meta,
  });
  if (story.allergies === 'not-recorded') return [];
  if (story.allergies === 'no-known') {
    return [
      {
        ...base(),
        clinicalStatus: clinical('active'),
        verificationStatus: confirmed,
        code: conceptOf(noKnownAllergy),
        patient: c.subject,
        recordedDate: recorded,
        recorder: c.gp,
      },
    ];
  }
  const names = Object.keys(allergens) as (keyof typeof allergens)[];
  const chosen = new Set<keyof typeof allergens>(
    c.p.index === DEMO_PATIENT ? ['penicillin', 'grassPollen'] : [c.rnd.pick(names)],
  );
  if (c.rnd.chance(0.25)) chosen.add(c.rnd.pick(names));
  return [...chosen].map((name) => {
    const allergen: Allergen = allergens[name];
    const manifestation =
      c.p.index === DEMO_PATIENT && name === 'penicillin'
        ? allergen.reactions[0]
        : c.rnd.pick(allergen.reactions);
    const severe = manifestation !== undefined && lifeThreatening.includes(manifestation.code);
    // Childhood food allergies are sometimes outgrown; the entry stays, marked inactive.
    const outgrown = allergen.category === 'food' && !severe && c.rnd.chance(0.3);
    return {
      ...base(),
      clinicalStatus: clinical(outgrown ? 'inactive' : 'active'),
      verificationStatus: confirmed,
      type: 'allergy',
      category: [allergen.category],
      criticality: severe ? 'high' : 'low',
      code: conceptOf(allergen),
      patient: c.subject,
      recordedDate: recorded,
      recorder: c.gp,
      reaction: [
        {
          substance: conceptOf(allergen),
          manifestation: manifestation ? [conceptOf(manifestation)] : [],
          severity: severe ? 'severe' : c.rnd.pick(['mild', 'moderate'] as const),
        },
      ],
    };
  });
}

/** Whether the list holds an active penicillin allergy: then no penicillin is ever prescribed. */
export function allergicToPenicillin(list: readonly AllergyIntolerance[]): boolean {
  return list.some(
    (a) =>
      (a['code'] as { coding: { code: string }[] }).coding[0]?.code === allergens.penicillin.code &&
      (a['clinicalStatus'] as { coding: { code: string }[] }).coding[0]?.code === 'active',
  );
}

import { vaccines } from './chart-catalog.ts';
import { refTo, startOf, type ChartContext } from './encounters.ts';
import { conceptOf, hl7, instant, type Code } from './fhir-shapes.ts';
import type { Encounter, Immunization } from '../../src/app/fhir/fhir-types.ts';

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;

interface Dose {
  vaccine: Code;
  when: Date;
  encounter?: Encounter;
  /** Offered and declined, or held back for a medical reason. */
  notDone?: 'PATOBJ' | 'MEDPREC';
}

const reasons = { PATOBJ: 'patient objection', MEDPREC: 'medical precaution' } as const;

/**
 * An immunization history by age: a flu shot at most autumn visits, Tdap every ten years, COVID-19
 * in 2021, zoster from 50, pneumococcal from 65, HPV for young adults.
 */
export function immunizationResources(
  c: ChartContext,
  visitEncounters: readonly Encounter[],
  end: Date,
): Immunization[] {
  const doses: Dose[] = [];
  const ageAt = (d: Date): number => (d.getTime() - c.p.birth.getTime()) / YEAR;
  const at = (from: Date, toYears: number): Date =>
    new Date(from.getTime() + c.rnd.uniform(0, toYears) * YEAR);
  const seasons = new Set<number>();
  for (const encounter of visitEncounters) {
    const when = startOf(encounter);
    const month = when.getUTCMonth();
    const season = month >= 8 ? when.getUTCFullYear() : month <= 1 ? when.getUTCFullYear() - 1 : -1;
    if (season < 0 || seasons.has(season)) continue;
    const draw = c.rnd.next();
    if (draw < 0.7) doses.push({ vaccine: vaccines.influenza, when, encounter });
    else if (draw < 0.76)
      doses.push({ vaccine: vaccines.influenza, when, encounter, notDone: 'PATOBJ' });
    else continue;
    seasons.add(season);
  }
  const tenYearsAgo = new Date(end.getTime() - 10 * YEAR);
  if (c.rnd.chance(0.75)) doses.push({ vaccine: vaccines.tdap, when: at(tenYearsAgo, 9.5) });
  const covid = new Date(Date.UTC(2021, 2, 1));
  if (ageAt(covid) >= 18 && c.rnd.chance(0.7)) {
    const first = at(covid, 0.4);
    doses.push({ vaccine: vaccines.covid, when: first });
    doses.push({ vaccine: vaccines.covid, when: new Date(first.getTime() + 21 * DAY) });
  }
  if (ageAt(end) >= 52 && c.rnd.chance(0.5)) {
    const first = at(new Date(end.getTime() - 2 * YEAR), 1.5);
    doses.push({ vaccine: vaccines.zoster, when: first });
    doses.push({
      vaccine: vaccines.zoster,
      when: new Date(first.getTime() + c.rnd.int(60, 180) * DAY),
    });
  }
  if (ageAt(end) >= 66 && c.rnd.chance(0.65)) {
    const sixtyFive = new Date(c.p.birth.getTime() + 65 * YEAR);
    const first = at(sixtyFive, 0.9);
    if (c.rnd.chance(0.04)) {
      doses.push({ vaccine: vaccines.pneumococcalConjugate, when: first, notDone: 'MEDPREC' });
    } else {
      doses.push({ vaccine: vaccines.pneumococcalConjugate, when: first });
      doses.push({
        vaccine: vaccines.pneumococcalPolysaccharide,
        when: new Date(first.getTime() + YEAR),
      });
    }
  }
  if (ageAt(end) < 30 && c.rnd.chance(0.5)) {
    const from = new Date(Math.max(c.p.birth.getTime() + 18 * YEAR, end.getTime() - 6 * YEAR));
    const first = at(from, 0.5);
    doses.push({ vaccine: vaccines.hpv, when: first });
    doses.push({ vaccine: vaccines.hpv, when: new Date(first.getTime() + 180 * DAY) });
  }
  return doses
    .filter((d) => d.when.getTime() < end.getTime())
    .map((d) => {
      const out: Immunization = {
        resourceType: 'Immunization',
        id: c.nextId('imm'),
        meta: c.meta,
        status: d.notDone ? 'not-done' : 'completed',
      };
      if (d.notDone) out['statusReason'] = hl7('v3-ActReason', d.notDone, reasons[d.notDone]);
      out['vaccineCode'] = conceptOf(d.vaccine);
      out['patient'] = c.subject;
      if (d.encounter) out['encounter'] = refTo(d.encounter);
      out['occurrenceDateTime'] = instant(d.when);
      out['primarySource'] = true;
      if (!d.notDone) out['performer'] = [{ actor: c.gp }];
      return out;
    });
}

import { allergiesSection } from './allergies';
import { carePlansSection } from './care-plans';
import { encountersSection } from './encounters';
import { familyHistorySection } from './family-history';
import { goalsSection } from './goals';
import { immunizationsSection } from './immunizations';
import { medicationsSection } from './medications';
import { notesSection } from './notes';
import { problemsSection } from './problems';
import { proceduresSection } from './procedures';
import { resultsSection } from './results';
import { SectionSpec } from './section';

/**
 * The chart's sections, in the order a clinician reads a record. The chart page, an encounter's
 * record and the types the chart reads all come from this list: adding a section is a module in this
 * folder and a line here (README: "Adding a chart section").
 */
export const CHART_SECTIONS = [
  problemsSection,
  medicationsSection,
  allergiesSection,
  encountersSection,
  resultsSection,
  immunizationsSection,
  proceduresSection,
  carePlansSection,
  goalsSection,
  familyHistorySection,
  notesSection,
] as const satisfies readonly SectionSpec[];

type Section = (typeof CHART_SECTIONS)[number];

/** The resource types the chart's sections list, theirs and those of the lists inside them. */
export type ChartType = Section['type'] | NonNullable<Section['also']>[number]['type'];

/** A section, whichever type it lists (the page hands each its own type's resources only). */
export type AnySection = SectionSpec<ChartType>;

/**
 * The sections listed again in an encounter's record, each with what references that encounter, in
 * the order the record reads (after its observations): what was found, done, then prescribed.
 */
export const ENCOUNTER_SECTIONS: readonly AnySection[] = [
  problemsSection,
  proceduresSection,
  medicationsSection,
];

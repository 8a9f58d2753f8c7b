import { ChartType, ChartResources } from './chart-queries';
import { ChartRow } from './chart-row';
import {
  RowContext,
  allergyRow,
  carePlanRow,
  conditionRow,
  encounterRow,
  goalRow,
  immunizationRow,
  medicationRow,
  noteRow,
  procedureRow,
  reportRow,
} from './chart-rows';

/** One section of the chart as data: what it lists, what it is called, how a row reads. */
export interface SectionSpec<K extends ChartType = ChartType> {
  readonly type: K;
  readonly heading: string;
  /** As it reads after "Loading" and in "Outside your access: ...". */
  readonly what: string;
  /** Said when the loaded list is empty: what is true, never "none" for what is unknown. */
  readonly empty: string;
  /** Whether "Active only" means something: problems and prescriptions have a lifecycle, visits do not. */
  readonly filterable: boolean;
  readonly toRow: (resource: ChartResources[K], context: RowContext) => ChartRow;
}

/**
 * Checks a spec against its own type, then lets it sit in one list: the page only ever hands a
 * section's rows builder the resources of that section's own query.
 */
const spec = <K extends ChartType>(s: SectionSpec<K>): SectionSpec => s as unknown as SectionSpec;

/** The chart's sections, in the order a clinician reads a record. */
export const CHART_SECTIONS: readonly SectionSpec[] = [
  spec({
    type: 'Condition',
    heading: 'Problems',
    what: 'problems',
    empty: 'No problems recorded.',
    filterable: true,
    toRow: conditionRow,
  }),
  spec({
    type: 'MedicationRequest',
    heading: 'Medications',
    what: 'medications',
    empty: 'No medications recorded.',
    filterable: true,
    toRow: medicationRow,
  }),
  spec({
    type: 'AllergyIntolerance',
    heading: 'Allergies and intolerances',
    what: 'allergies',
    empty: 'No allergies recorded. This is not the same as no known allergies: ask the patient.',
    filterable: true,
    toRow: allergyRow,
  }),
  spec({
    type: 'Encounter',
    heading: 'Recent encounters',
    what: 'encounters',
    empty: 'No encounters recorded.',
    filterable: false,
    toRow: encounterRow,
  }),
  spec({
    type: 'DiagnosticReport',
    heading: 'Recent results',
    what: 'reports',
    empty: 'No reports recorded.',
    filterable: false,
    toRow: reportRow,
  }),
  spec({
    type: 'Immunization',
    heading: 'Immunizations',
    what: 'immunizations',
    empty: 'No immunizations recorded.',
    filterable: false,
    toRow: immunizationRow,
  }),
  spec({
    type: 'Procedure',
    heading: 'Procedures',
    what: 'procedures',
    empty: 'No procedures recorded.',
    filterable: false,
    toRow: procedureRow,
  }),
  spec({
    type: 'CarePlan',
    heading: 'Care plans',
    what: 'care plans',
    empty: 'No care plans recorded.',
    filterable: true,
    toRow: carePlanRow,
  }),
  spec({
    type: 'Goal',
    heading: 'Goals',
    what: 'goals',
    empty: 'No goals recorded.',
    filterable: true,
    toRow: goalRow,
  }),
  spec({
    type: 'DocumentReference',
    heading: 'Notes',
    what: 'notes',
    empty: 'No notes recorded.',
    filterable: false,
    toRow: noteRow,
  }),
];

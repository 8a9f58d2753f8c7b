import { ResourceOf } from '../../fhir/fhir-types';
import { ResolvedResources } from '../../fhir/format-reference';
import { SearchParams, SearchableType } from '../../fhir/search-contract';
import { ChartRow } from '../chart-row';

/** What a row builder may look things up in: the configured FHIR base, and what `_include` brought. */
export interface RowContext {
  readonly resolved: ResolvedResources;
  readonly fhirBase: string;
}

/** A search of one patient's `K`, beside the patient (and the encounter, in an encounter's record). */
export type ListQuery<K extends SearchableType> = Omit<SearchParams<K>, 'patient' | 'encounter'>;

/** One list of a patient's record: a search of one type, and how each resource reads as a row. */
export interface ChartList<K extends SearchableType = SearchableType> {
  readonly type: K;
  /** Only what the list shows, newest first where the type has a clinical date; the search contract declares every parameter. */
  readonly query: ListQuery<K>;
  /** As it reads after "Loading" and in "Outside your access: ...". */
  readonly what: string;
  /** Said when the loaded list is empty: what is true, never "none" for what is unknown. */
  readonly empty: string;
  // A method, so a list of one type stands among lists of others (parameters are then bivariant).
  toRow(resource: ResourceOf<K>, context: RowContext): ChartRow;
}

/** One section of the chart: its list, its heading, and how it reads inside an encounter's record. */
export interface SectionSpec<K extends SearchableType = SearchableType> extends ChartList<K> {
  readonly heading: string;
  /** Whether "Active only" means something: problems and prescriptions have a lifecycle, visits do not. */
  readonly filterable: boolean;
  /** Its list in an encounter's record (the type references the encounter); absent when not listed there. */
  readonly inEncounter?: Pick<ChartList<K>, 'query' | 'what' | 'empty'> & {
    readonly heading: string;
  };
}

/** Checks a section against its own type: its query takes only that type's declared parameters. */
export const defineSection = <K extends SearchableType>(spec: SectionSpec<K>): SectionSpec<K> =>
  spec;

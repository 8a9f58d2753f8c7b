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
  readonly heading: string;
  /** Only what the list shows, newest first where the type has a clinical date; the search contract declares every parameter. */
  readonly query: ListQuery<K>;
  /** As it reads after "Loading" and in "Outside your access: ...". */
  readonly what: string;
  /** Said when the loaded list is empty: what is true, never "none" for what is unknown. */
  readonly empty: string;
  /** Whether "Active only" means something: problems and prescriptions have a lifecycle, visits do not. */
  readonly filterable?: boolean;
  // A method, so a list of one type stands among lists of others (parameters are then bivariant).
  toRow(resource: ResourceOf<K>, context: RowContext): ChartRow;
}

/** One section of the chart: its list, and how it reads inside an encounter's record. */
export interface SectionSpec<K extends SearchableType = SearchableType> extends ChartList<K> {
  readonly filterable: boolean;
  /** Its list in an encounter's record (the type references the encounter); absent when not listed there. */
  readonly inEncounter?: Pick<ChartList<K>, 'heading' | 'query' | 'what' | 'empty'>;
  /** Lists of other types shown inside the section, under their own headings. */
  readonly also?: readonly ChartList[];
}

/**
 * Checks a list against its own type: its query takes only that type's declared parameters. It keeps
 * the list's own object type, which stands among lists of other types (a `ChartList<K>` would not:
 * the query's parameters make K invariant).
 */
export const defineList = <K extends SearchableType, L extends ChartList<K>>(
  list: L & ChartList<K>,
): L => list;

/** Checks a section against its own type, as defineList; its `also` lists keep their types. */
export const defineSection = <K extends SearchableType, Also extends readonly ChartList[] = []>(
  spec: SectionSpec<K> & { readonly also?: Also },
): SectionSpec<K> & { readonly also?: Also } => spec;

import type { SearchableType } from '../config.ts';
import type { DateRange } from '../dates.ts';

/** A parsed, checked search: the only thing storage ever turns into SQL. */
export interface SearchQuery {
  type: SearchableType;
  /** ANDed; each filter ORs its values. */
  filters: Filter[];
  sort: SortKey[];
  count: number;
  offset: number;
  total: 'none' | 'accurate';
  /** `_summary=count`: the total only, no entries. */
  summaryCount: boolean;
  /** `_include=Observation:subject` (or `:patient`): add the referenced patients. */
  includeSubject: boolean;
  /** `_include=MedicationRequest:medication` and the like: chart reference parameters to follow. */
  includeReferences: string[];
  /** The parameters as used, in link order: they make the self/next/previous links. */
  used: [name: string, value: string][];
  /** Parameters that were ignored (lenient handling), by name, with the reason. */
  ignored: { name: string; reason: string }[];
}

export type StringMatch = 'prefix' | 'exact' | 'contains';
export type Prefix = 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le' | 'sa' | 'eb';

export interface TokenValue {
  /** undefined: any system; '': explicitly no system (`|code`). */
  system?: string;
  /** undefined: any code in the system (`system|`). */
  code?: string;
}

export type Filter =
  | { kind: 'string'; param: 'name' | 'family' | 'given'; match: StringMatch; values: string[] }
  /** `param` of the token, date and reference kinds is always a `ParamDefinition`'s, fixed in code. */
  | { kind: 'token'; param: string; values: TokenValue[] }
  /** A token parameter with `:text`: each value is normalised words (`normalizeWords`). */
  | { kind: 'text'; param: 'code' | 'category'; values: string[] }
  | { kind: 'date'; param: string; values: ({ prefix: Prefix } & DateRange)[] }
  /** `target`: the one type the ids are of (`Patient`, `Encounter`, ...). */
  | { kind: 'reference'; param: string; target: string; ids: string[] };

export interface SortKey {
  /** `name`, `birthdate`, a date parameter of the type, `_lastUpdated` or `_id` (see `sortKeys`). */
  key: string;
  descending: boolean;
}

/** Narrowing the caller cannot see or undo: a `patient/` scope's compartment. */
export interface SearchScope {
  compartment?: string;
}

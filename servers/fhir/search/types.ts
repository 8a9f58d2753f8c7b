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
  | {
      kind: 'token';
      param: 'gender' | 'identifier' | 'code' | 'category' | 'status' | '_id';
      values: TokenValue[];
    }
  /** A token parameter with `:text`: each value is normalised words (`normalizeWords`). */
  | { kind: 'text'; param: 'code' | 'category'; values: string[] }
  | { kind: 'date'; param: 'birthdate' | 'date'; values: ({ prefix: Prefix } & DateRange)[] }
  | { kind: 'reference'; param: 'patient'; ids: string[] };

export interface SortKey {
  key: 'name' | 'birthdate' | 'date' | '_lastUpdated' | '_id';
  descending: boolean;
}

/** Narrowing the caller cannot see or undo: a `patient/` scope's compartment. */
export interface SearchScope {
  compartment?: string;
}

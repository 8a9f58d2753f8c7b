import { normalizeText } from '../text.ts';
import type { Filter, SearchQuery, SearchScope, SortKey, TokenValue } from '../search/types.ts';
import { type SpanBound, codeDateDriver, patientsOf, spanOf } from './observation-sql.ts';
import { UNDATED } from './schema.ts';

/**
 * SQL text built only from fixed fragments: the few names interpolated below (`part`, `param`,
 * `type`) come from the closed unions of `SearchQuery` and the fixed parameter definitions of
 * search/params.ts, never from the request. Every value travels in `params`.
 */
export interface BuiltSearch {
  page: string;
  count: string;
  params: unknown[];
  /** Values bound before `params` in `page` only (sort expressions that need one). */
  pageParams?: unknown[];
}

export type Param = string | number;

const tables = {
  Patient: { from: 'patient p', alias: 'p', type: 'Patient' },
  Observation: { from: 'observation o', alias: 'o', type: 'Observation' },
} as const;

/** Upper bound for a prefix range: every string that starts with `prefix` sorts below it. */
const MAX_CHAR = '\u{10ffff}';

/** Patient and Observation searches; the chart's types go through clinical-sql.ts. */
export function buildSearchSql(query: SearchQuery, scope: SearchScope): BuiltSearch {
  const type = query.type as keyof typeof tables;
  const patients = patientsOf(query, scope);
  const driver = type === 'Observation' ? codeDateDriver(query, patients) : undefined;
  // Read through the code-and-date table under the same alias: it has the rid, patient and dates
  // every other filter and the date sort refer to.
  const t = driver ? { from: 'observation_code_date o', alias: 'o' as const, type } : tables[type];
  const where: string[] = [];
  const params: Param[] = [];
  const hasPatientFilter = patients !== undefined;
  if (scope.compartment !== undefined) {
    if (query.type === 'Patient') {
      where.push(`p.rid IN (SELECT rid FROM resource WHERE type = 'Patient' AND id = ?)`);
    } else {
      where.push('o.patient = ?');
    }
    params.push(scope.compartment);
  }
  const span = patients && type === 'Observation' ? spanOf(patients) : undefined;
  for (const filter of query.filters) {
    const [sql, values] =
      filter === driver?.filter
        ? [driver.sql, driver.params]
        : filterSql(filter, t.alias, t.type, hasPatientFilter, span);
    where.push(sql);
    params.push(...values);
  }
  // The table gives an undated observation a date before all others, which no date filter may match.
  if (driver && query.filters.some((f) => f.kind === 'date')) where.push(`o.date_lo > ${UNDATED}`);
  const whereSql = where.length ? ` WHERE ${where.map((w) => `(${w})`).join(' AND ')}` : '';
  const keys = orderKeys(query.sort, type);
  const inner = keys.map((k, i) => `${k.expr} AS k${i}`).join(', ');
  // Sort and cut the page on the narrow index tables first, then fetch only that page's JSON:
  // joining the wide resource rows before the sort would read every match's JSON.
  return {
    page:
      `SELECT r.type, r.id, r.version, r.last_updated AS lastUpdated, r.compartment, r.json FROM ` +
      `(SELECT ${t.alias}.rid AS rid, ${inner} FROM ${t.from}${whereSql} ` +
      `ORDER BY ${keys.map((k, i) => `k${i}${k.dir}`).join(', ')} LIMIT ? OFFSET ?) page ` +
      `JOIN resource r ON r.rid = page.rid ORDER BY ${keys.map((k, i) => `page.k${i}${k.dir}`).join(', ')}`,
    count: `SELECT count(*) AS n FROM ${t.from}${whereSql}`,
    params,
  };
}

function filterSql(
  filter: Filter,
  alias: 'p' | 'o',
  type: string,
  hasPatientFilter: boolean,
  span: SpanBound | undefined,
): [string, Param[]] {
  switch (filter.kind) {
    case 'string': {
      const parts = filter.param === 'name' ? '' : ` AND part = '${filter.param}'`;
      const ors: string[] = [];
      const values: Param[] = [];
      for (const v of filter.values) {
        if (filter.match === 'prefix') {
          ors.push('(norm >= ? AND norm <= ?)');
          values.push(v, v + MAX_CHAR);
        } else if (filter.match === 'exact') {
          ors.push('(norm = ? AND raw = ?)');
          values.push(normalizeText(v), v);
        } else {
          ors.push(`norm LIKE ? ESCAPE '\\'`);
          values.push(`%${escapeLike(v)}%`);
        }
      }
      return [
        `p.rid IN (SELECT rid FROM patient_name WHERE (${ors.join(' OR ')})${parts})`,
        values,
      ];
    }
    case 'token':
      return tokenSql(filter.param, filter.values, alias, type, hasPatientFilter);
    case 'text': {
      // Word starts: the value follows the start of the text or a space ("% rate%" finds "heart rate").
      const likes = filter.values.map(() => `(' ' || words) LIKE ? ESCAPE '\\'`).join(' OR ');
      const tids = `SELECT tid FROM token_text WHERE param = '${filter.param}' AND (${likes})`;
      const values = filter.values.map((v) => `% ${escapeLike(v)}%`);
      // As for tokens: the patient's observations are checked one by one, or the text index drives.
      return hasPatientFilter
        ? [
            `EXISTS (SELECT 1 FROM observation_text x WHERE x.rid = o.rid AND x.tid IN (${tids}))`,
            values,
          ]
        : [`o.rid IN (SELECT rid FROM observation_text WHERE tid IN (${tids}))`, values];
    }
    case 'date':
      return filter.param === 'birthdate'
        ? dateFilterSql(filter.values, 'p.birth_lo', 'p.birth_hi')
        : dateFilterSql(filter.values, 'o.date_lo', 'o.date_hi', span);
    case 'reference':
      return filter.param === 'patient'
        ? [`o.patient IN (${marks(filter.ids.length)})`, filter.ids]
        : referenceFilterSql(filter, 'observation_ref', 'o.rid', hasPatientFilter);
  }
}

/**
 * A reference parameter other than the patient, against a table of (rid, param, 'Type/id') rows
 * (`observation_ref`, `clinical_ref`). As for tokens: with a patient the patient index drives and
 * each row is checked by primary key; without one, the (param, target) index finds the rows.
 */
export function referenceFilterSql(
  filter: Extract<Filter, { kind: 'reference' }>,
  table: 'observation_ref' | 'clinical_ref',
  rid: 'o.rid' | 'c.rid',
  hasPatientFilter: boolean,
): [string, Param[]] {
  const targets = filter.ids.map((id) => `${filter.target}/${id}`);
  const cond = `param = ? AND target IN (${marks(targets.length)})`;
  return hasPatientFilter
    ? [
        `EXISTS (SELECT 1 FROM ${table} x WHERE x.rid = ${rid} AND ${cond})`,
        [filter.param, ...targets],
      ]
    : [`${rid} IN (SELECT rid FROM ${table} WHERE ${cond})`, [filter.param, ...targets]];
}

/**
 * A date parameter's values, ORed, against the resource range held in columns `lo` and `hi`. With
 * `span` (the longest range among the rows searched), "ends after X" also says "begins after X minus
 * the span", so an index on `lo` is bounded on both sides of a date window.
 */
export function dateFilterSql(
  values: readonly ({ prefix: string } & { lo: number; hi: number })[],
  lo: string,
  hi: string,
  span?: SpanBound,
): [string, Param[]] {
  const ors: string[] = [];
  const args: Param[] = [];
  for (const v of values) {
    const [sql, bound] = datePredicate(v.prefix, lo, hi, v.lo, v.hi);
    const after = v.prefix === 'ge' ? '>=' : v.prefix === 'gt' ? '>' : undefined;
    if (span && after) {
      ors.push(`(${sql} AND ${lo} ${after} ? - ${span.sql})`);
      args.push(...bound, ...bound, ...span.params);
    } else {
      ors.push(sql);
      args.push(...bound);
    }
  }
  return [ors.join(' OR '), args];
}

/** FHIR R4 §2.21.1.1.2.1: compare the resource's range [lo, hi] with the parameter's range. */
function datePredicate(
  prefix: string,
  lo: string,
  hi: string,
  pLo: number,
  pHi: number,
): [string, Param[]] {
  switch (prefix) {
    case 'ne':
      return [`NOT (${lo} >= ? AND ${hi} <= ?)`, [pLo, pHi]];
    case 'gt':
      return [`${hi} > ?`, [pHi]];
    case 'lt':
      return [`${lo} < ?`, [pLo]];
    case 'ge':
      return [`${hi} >= ?`, [pLo]];
    case 'le':
      return [`${lo} <= ?`, [pHi]];
    case 'sa':
      return [`${lo} > ?`, [pHi]];
    case 'eb':
      return [`${hi} < ?`, [pLo]];
    default:
      return [`(${lo} >= ? AND ${hi} <= ?)`, [pLo, pHi]];
  }
}

function tokenSql(
  param: string,
  values: TokenValue[],
  alias: 'p' | 'o',
  type: string,
  hasPatientFilter: boolean,
): [string, Param[]] {
  const codes = values.map((v) => v.code ?? '');
  switch (param) {
    case '_id':
      return [
        `${alias}.rid IN (SELECT rid FROM resource WHERE type = '${type}' AND id IN (${marks(codes.length)}))`,
        codes,
      ];
    case 'gender':
      return [`p.gender IN (${marks(codes.length)})`, codes];
    case 'status':
      return [`o.status IN (${marks(codes.length)})`, codes];
    case 'identifier': {
      const [cond, args] = systemCode(values, 'value');
      return [`p.rid IN (SELECT rid FROM identifier WHERE type = 'Patient' AND (${cond}))`, args];
    }
    default: {
      const [cond, args] = systemCode(values, 'code');
      // With a patient filter the patient index drives and each row is checked by primary key;
      // without one, the code index finds the rows.
      return hasPatientFilter
        ? [
            `EXISTS (SELECT 1 FROM observation_token t WHERE t.rid = o.rid AND t.param = '${param}' AND (${cond}))`,
            args,
          ]
        : [
            `o.rid IN (SELECT rid FROM observation_token WHERE param = '${param}' AND (${cond}))`,
            args,
          ];
    }
  }
}

export function systemCode(values: TokenValue[], column: 'code' | 'value'): [string, Param[]] {
  const ors: string[] = [];
  const args: Param[] = [];
  for (const v of values) {
    const parts: string[] = [];
    if (v.code !== undefined) {
      parts.push(`${column} = ?`);
      args.push(v.code);
    }
    if (v.system !== undefined) {
      parts.push('system = ?');
      args.push(v.system);
    }
    ors.push(`(${parts.join(' AND ')})`);
  }
  return [ors.join(' OR '), args];
}

function orderKeys(
  sort: SortKey[],
  type: 'Patient' | 'Observation',
): { expr: string; dir: string }[] {
  const alias = type === 'Patient' ? 'p' : 'o';
  const keys: SortKey[] = sort.length
    ? sort
    : [{ key: type === 'Patient' ? 'name' : 'date', descending: type === 'Observation' }];
  const out: { expr: string; dir: string }[] = [];
  for (const k of keys) {
    const dir = k.descending ? ' DESC' : '';
    const exprs =
      k.key === 'name'
        ? ['p.family', 'p.given']
        : k.key === 'birthdate'
          ? ['p.birth_lo']
          : k.key === 'date'
            ? ['o.date_lo']
            : k.key === '_lastUpdated'
              ? [`${alias}.last_updated`]
              : [`(SELECT id FROM resource WHERE rid = ${alias}.rid)`];
    out.push(...exprs.map((expr) => ({ expr, dir })));
  }
  // A unique last key makes paging stable; same direction as the first key so one index serves both.
  out.push({ expr: `${alias}.rid`, dir: keys[0]?.descending ? ' DESC' : '' });
  return out;
}

/** A value inside a LIKE pattern matches only itself: `%`, `_` and `\` are escaped. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function marks(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

import { clinical, type ClinicalType } from '../search/clinical.ts';
import type { Filter, SearchQuery, SearchScope, SortKey } from '../search/types.ts';
import {
  dateFilterSql,
  marks,
  referenceFilterSql,
  systemCode,
  type BuiltSearch,
} from './search-sql.ts';

type Param = string | number;

/**
 * Searches of the chart's types over the one generic index (`clinical` and its token, date and
 * reference tables). The SQL text is made of the fixed fragments below only: every value, the type
 * and parameter names included, travels in `params`. `type + patient + date order` is served by the
 * `clinical_by_patient_date` index, so a patient's chart section is an index range walk.
 */
export function buildClinicalSql(query: SearchQuery, scope: SearchScope): BuiltSearch {
  const type = query.type as ClinicalType;
  const from = 'clinical c';
  const where: string[] = ['c.type = ?'];
  const params: Param[] = [type];
  const hasPatientFilter =
    scope.compartment !== undefined ||
    query.filters.some((f) => f.kind === 'reference' && f.param === 'patient');
  if (scope.compartment !== undefined) {
    // Filled by compartmentOf, as is the resource.compartment a read checks: they cannot disagree.
    where.push('c.patient = ?');
    params.push(scope.compartment);
  }
  for (const filter of query.filters) {
    const [sql, values] = filterSql(filter, type, hasPatientFilter);
    where.push(sql);
    params.push(...values);
  }
  const whereSql = ` WHERE ${where.map((w) => `(${w})`).join(' AND ')}`;
  const pageParams: Param[] = [];
  const keys = orderKeys(query.sort, type, pageParams);
  const inner = keys.map((k, i) => `${k.expr} AS k${i}`).join(', ');
  return {
    page:
      `SELECT r.type, r.id, r.version, r.last_updated AS lastUpdated, r.compartment, r.json FROM ` +
      `(SELECT c.rid AS rid, ${inner} FROM ${from}${whereSql} ` +
      `ORDER BY ${keys.map((k, i) => `k${i}${k.dir}`).join(', ')} LIMIT ? OFFSET ?) page ` +
      `JOIN resource r ON r.rid = page.rid ORDER BY ${keys.map((k, i) => `page.k${i}${k.dir}`).join(', ')}`,
    count: `SELECT count(*) AS n FROM ${from}${whereSql}`,
    params,
    pageParams,
  };
}

function filterSql(
  filter: Filter,
  type: ClinicalType,
  hasPatientFilter: boolean,
): [string, Param[]] {
  switch (filter.kind) {
    case 'reference': {
      if (filter.param === 'patient')
        return [`c.patient IN (${marks(filter.ids.length)})`, filter.ids];
      return referenceFilterSql(filter, 'clinical_ref', 'c.rid', hasPatientFilter);
    }
    case 'token': {
      const codes = filter.values.map((v) => v.code ?? '');
      if (filter.param === '_id') {
        return [
          `c.rid IN (SELECT rid FROM resource WHERE type = ? AND id IN (${marks(codes.length)}))`,
          [type, ...codes],
        ];
      }
      const [cond, args] = systemCode(filter.values, 'code');
      // As for observations: with a patient the main index drives and each row is checked by its
      // primary key; without one, the code index finds the rows.
      return hasPatientFilter
        ? [
            `EXISTS (SELECT 1 FROM clinical_token t WHERE t.rid = c.rid AND t.param = ? AND (${cond}))`,
            [filter.param, ...args],
          ]
        : [
            `c.rid IN (SELECT rid FROM clinical_token WHERE param = ? AND (${cond}))`,
            [filter.param, ...args],
          ];
    }
    case 'date': {
      const main = filter.param === clinical[type].date.param;
      const [lo, hi] = main ? ['c.date_lo', 'c.date_hi'] : ['d.lo', 'd.hi'];
      const [ors, values] = dateFilterSql(filter.values, lo, hi);
      return main
        ? [ors, values]
        : [
            `EXISTS (SELECT 1 FROM clinical_date d WHERE d.rid = c.rid AND d.param = ? AND (${ors}))`,
            [filter.param, ...values],
          ];
    }
    case 'string':
    case 'text':
      // No chart parameter is declared with these kinds; the parser never builds one.
      throw new Error(`${filter.kind} filters are not declared for ${type}`);
  }
}

function orderKeys(
  sort: SortKey[],
  type: ClinicalType,
  pageParams: Param[],
): { expr: string; dir: string }[] {
  const main = clinical[type].date.param;
  // Newest first by the clinical date, as the chart lists it.
  const keys: SortKey[] = sort.length ? sort : [{ key: main, descending: true }];
  const out: { expr: string; dir: string }[] = [];
  for (const k of keys) {
    const dir = k.descending ? ' DESC' : '';
    if (k.key === main) out.push({ expr: 'c.date_lo', dir });
    else if (k.key === '_lastUpdated') out.push({ expr: 'c.last_updated', dir });
    else if (k.key === '_id')
      out.push({ expr: '(SELECT id FROM resource WHERE rid = c.rid)', dir });
    else {
      // Another date parameter: its earliest value (descending: its latest).
      const fn = k.descending ? 'max(hi)' : 'min(lo)';
      out.push({ expr: `(SELECT ${fn} FROM clinical_date WHERE rid = c.rid AND param = ?)`, dir });
      pageParams.push(k.key);
    }
  }
  out.push({ expr: 'c.rid', dir: keys[0]?.descending ? ' DESC' : '' });
  return out;
}

import { defaults, type SearchableType } from '../config.ts';
import { parseFhirDate } from '../dates.ts';
import { BadRequest } from '../errors.ts';
import { normalizeText, normalizeWords } from '../text.ts';
import { clinicalInclude, clinicalIncludes } from './clinical-params.ts';
import type { ParamDefinition } from './param-definitions.ts';
import { formatParams, searchParams, sortKeys } from './params.ts';
import type { Filter, Prefix, SearchQuery, SortKey, StringMatch, TokenValue } from './types.ts';

const prefixes: readonly Prefix[] = ['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb'];
const idPattern = /^[A-Za-z0-9\-.]{1,64}$/;

/** A parameter we cannot honour; strict handling turns it into a 400, lenient into a warning. */
class Refusal extends Error {
  constructor(
    readonly param: string,
    readonly reason: string,
    readonly unknown: boolean,
  ) {
    super(reason);
  }
}

/**
 * Parses a search into a checked `SearchQuery`. FHIR R4 §3.1.1.4.5 (`Prefer: handling`): with
 * `strict`, an unknown parameter or an unusable value is a 400 naming the parameter; otherwise it is
 * ignored, left out of the self link (which shows what was actually used) and reported as a warning.
 * `baseUrl`: this server's base, under which a reference value may be an absolute URL.
 */
export function parseSearch(
  type: SearchableType,
  entries: [string, string][],
  strict: boolean,
  baseUrl?: string,
): SearchQuery {
  const query: SearchQuery = {
    type,
    filters: [],
    sort: [],
    count: defaults.defaultCount,
    offset: 0,
    total: 'accurate',
    summaryCount: false,
    includeSubject: false,
    includeReferences: [],
    used: [],
    ignored: [],
  };
  const results = new Map<string, string>();
  // A hard limit, strict or not: ignoring filters would widen the answer the client asked for.
  if (entries.length > defaults.maxSearchParameters) {
    throw new BadRequest(
      `A search may have at most ${defaults.maxSearchParameters} parameters`,
      'too-costly',
    );
  }
  for (const [name, value] of entries) {
    // FHIR: a parameter with an empty value is ignored.
    if (value === '' || (formatParams as readonly string[]).includes(name)) continue;
    try {
      if (name.startsWith('_') && name !== '_id') {
        applyResultParam(query, type, name, value);
        results.set(name, value);
      } else {
        query.filters.push(parseFilter(type, name, value, baseUrl));
        query.used.push([name, value]);
      }
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      if (strict) {
        throw new BadRequest(
          `${e.reason} (Prefer: handling=strict)`,
          e.unknown ? 'not-supported' : 'value',
        );
      }
      query.ignored.push({ name: e.param, reason: e.reason });
    }
  }
  // Result parameters go after the filters in a fixed order, so links are canonical.
  for (const name of ['_sort', '_include', '_total', '_summary']) {
    const value = results.get(name);
    if (value !== undefined) query.used.push([name, value]);
  }
  return query;
}

function applyResultParam(q: SearchQuery, type: SearchableType, name: string, value: string): void {
  switch (name) {
    case '_count':
    case '_offset': {
      if (!/^\d{1,9}$/.test(value))
        throw new Refusal(name, `'${name}' must be a non-negative integer`, false);
      if (name === '_count') q.count = Math.min(Number(value), defaults.maxCount);
      else q.offset = Number(value);
      return;
    }
    case '_sort': {
      const keys: SortKey[] = [];
      for (const part of value.split(',')) {
        const descending = part.startsWith('-');
        const key = descending ? part.slice(1) : part;
        if (!(sortKeys[type] as readonly string[]).includes(key)) {
          throw new Refusal(name, `'_sort' by '${key}' is not supported for ${type}`, false);
        }
        keys.push({ key, descending });
      }
      q.sort = keys;
      return;
    }
    case '_total':
      if (!['none', 'estimate', 'accurate'].includes(value)) {
        throw new Refusal(name, `'_total' must be none, estimate or accurate`, false);
      }
      q.total = value === 'none' ? 'none' : 'accurate';
      return;
    case '_summary':
      if (value !== 'count' && value !== 'false') {
        throw new Refusal(name, `'_summary' supports only count and false`, false);
      }
      q.summaryCount = value === 'count';
      return;
    case '_include': {
      const include = clinicalInclude(type, value);
      if (include) {
        q.includeReferences = [include];
        return;
      }
      if (type !== 'Observation' || !/^Observation:(subject|patient)(:Patient)?$/.test(value)) {
        const supported = ['Observation:subject', 'Observation:patient', ...clinicalIncludes(type)];
        throw new Refusal(name, `'_include' supports only ${supported.join(', ')}`, false);
      }
      q.includeSubject = true;
      return;
    }
    default:
      throw new Refusal(name, `Unknown search parameter '${name}' for ${type}`, true);
  }
}

function parseFilter(
  type: SearchableType,
  name: string,
  value: string,
  baseUrl: string | undefined,
): Filter {
  const [base = '', modifier] = name.split(':', 2);
  const def: ParamDefinition | undefined = searchParams[type].get(base);
  if (!def) throw new Refusal(name, `Unknown search parameter '${base}' for ${type}`, true);
  if (modifier !== undefined && !def.modifiers.includes(modifier)) {
    throw new Refusal(name, `Search parameter '${name}': modifier not supported`, true);
  }
  const values = splitOr(value);
  if (values.length > defaults.maxSearchValues) {
    throw new BadRequest(
      `Search parameter '${base}' may have at most ${defaults.maxSearchValues} comma-separated values`,
      'too-costly',
    );
  }
  const bad = (what: string): Refusal =>
    new Refusal(name, `Invalid value for '${name}': ${what}`, false);
  switch (def.kind) {
    case 'string': {
      const match: StringMatch =
        modifier === 'exact' ? 'exact' : modifier === 'contains' ? 'contains' : 'prefix';
      const texts = values.map(unescape).map((v) => (match === 'exact' ? v : normalizeText(v)));
      if (texts.some((t) => t === '')) throw bad('empty text');
      // SQLite's LIKE stops at a NUL, so `a%00b` would search for `a`: a wider answer than asked for.
      if (texts.some((t) => t.includes('\u0000'))) throw bad('control characters');
      return { kind: 'string', param: def.param as 'name', match, values: texts };
    }
    case 'token': {
      if (modifier === 'text') {
        const words = values.map(unescape).map(normalizeWords);
        if (words.some((w) => w === '')) throw bad('no letters or digits to match');
        return { kind: 'text', param: def.param as 'code', values: words };
      }
      const tokens = values.map(parseToken);
      if (
        def.param === '_id' &&
        tokens.some((t) => t.code === undefined || !idPattern.test(t.code))
      ) {
        throw bad('expected resource ids');
      }
      if (tokens.some((t) => t.code === undefined && !t.system)) throw bad('empty token');
      return { kind: 'token', param: def.param, values: tokens };
    }
    case 'date': {
      const ranges = values.map((v) => {
        const p = prefixes.find((x) => v.startsWith(x));
        const range = parseFhirDate(p ? v.slice(2) : v);
        if (!range) throw bad('expected [prefix]YYYY[-MM[-DD[Thh:mm[:ss][Z|+hh:mm]]]]');
        return { prefix: p ?? 'eq', ...range };
      });
      return { kind: 'date', param: def.param, values: ranges };
    }
    case 'reference': {
      const target = def.target ?? 'Patient';
      // FHIR R4 reference search: `Type/id`, `id`, or the absolute URL of a resource on this server.
      const forms = [`${target}/`, ...(baseUrl ? [`${baseUrl}/${target}/`] : [])];
      const ids = values.map((v) => {
        const form = forms.find((f) => v.startsWith(f)) ?? '';
        const id = v.slice(form.length);
        if (!idPattern.test(id)) throw bad(`expected ${target}/[id] or [id]`);
        return id;
      });
      return { kind: 'reference', param: def.param, target, ids };
    }
  }
}

/** Splits on unescaped commas (FHIR escapes `\,` `\|` `\$` `\\` in values). */
function splitOr(value: string): string[] {
  return value.split(/(?<!\\),/);
}

function unescape(s: string): string {
  return s.replace(/\\([,|$\\])/g, '$1');
}

function parseToken(raw: string): TokenValue {
  const bar = raw.search(/(?<!\\)\|/);
  if (bar < 0) return { code: unescape(raw) };
  const system = unescape(raw.slice(0, bar));
  const code = unescape(raw.slice(bar + 1));
  return code === '' ? { system } : { system, code };
}

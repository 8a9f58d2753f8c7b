/**
 * The app's search contract (src/app/fhir/search-contract.ts: every parameter, modifier, sort and page
 * size the app sends) against the local FHIR server: its CapabilityStatement from GET /metadata, and
 * its search parser under strict handling. The server ignores what it does not support, so without
 * this test a parameter dropped from the server would quietly give clinicians unfiltered lists.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  SEARCH_CONTRACT,
  type ResourceSearchContract,
  type SearchParamType,
} from '../src/app/fhir/search-contract.ts';
import { isSearchableType } from './fhir/config.ts';
import { isPatientBound, patientElement } from './fhir/store/compartment.ts';
import { FhirError } from './fhir/errors.ts';
import { parseSearch } from './fhir/search/parse.ts';
import { startHarness, type Harness } from '../test-support/fhir.ts';

interface SearchParamStatement {
  name: string;
  type: string;
  documentation: string;
}
interface CapabilityStatement {
  rest: {
    resource: {
      type: string;
      interaction: { code: string }[];
      searchParam?: SearchParamStatement[];
      searchInclude?: string[];
    }[];
  }[];
}

/**
 * Values of each shape the app sends: a typed name prefix (patient-search.ts); a gender, an MRN, a
 * category, a LOINC code bare or with its system; words for `:text`; partial birth dates and the
 * ge/le bounds of a date range (observation-filters.ts); a bare patient id.
 */
const SAMPLES: Record<SearchParamType | 'text', string[]> = {
  string: ['smi', 'maría gar'],
  token: ['female', 'MRN-1', 'vital-signs', '8867-4', 'http://loinc.org|8867-4'],
  text: ['heart rate'],
  date: ['1982', '1982-02', '1982-02-21', 'ge2020-01-01', 'le2020-12-31'],
  reference: ['pat-0001'],
};

const contracts = Object.entries(SEARCH_CONTRACT) as [string, ResourceSearchContract][];

/** `code:text` → ['code', 'text']; `name` → ['name', undefined]. */
function split(sent: string): [string, string | undefined] {
  const [base = '', modifier] = sent.split(':', 2);
  return [base, modifier];
}

/** The sample values for a parameter as the app sends it: words for `:text`, else by its type. */
function samplesFor(sent: string, fhirType: SearchParamType): string[] {
  return split(sent)[1] === 'text' ? SAMPLES.text : SAMPLES[fhirType];
}

/** Parses one parameter as a strict server would; a refusal fails the test, in the server's words. */
function parse(type: string, name: string, value: string) {
  assert.ok(isSearchableType(type), `the app searches ${type}, which the server cannot search`);
  try {
    return parseSearch(type, [[name, value]], true);
  } catch (e) {
    if (!(e instanceof FhirError)) throw e;
    assert.fail(`the app sends ${type}?${name}=${value}; the server refuses it: ${e.message}`);
  }
}

describe('the app searches only with what the FHIR server supports', () => {
  let h: Harness;
  let statement: CapabilityStatement;
  before(async () => {
    h = await startHarness();
    statement = (await (await h.get('/metadata')).json()) as CapabilityStatement;
  });
  after(() => h.close());

  /** The CapabilityStatement's search parameters for a type; fails if it cannot be searched. */
  function stated(type: string): Map<string, SearchParamStatement> {
    const resource = statement.rest[0]?.resource.find((r) => r.type === type);
    assert.ok(resource, `the CapabilityStatement does not list ${type}`);
    assert.ok(
      resource.interaction.some((i) => i.code === 'search-type'),
      `the CapabilityStatement does not offer search of ${type}`,
    );
    return new Map((resource.searchParam ?? []).map((p) => [p.name, p]));
  }

  for (const [type, contract] of contracts) {
    it(`${type}: the app reads whose record it is from the element the server files it under`, () => {
      const server = isPatientBound(type) ? patientElement[type] : undefined;
      assert.equal(contract.patientElement, server);
    });

    it(`${type}: the CapabilityStatement states each parameter the app sends, with its type and modifier`, () => {
      const params = stated(type);
      for (const [sent, fhirType] of Object.entries(contract.params)) {
        const [base, modifier] = split(sent);
        const param = params.get(base);
        assert.ok(param, `the app sends ${type}?${sent}; the CapabilityStatement has no '${base}'`);
        assert.equal(param.type, fhirType, `${type}?${base} is a ${param.type} parameter`);
        if (modifier !== undefined) {
          const modifiers = [...param.documentation.matchAll(/; :(\w+) matches/g)].map((m) => m[1]);
          assert.ok(modifiers.includes(modifier), `${type}?${base} has no :${modifier}`);
        }
      }
    });

    it(`${type}: the CapabilityStatement states each sort the app sends, and pages as large as it asks for`, () => {
      const params = stated(type);
      // _sort's documentation ends with its keys: "...: name | birthdate | _lastUpdated | _id".
      const keys = params.get('_sort')?.documentation.split(': ').at(-1)?.split(' | ') ?? [];
      for (const sort of contract.sorts) {
        assert.ok(keys.includes(sort.replace(/^-/, '')), `${type}?_sort=${sort}: not in ${keys}`);
      }
      const largest = Number(/at most (\d+)/.exec(params.get('_count')?.documentation ?? '')?.[1]);
      assert.ok(
        largest >= contract.maxCount,
        `${type}?_count=${contract.maxCount}: at most ${largest}`,
      );
    });

    it(`${type}: the CapabilityStatement states each _include the app sends, and the parser uses it`, () => {
      stated(type);
      const resource = statement.rest[0]?.resource.find((r) => r.type === type);
      for (const include of contract.includes ?? []) {
        assert.ok(
          resource?.searchInclude?.includes(include),
          `the app sends ${type}?_include=${include}; the CapabilityStatement does not list it`,
        );
        assert.deepEqual(parse(type, '_include', include).used, [['_include', include]]);
      }
    });

    it(`${type}: the server's parser takes each parameter the app sends, in each shape it sends`, () => {
      for (const [sent, fhirType] of Object.entries(contract.params)) {
        for (const value of samplesFor(sent, fhirType)) {
          const query = parse(type, sent, value);
          // Used, not merely tolerated: a dropped parameter would be missing from the self link.
          assert.deepEqual(query.used, [[sent, value]], `${type}?${sent}=${value} was not used`);
          assert.equal(query.filters.length, 1, `${type}?${sent}=${value} filters nothing`);
        }
      }
    });

    it(`${type}: the server's parser takes each sort the app sends, and does not shorten its pages`, () => {
      for (const sort of contract.sorts) {
        const key = sort.replace(/^-/, '');
        assert.deepEqual(parse(type, '_sort', sort).sort, [{ key, descending: sort !== key }]);
      }
      const count = String(contract.maxCount);
      assert.equal(
        parse(type, '_count', count).count,
        contract.maxCount,
        `${type}?_count=${count}`,
      );
    });
  }

  it('the server answers a search with everything the app sends at once, under strict handling', async () => {
    const token = await h.token();
    for (const [type, contract] of contracts) {
      const query = new URLSearchParams(
        Object.entries(contract.params).map(([sent, fhirType]) => [
          sent,
          samplesFor(sent, fhirType)[0] ?? '',
        ]),
      );
      const [sort] = contract.sorts;
      if (sort) query.append('_sort', sort);
      for (const include of contract.includes ?? []) query.append('_include', include);
      query.append('_count', String(contract.maxCount));
      const res = await h.get(`/${type}?${query}`, token, { Prefer: 'handling=strict' });
      if (res.status !== 200) assert.fail(`${type}?${query} -> ${res.status}: ${await res.text()}`);
    }
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { link, startHarness, type Bundle, type Harness } from '../../../test-support/fhir.ts';

type Json = Record<string, unknown>;

describe('FHIR search parameters', () => {
  let h: Harness;
  let token: string;
  let pat: Json;
  const search = async (path: string, headers: Record<string, string> = {}): Promise<Bundle> => {
    const res = await h.get(path, token, headers);
    assert.equal(res.status, 200, `${path} -> ${res.status}`);
    return (await res.json()) as Bundle;
  };
  const ids = (b: Bundle): string[] => (b.entry ?? []).map((e) => String(e.resource['id']));
  before(async () => {
    h = await startHarness();
    token = await h.token();
    pat = (await (await h.get('/Patient/pat-0007', token)).json()) as Json;
  });
  after(() => h.close());

  const nameOf = (): { family: string; given: string[] } =>
    (pat['name'] as { family: string; given: string[] }[])[0] ?? { family: '', given: [] };

  it('family, given and name match case- and accent-insensitive prefixes', async () => {
    const { family, given } = nameOf();
    const f = family.slice(0, 3).toLowerCase();
    assert.ok(
      ids(await search(`/Patient?family=${encodeURIComponent(f)}&_count=200`)).includes('pat-0007'),
    );
    const g = (given[0] ?? '').normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
    assert.ok(
      ids(await search(`/Patient?given=${encodeURIComponent(g)}&_count=200`)).includes('pat-0007'),
    );
    const whole = `${given.join(' ')} ${family.slice(0, 2)}`;
    assert.ok(ids(await search(`/Patient?name=${encodeURIComponent(whole)}`)).includes('pat-0007'));
    const none = await search(`/Patient?family=${encodeURIComponent(given[0] ?? '')}zzz`);
    assert.equal(none.total, 0);
  });

  it('name:exact needs the exact text and name:contains matches inside a name', async () => {
    const { family } = nameOf();
    assert.ok(
      ids(await search(`/Patient?family:exact=${encodeURIComponent(family)}&_count=200`)).includes(
        'pat-0007',
      ),
    );
    const lower = await search(`/Patient?family:exact=${encodeURIComponent(family.toLowerCase())}`);
    assert.ok(!ids(lower).includes('pat-0007'));
    const inner = family.slice(1, 4);
    assert.ok(
      ids(await search(`/Patient?name:contains=${encodeURIComponent(inner)}&_count=200`)).includes(
        'pat-0007',
      ),
    );
  });

  it('birthdate takes prefixes and partial dates', async () => {
    const birth = String(pat['birthDate']);
    assert.ok(ids(await search(`/Patient?birthdate=${birth}`)).includes('pat-0007'));
    assert.ok(
      ids(await search(`/Patient?birthdate=${birth.slice(0, 4)}&_count=200`)).includes('pat-0007'),
    );
    assert.ok(
      ids(await search(`/Patient?birthdate=${birth.slice(0, 7)}&_count=200`)).includes('pat-0007'),
    );
    const year = Number(birth.slice(0, 4));
    const ranged = await search(`/Patient?birthdate=ge${year}&birthdate=le${year}&_count=200`);
    assert.ok(ids(ranged).includes('pat-0007'));
    for (const e of ranged.entry ?? [])
      assert.equal(String(e.resource['birthDate']).slice(0, 4), String(year));
    const after = await search(`/Patient?birthdate=gt${birth}&_count=200`);
    for (const e of after.entry ?? []) assert.ok(String(e.resource['birthDate']) > birth);
    const before = await search(`/Patient?birthdate=lt${birth}&_count=200`);
    for (const e of before.entry ?? []) assert.ok(String(e.resource['birthDate']) < birth);
    const ne = await search(`/Patient?birthdate=ne${birth}&_count=200`);
    assert.ok(!ids(ne).includes('pat-0007'));
  });

  it('gender, identifier (system|value or value) and _id', async () => {
    const male = await search('/Patient?gender=male&_summary=count');
    const female = await search('/Patient?gender=female&_summary=count');
    assert.equal((male.total ?? 0) + (female.total ?? 0), 120);
    const mrn = (pat['identifier'] as { value: string }[])[0]?.value ?? '';
    assert.deepEqual(
      ids(await search(`/Patient?identifier=urn:oid:2.16.840.1.113883.19.5|${mrn}`)),
      ['pat-0007'],
    );
    assert.deepEqual(ids(await search(`/Patient?identifier=${mrn}`)), ['pat-0007']);
    assert.equal((await search(`/Patient?identifier=urn:other|${mrn}`)).total, 0);
    assert.deepEqual(ids(await search('/Patient?_id=pat-0003,pat-0004&_sort=_id')), [
      'pat-0003',
      'pat-0004',
    ]);
  });

  it('sorts by birthdate either way and by _lastUpdated', async () => {
    const asc = await search('/Patient?_sort=birthdate&_count=200');
    const births = (asc.entry ?? []).map((e) => String(e.resource['birthDate']));
    assert.deepEqual(births, [...births].sort());
    const desc = await search('/Patient?_sort=-birthdate&_count=200');
    assert.deepEqual(
      (desc.entry ?? []).map((e) => String(e.resource['birthDate'])),
      [...births].reverse().sort().reverse(),
    );
    await search('/Observation?patient=pat-0001&_sort=-_lastUpdated');
  });

  it('Observation code, category, status and date filters', async () => {
    const hr = await search(
      '/Observation?patient=pat-0001&code=http://loinc.org|8867-4&_count=200',
    );
    assert.ok((hr.total ?? 0) > 3);
    for (const e of hr.entry ?? []) {
      assert.equal(
        (e.resource['code'] as { coding: { code: string }[] }).coding[0]?.code,
        '8867-4',
      );
    }
    const either = await search('/Observation?patient=pat-0001&code=8867-4,9279-1&_summary=count');
    const rr = await search('/Observation?patient=pat-0001&code=9279-1&_summary=count');
    assert.equal(either.total, (hr.total ?? 0) + (rr.total ?? 0));
    const wrongSystem = await search(
      '/Observation?patient=pat-0001&code=http://snomed.info/sct|8867-4',
    );
    assert.equal(wrongSystem.total, 0);
    const labs = await search('/Observation?patient=pat-0001&category=laboratory&_count=200');
    const vitals = await search(
      '/Observation?patient=pat-0001&category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs&_summary=count',
    );
    const all = await search('/Observation?patient=pat-0001&_summary=count');
    assert.equal((labs.total ?? 0) + (vitals.total ?? 0), all.total);
    assert.equal(
      (await search('/Observation?patient=pat-0001&status=final&_summary=count')).total,
      all.total,
    );
    assert.equal(
      (await search('/Observation?patient=pat-0001&status=amended&_summary=count')).total,
      0,
    );
    const y = await search(
      '/Observation?patient=pat-0001&date=ge2025-01-01&date=lt2026&_count=200',
    );
    assert.ok((y.total ?? 0) > 0);
    for (const e of y.entry ?? [])
      assert.equal(String(e.resource['effectiveDateTime']).slice(0, 4), '2025');
    const sameYear = await search('/Observation?patient=pat-0001&date=2025&_summary=count');
    assert.equal(sameYear.total, y.total);
  });

  it('_include=Observation:subject adds the patient once, marked include', async () => {
    const b = await search('/Observation?patient=pat-0002&_count=5&_include=Observation:subject');
    const modes = (b.entry ?? []).map(
      (e) => `${e.search.mode}:${String(e.resource['resourceType'])}`,
    );
    assert.deepEqual(
      modes.filter((m) => m.startsWith('include')),
      ['include:Patient'],
    );
    assert.equal(modes.filter((m) => m === 'match:Observation').length, 5);
    assert.match(link(b, 'next') ?? '', /_include=Observation:subject/);
  });

  it('_summary=count gives a total and no entries; _total=none gives entries and no total', async () => {
    const c = await search('/Patient?_summary=count');
    assert.equal(c.total, 120);
    assert.equal(c.entry, undefined);
    const n = await search('/Patient?_total=none&_count=10');
    assert.equal(n.total, undefined);
    assert.equal(n.entry?.length, 10);
    assert.ok(link(n, 'next'));
  });

  it('gives the same total on a full page, a last short page, an empty page past the end and with _summary=count', async () => {
    const path = '/Observation?patient=pat-0002&category=vital-signs';
    const total = await h.count(path, token);
    assert.ok(total > 7, `pat-0002 has ${total} vital signs`);
    const pages = [
      { count: 5, offset: 0 }, // full: the total has to be counted
      { count: total, offset: 0 }, // exactly full
      { count: total + 5, offset: 0 }, // short: the page itself ends the matches
      { count: 5, offset: total - 2 }, // a short last page
      { count: 5, offset: total }, // empty, just past the end
      { count: 5, offset: total + 50 }, // empty, far past the end
    ];
    for (const { count, offset } of pages) {
      const b = await search(`${path}&_count=${count}&_offset=${offset}`);
      assert.equal(b.total, total, `_count=${count}&_offset=${offset}`);
      assert.equal(b.entry?.length ?? 0, Math.max(0, Math.min(count, total - offset)));
    }
    const none = await search('/Patient?family=Nosuchfamilyname');
    assert.equal(none.total, 0);
    assert.equal(none.entry, undefined);
  });

  it('caps _count at 200 and says so in the self link', async () => {
    const b = await search('/Observation?patient=pat-0001&_count=5000');
    assert.ok((b.entry?.length ?? 0) <= 200);
    assert.match(link(b, 'self') ?? '', /_count=200/);
  });

  it('links round-trip exactly with several parameters', async () => {
    const first = await search(
      '/Observation?patient=Patient/pat-0003&code=http://loinc.org|8867-4,http://loinc.org|9279-1&date=ge2023&_sort=-date&_count=3',
    );
    let url = link(first, 'next');
    for (let i = 0; i < 3 && url; i++) {
      const page = await search(url);
      assert.equal(link(page, 'self'), url);
      const prev = link(page, 'previous');
      assert.ok(prev);
      assert.equal(link(await search(prev), 'self'), prev);
      url = link(page, 'next');
    }
  });

  it('ignores an unknown parameter leniently, leaves it out of the self link and warns', async () => {
    const b = await search('/Patient?foo=bar&gender=female&_count=5');
    assert.equal(link(b, 'self')?.includes('foo'), false);
    assert.match(link(b, 'self') ?? '', /gender=female/);
    const outcome = (b.entry ?? []).find((e) => e.search.mode === 'outcome');
    assert.match(JSON.stringify(outcome?.resource), /foo/);
  });

  it('treats a parameter named like an object built-in as unknown: a warning, or 400 when strict', async () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const b = await search(`/Observation?${name}=x&patient=pat-0001&_summary=count`);
      const outcome = (b.entry ?? []).find((e) => e.search.mode === 'outcome');
      assert.match(
        JSON.stringify(outcome?.resource),
        new RegExp(`Unknown search parameter '${name}'`),
      );
      const strict = await h.get(`/Patient?${name}:exact=x`, token, { Prefer: 'handling=strict' });
      assert.equal(strict.status, 400, name);
    }
  });

  it('refuses an unknown or malformed parameter with 400 under Prefer: handling=strict', async () => {
    const strict = { Prefer: 'handling=strict' };
    for (const [path, name] of [
      ['/Patient?foo=bar', 'foo'],
      ['/Patient?birthdate=yesterday', 'birthdate'],
      ['/Patient?_sort=color', '_sort'],
      ['/Patient?name:fuzzy=x', 'name:fuzzy'],
      ['/Observation?_count=many', '_count'],
      ['/Patient?_include=Observation:subject', '_include'],
    ] as const) {
      const res = await h.get(path, token, strict);
      assert.equal(res.status, 400, path);
      const body = (await res.json()) as { resourceType: string; issue: { diagnostics: string }[] };
      assert.equal(body.resourceType, 'OperationOutcome');
      assert.ok(body.issue[0]?.diagnostics.includes(name), `${path} names ${name}`);
    }
    assert.equal((await h.get('/Patient?gender=male', token, strict)).status, 200);
  });

  it('treats hostile values as data, never as SQL', async () => {
    const b = await search(`/Patient?name=${encodeURIComponent("x' OR 1=1 --")}`);
    assert.equal(b.total, 0);
    const c = await search(`/Patient?name:contains=${encodeURIComponent('%')}`);
    assert.equal(c.total, 0);
  });

  it('answers 404 for an unknown type and 405 for searching a read-only type', async () => {
    const unknown = await h.get('/Spaceship?x=1', token);
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as Json)['resourceType'], 'OperationOutcome');
    assert.equal((await h.get('/Practitioner', token)).status, 405);
  });
});

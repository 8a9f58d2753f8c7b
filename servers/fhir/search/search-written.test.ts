import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, type Bundle, type Harness } from '../../../test-support/fhir.ts';

type Json = Record<string, unknown>;

/** Searches over resources a test writes itself, for cases the seed does not have. */
describe('search over written data', () => {
  let h: Harness;
  let reader: string;
  let writer: string;
  const search = async (path: string): Promise<Bundle> => {
    const res = await h.get(path, reader);
    assert.equal(res.status, 200, `${path} -> ${res.status}`);
    return (await res.json()) as Bundle;
  };
  const ids = (b: Bundle): string[] =>
    (b.entry ?? []).filter((e) => e.search.mode === 'match').map((e) => String(e.resource['id']));
  const outcomes = (b: Bundle): Json[] =>
    (b.entry ?? []).filter((e) => e.search.mode === 'outcome').map((e) => e.resource);
  const observation = (id: string, code: Json, category?: Json): Json =>
    put({
      resourceType: 'Observation',
      id,
      status: 'final',
      code,
      ...(category ? { category: [category] } : {}),
      subject: { reference: 'Patient/text-patient' },
      effectiveDateTime: '2025-05-01T10:00:00Z',
    });
  const loinc = (code: string, display: string): Json => ({
    coding: [{ system: 'http://loinc.org', code, display }],
  });
  const put = (resource: Json): Json => ({
    resource,
    request: {
      method: 'PUT',
      url: `${String(resource['resourceType'])}/${String(resource['id'])}`,
    },
  });

  before(async () => {
    h = await startHarness();
    reader = await h.token();
    writer = await h.token({ scope: 'user/*.read user/*.write' });
    const patient = (id: string, name: Json[]): Json =>
      put({ resourceType: 'Patient', id, name, gender: 'other' });
    const res = await h.post(
      '/',
      {
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          patient('sort-official', [
            { use: 'old', family: 'Aaronson', given: ['Old'] },
            { use: 'official', family: 'Zyzzyva', given: ['Zed'] },
          ]),
          patient('sort-usual', [
            { use: 'nickname', family: 'Aardvark', given: ['Nick'] },
            { use: 'usual', family: 'Zyzzyvb', given: ['Yan'] },
          ]),
          patient('sort-first', [{ family: 'Zyzzyvc', given: ['Xi'] }]),
          patient('text-patient', [{ family: 'Textual', given: ['Tess'] }]),
          observation('text-glucose', loinc('2345-7', 'Glucose [Mass/volume] in Serum or Plasma')),
          // Only CodeableConcept.text names this one, with accents; its coding has no display.
          observation('text-hba1c', {
            text: 'Hémoglobine glyquée (HbA1c)',
            coding: [{ system: 'urn:example:local', code: 'x-1' }],
          }),
          observation('text-heart', loinc('8867-4', 'Heart rate'), {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/observation-category',
                code: 'vital-signs',
                display: 'Vital Signs',
              },
            ],
          }),
          // An official name with nothing in it is not shown, so it does not sort either.
          patient('sort-blank-official', [
            { use: 'official', text: ' ' },
            { family: 'Zyzzyvd', given: ['Wu'] },
          ]),
        ],
      },
      writer,
    );
    assert.equal(res.status, 200);
  });
  after(() => h.close());

  it('code:text matches the start of any word of the code text or a display, ignoring case and accents', async () => {
    const textSearch = async (value: string, patient = true): Promise<string[]> => {
      const b = await search(
        `/Observation?${patient ? 'patient=text-patient&' : ''}code:text=${encodeURIComponent(value)}`,
      );
      assert.deepEqual(outcomes(b), [], `code:text=${value} was applied, with no warning`);
      return ids(b).sort();
    };
    assert.deepEqual(await textSearch('glucose'), ['text-glucose']);
    assert.deepEqual(await textSearch('GLUC'), ['text-glucose']);
    assert.deepEqual(await textSearch('mass/volume'), ['text-glucose']);
    assert.deepEqual(await textSearch('serum or'), ['text-glucose']);
    assert.deepEqual(await textSearch('hemoglobine'), ['text-hba1c']);
    assert.deepEqual(await textSearch('GLYQUÉE'), ['text-hba1c']);
    assert.deepEqual(await textSearch('hba1c'), ['text-hba1c']);
    assert.deepEqual(await textSearch('rate'), ['text-heart']);
    assert.deepEqual(await textSearch('ate'), [], 'inside a word does not match');
    assert.deepEqual(await textSearch('glucose,heart'), ['text-glucose', 'text-heart']);
    // Without a patient the text index drives the query instead of the patient's observations.
    assert.deepEqual(await textSearch('hémoglobine', false), ['text-hba1c']);
    assert.deepEqual(await textSearch('nosuchword', false), []);
  });

  it('category:text matches category displays the same way', async () => {
    const b = await search('/Observation?patient=text-patient&category:text=vital');
    assert.deepEqual(ids(b), ['text-heart']);
  });

  it('code:text follows an update: the old text stops matching', async () => {
    const res = await h.post(
      '/',
      {
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [observation('text-glucose', loinc('2345-7', 'Glycaemia'))],
      },
      writer,
    );
    assert.equal(res.status, 200);
    assert.deepEqual(ids(await search('/Observation?patient=text-patient&code:text=glucose')), []);
    assert.deepEqual(ids(await search('/Observation?code:text=glycaemia')), ['text-glucose']);
  });

  it('code:text is supported under Prefer: handling=strict, and text with no letters or digits is refused', async () => {
    const strict = { Prefer: 'handling=strict' };
    const ok = await h.get('/Observation?patient=text-patient&code:text=heart', reader, strict);
    assert.equal(ok.status, 200);
    const empty = await h.get(
      `/Observation?code:text=${encodeURIComponent('[ ]')}`,
      reader,
      strict,
    );
    assert.equal(empty.status, 400);
  });

  it('_sort=name orders patients by the name the list shows (official, then usual), not the first listed', async () => {
    const shownOrder = ['sort-official', 'sort-usual', 'sort-first', 'sort-blank-official'];
    assert.deepEqual(ids(await search('/Patient?family=zyzzyv&_sort=name')), shownOrder);
    assert.deepEqual(
      ids(await search('/Patient?family=zyzzyv&_sort=-name')),
      [...shownOrder].reverse(),
    );
  });
});

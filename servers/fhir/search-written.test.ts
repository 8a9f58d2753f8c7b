import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, type Bundle, type Harness } from './test-support.ts';

type Json = Record<string, unknown>;

/** Searches over resources a test writes itself, for cases the seed does not have. */
describe('search over written data', () => {
  let h: Harness;
  let reader: string;
  const search = async (path: string): Promise<Bundle> => {
    const res = await h.get(path, reader);
    assert.equal(res.status, 200, `${path} -> ${res.status}`);
    return (await res.json()) as Bundle;
  };
  const ids = (b: Bundle): string[] =>
    (b.entry ?? []).filter((e) => e.search.mode === 'match').map((e) => String(e.resource['id']));
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
    const writer = await h.token({ scope: 'user/*.read user/*.write' });
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

  it('_sort=name orders patients by the name the list shows (official, then usual), not the first listed', async () => {
    const shownOrder = ['sort-official', 'sort-usual', 'sort-first', 'sort-blank-official'];
    assert.deepEqual(ids(await search('/Patient?family=zyzzyv&_sort=name')), shownOrder);
    assert.deepEqual(
      ids(await search('/Patient?family=zyzzyv&_sort=-name')),
      [...shownOrder].reverse(),
    );
  });
});

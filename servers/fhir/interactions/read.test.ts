import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, type Harness } from '../../../test-support/fhir.ts';

describe('conditional reads (If-None-Match, RFC 9110 §13.1.2)', () => {
  let h: Harness;
  let token: string;
  const path = '/Patient/pat-thrice';
  before(async () => {
    h = await startHarness();
    token = await h.token();
    const writer = await h.token({ scope: 'user/*.read user/*.write' });
    // Three writes: version 3, so that a tag of an earlier version is a changed resource.
    for (const family of ['One', 'Two', 'Three']) {
      const put = await h.post(
        '/',
        {
          resourceType: 'Bundle',
          type: 'transaction',
          entry: [
            {
              resource: { resourceType: 'Patient', id: 'pat-thrice', name: [{ family }] },
              request: { method: 'PUT', url: 'Patient/pat-thrice' },
            },
          ],
        },
        writer,
      );
      assert.equal(put.status, 200);
    }
  });
  after(() => h.close());

  it('answers 304 to a tag of the current version, weak or strong, alone, in a list, or *', async () => {
    for (const tag of ['W/"3"', '"3"', 'W/"2", W/"3"', '"1","3"', '*']) {
      const res = await h.get(path, token, { 'If-None-Match': tag });
      assert.equal(res.status, 304, tag);
      assert.equal(res.headers.get('etag'), 'W/"3"', tag);
      assert.match(String(res.headers.get('vary')), /accept-encoding/i, tag);
      assert.equal(await res.text(), '', tag);
    }
  });

  it('answers 200 with the resource when the client holds an older version', async () => {
    for (const tag of ['W/"2"', '"2"', 'W/"1", W/"2"', 'W/"33"', '3']) {
      const res = await h.get(path, token, { 'If-None-Match': tag });
      assert.equal(res.status, 200, tag);
      assert.equal(res.headers.get('etag'), 'W/"3"', tag);
      const body = (await res.json()) as {
        meta: { versionId: string };
        name: { family: string }[];
      };
      assert.equal(body.meta.versionId, '3', tag);
      assert.equal(body.name[0]?.family, 'Three', tag);
    }
  });

  it('lets If-None-Match decide over If-Modified-Since, as RFC 9110 §13.2.2 orders them', async () => {
    const future = new Date(Date.now() + 60_000).toUTCString();
    const changed = await h.get(path, token, {
      'If-None-Match': 'W/"2"',
      'If-Modified-Since': future,
    });
    assert.equal(changed.status, 200);
    await changed.body?.cancel();
  });

  it('answers a reload as any other revalidation (fetch adds no-cache to conditional requests)', async () => {
    for (const cacheControl of ['no-cache', 'max-age=0']) {
      for (const tag of ['W/"3"', '"3"', 'W/"2", W/"3"']) {
        const label = `${cacheControl} ${tag}`;
        const res = await h.get(path, token, {
          'If-None-Match': tag,
          'Cache-Control': cacheControl,
        });
        assert.equal(res.status, 304, label);
        await res.body?.cancel();
      }
    }
  });

  it('answers If-Modified-Since alone by the Last-Modified date, ignoring one it cannot read', async () => {
    const cases = [
      [new Date(Date.now() + 60_000).toUTCString(), 304],
      [new Date(Date.now() - 3_600_000).toUTCString(), 200],
      ['yesterday', 200],
    ] as const;
    for (const [since, status] of cases) {
      const res = await h.get(path, token, { 'If-Modified-Since': since });
      assert.equal(res.status, status, since);
      await res.body?.cancel();
    }
  });
});

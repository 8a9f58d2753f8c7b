import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { startHarness, type Harness } from '../../../test-support/fhir.ts';

type Json = Record<string, unknown>;

const batch = (id: string): Json => ({
  resourceType: 'Bundle',
  type: 'batch',
  entry: [
    {
      resource: { resourceType: 'Patient', id, name: [{ family: 'Packed', given: ['Zip'] }] },
      request: { method: 'PUT', url: `Patient/${id}` },
    },
  ],
});

describe('request bodies with a Content-Encoding', () => {
  let h: Harness;
  let writer: string;
  before(async () => {
    h = await startHarness();
    writer = await h.token({ scope: 'user/*.read user/*.write' });
  });
  after(() => h.close());

  const post = (body: Buffer, encoding: string) =>
    fetch(`${h.fhir.baseUrl}/`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${writer}`,
        'Content-Type': 'application/fhir+json',
        'Content-Encoding': encoding,
      },
      body: new Uint8Array(body),
    });

  it('stores a Bundle sent gzip- or brotli-compressed', async () => {
    for (const [encoding, pack] of [
      ['gzip', gzipSync],
      ['br', brotliCompressSync],
    ] as const) {
      const id = `packed-${encoding}`;
      const res = await post(pack(Buffer.from(JSON.stringify(batch(id)))), encoding);
      assert.equal(res.status, 200, encoding);
      assert.equal((await h.get(`/Patient/${id}`, writer)).status, 200, encoding);
    }
  });

  it('refuses a coding it cannot undo with 415 and an OperationOutcome that says which it can', async () => {
    for (const coding of ['zstd', 'gzip, br']) {
      const res = await post(Buffer.from(JSON.stringify(batch('packed-z'))), coding);
      assert.equal(res.status, 415, coding);
    }
    const res = await post(Buffer.from(JSON.stringify(batch('packed-x'))), 'compress');
    assert.equal(res.status, 415);
    const outcome = (await res.json()) as { resourceType: string; issue: Json[] };
    assert.equal(outcome.resourceType, 'OperationOutcome');
    assert.equal(outcome.issue[0]?.['code'], 'not-supported');
    assert.match(String(outcome.issue[0]?.['diagnostics']), /Content-Encoding.*gzip/);
    assert.equal((await h.get('/Patient/packed-x', writer)).status, 404);
  });

  it('applies the body limit to the decompressed size, so a small compressed bomb is a 413', async () => {
    const pad = Buffer.alloc(51 * 1024 * 1024, 'x');
    const bomb = gzipSync(Buffer.concat([Buffer.from('{"pad":"'), pad, Buffer.from('"}')]));
    assert.ok(bomb.length < 1024 * 1024, 'well under the limit on the wire');
    const res = await post(bomb, 'gzip');
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as Json)['resourceType'], 'OperationOutcome');
  });
});

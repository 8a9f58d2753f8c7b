import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { CompressionSlots, preferredCoding } from './compression.ts';
import { defaults } from './config.ts';
import { startHarness, type Bundle, type Harness } from '../../test-support/fhir.ts';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as they came over the wire, not decoded. */
  body: Buffer;
}

/** node:http, unlike fetch, neither asks for nor undoes a content coding: what the server sent. */
function raw(url: string, headers: Record<string, string>, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** The JSON the body holds, undoing the coding the response names. */
function decoded(res: Raw): Record<string, unknown> {
  const coding = res.headers['content-encoding'];
  const text =
    coding === 'gzip'
      ? gunzipSync(res.body)
      : coding === 'br'
        ? brotliDecompressSync(res.body)
        : coding === undefined
          ? res.body
          : assert.fail(`unexpected Content-Encoding ${String(coding)}`);
  return JSON.parse(text.toString('utf8')) as Record<string, unknown>;
}

/** A searchset without what differs between two answers to the same search (its id and time). */
function sameSearch(bundle: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(bundle).filter(([key]) => key !== 'id' && key !== 'meta'),
  );
}

const varies = (res: Raw) => /\baccept-encoding\b/i.test(String(res.headers['vary']));

describe('Accept-Encoding: the coding a client prefers', () => {
  it('takes gzip or br when offered, brotli first at equal weight', () => {
    assert.equal(preferredCoding('gzip'), 'gzip');
    assert.equal(preferredCoding('GZIP'), 'gzip');
    assert.equal(preferredCoding('x-gzip'), 'gzip');
    assert.equal(preferredCoding('gzip, deflate, br'), 'br');
    assert.equal(preferredCoding('gzip, deflate, br, zstd'), 'br');
    assert.equal(preferredCoding('br;q=0.5, gzip'), 'gzip');
    assert.equal(preferredCoding('gzip;q=0.8, br;q=0.9'), 'br');
    assert.equal(preferredCoding('*'), 'br');
    assert.equal(preferredCoding('br;q=0, *'), 'gzip');
  });

  it('sends the content as it is when no coding is asked for or every offered one is refused', () => {
    for (const header of [
      undefined,
      '',
      'identity',
      'gzip;q=0.5, identity',
      'deflate',
      'gzip;q=0',
      'gzip;q=0.000, br;q=0',
      '*;q=0',
      'gzip;q=nonsense',
      'gzip;q=2',
    ]) {
      assert.equal(preferredCoding(header), undefined, String(header));
    }
  });
});

describe('response compression', () => {
  let h: Harness;
  let token: string;
  let auth: Record<string, string>;
  const page = '/Observation?_count=200';
  before(async () => {
    h = await startHarness();
    token = await h.token();
    auth = { Authorization: `Bearer ${token}` };
  });
  after(() => h.close());

  it('gzips a large search when asked, and the body decodes to the same JSON as the plain one', async () => {
    const url = `${h.fhir.baseUrl}${page}`;
    const plain = await raw(url, auth);
    const zipped = await raw(url, { ...auth, 'Accept-Encoding': 'gzip' });
    assert.equal(zipped.status, 200);
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(Number(zipped.headers['content-length']), zipped.body.length);
    assert.ok(zipped.body.length * 5 < plain.body.length, 'at least five times smaller');
    assert.match(String(zipped.headers['content-type']), /^application\/fhir\+json/);
    assert.equal(zipped.headers['cache-control'], 'no-store');
    assert.ok(varies(zipped) && varies(plain), 'Vary: Accept-Encoding on both');
    const bundle = decoded(zipped) as Bundle;
    assert.equal(bundle.entry?.length, 200);
    assert.deepEqual(sameSearch(decoded(zipped)), sameSearch(decoded(plain)));
  });

  it('sends brotli to a client that prefers it (as curl and HTTPS browsers offer it)', async () => {
    const res = await raw(`${h.fhir.baseUrl}${page}`, {
      ...auth,
      'Accept-Encoding': 'gzip, deflate, br',
    });
    assert.equal(res.headers['content-encoding'], 'br');
    assert.equal((decoded(res) as Bundle).entry?.length, 200);
  });

  it('sends identity when not asked, when gzip has q=0, and for identity', async () => {
    for (const header of [undefined, 'gzip;q=0', 'identity', 'gzip;q=0, br;q=0']) {
      const res = await raw(`${h.fhir.baseUrl}${page}`, {
        ...auth,
        ...(header === undefined ? {} : { 'Accept-Encoding': header }),
      });
      assert.equal(res.status, 200, String(header));
      assert.equal(res.headers['content-encoding'], undefined, String(header));
      assert.equal(Number(res.headers['content-length']), res.body.length);
      assert.equal((decoded(res) as Bundle).entry?.length, 200, String(header));
    }
  });

  it('leaves bodies under a kilobyte uncompressed', async () => {
    const res = await raw(`${h.fhir.baseUrl}/Observation?_summary=count`, {
      ...auth,
      'Accept-Encoding': 'gzip, br',
    });
    assert.equal(res.status, 200);
    assert.ok(res.body.length < 1024);
    assert.equal(res.headers['content-encoding'], undefined);
    assert.equal(decoded(res)['resourceType'], 'Bundle');
  });

  it('compresses the discovery documents too, which stay revalidated rather than stored', async () => {
    for (const path of ['/metadata', '/.well-known/smart-configuration']) {
      const res = await raw(`${h.fhir.baseUrl}${path}`, { 'Accept-Encoding': 'gzip' });
      assert.equal(res.status, 200, path);
      assert.equal(res.headers['content-encoding'], 'gzip', path);
      assert.equal(res.headers['cache-control'], 'no-cache', path);
      assert.ok(varies(res), path);
      assert.ok(Object.keys(decoded(res)).length > 0, path);
    }
  });

  it('answers HEAD with the headers of the compressed GET and no body', async () => {
    const url = `${h.fhir.baseUrl}/metadata`;
    const get = await raw(url, { 'Accept-Encoding': 'gzip' });
    const head = await raw(url, { 'Accept-Encoding': 'gzip' }, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.equal(head.headers['content-encoding'], 'gzip');
    assert.equal(head.headers['content-length'], get.headers['content-length']);
    assert.ok(varies(head));
  });

  it('answers a conditional read with 304, no body, no coding, and the same version ETag', async () => {
    // Over the threshold, so that a 200 would be compressed: many names.
    const name = Array.from({ length: 40 }, (_, i) => ({ family: `Longname${i}`, given: ['Ann'] }));
    const writer = await h.token({ scope: 'user/*.read user/*.write' });
    const stored = await h.post(
      '/',
      {
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          {
            resource: { resourceType: 'Patient', id: 'pat-many-names', name },
            request: { method: 'PUT', url: 'Patient/pat-many-names' },
          },
        ],
      },
      writer,
    );
    assert.equal(stored.status, 200);
    const url = `${h.fhir.baseUrl}/Patient/pat-many-names`;
    const first = await raw(url, { ...auth, 'Accept-Encoding': 'gzip' });
    assert.equal(first.headers['content-encoding'], 'gzip');
    assert.equal(first.headers['etag'], 'W/"1"');
    const conditions: Record<string, string>[] = [
      { 'If-None-Match': 'W/"1"' },
      { 'If-None-Match': 'W/"0", W/"1"' },
      { 'If-Modified-Since': new Date(Date.now() + 60_000).toUTCString() },
    ];
    for (const condition of conditions) {
      const res = await raw(url, { ...auth, 'Accept-Encoding': 'gzip', ...condition });
      const label = JSON.stringify(condition);
      assert.equal(res.status, 304, label);
      assert.equal(res.body.length, 0, label);
      assert.equal(res.headers['content-encoding'], undefined, label);
      assert.equal(res.headers['etag'], 'W/"1"', label);
      assert.ok(varies(res), label);
    }
  });

  it('still answers refusals with an OperationOutcome a client asking for gzip can read', async () => {
    const answers = [
      [401, await raw(`${h.fhir.baseUrl}/Patient`, { 'Accept-Encoding': 'gzip' })],
      [404, await raw(`${h.fhir.baseUrl}/Nope`, { ...auth, 'Accept-Encoding': 'gzip' })],
      [
        400,
        await raw(`${h.fhir.baseUrl}/Patient?nonsense=1`, {
          ...auth,
          'Accept-Encoding': 'gzip',
          Prefer: 'handling=strict',
        }),
      ],
    ] as const;
    for (const [status, res] of answers) {
      assert.equal(res.status, status);
      assert.equal(decoded(res)['resourceType'], 'OperationOutcome', String(status));
      assert.equal(Number(res.headers['content-length']), res.body.length);
    }
    assert.match(String(answers[0][1].headers['www-authenticate']), /^Bearer realm="fhir"/);
  });

  it('serves a burst of large pages beyond the compression bound, each complete and the same JSON', async () => {
    assert.ok(24 > defaults.maxCompressions);
    const pages = Array.from({ length: 24 }, (_, i) => ({
      url: `${h.fhir.baseUrl}${page}&_offset=${i * 200}`,
      coding: i % 2 === 0 ? 'gzip' : 'br',
    }));
    const answers = await Promise.all(
      pages.map(({ url, coding }) => raw(url, { ...auth, 'Accept-Encoding': coding })),
    );
    const ids = new Set<string>();
    for (const [i, res] of answers.entries()) {
      assert.equal(res.status, 200, `page ${i}`);
      // Past the bound a page goes out as it is rather than wait for a thread.
      const coding = res.headers['content-encoding'];
      assert.ok(coding === undefined || coding === pages[i]?.coding, `page ${i}: ${coding}`);
      assert.ok(varies(res), `page ${i}`);
      assert.equal(Number(res.headers['content-length']), res.body.length, `page ${i}`);
      const plain = await raw(pages[i]?.url ?? '', auth);
      assert.deepEqual(sameSearch(decoded(res)), sameSearch(decoded(plain)), `page ${i}`);
      const bundle = decoded(res) as Bundle;
      assert.equal(bundle.entry?.length, 200, `page ${i}`);
      for (const e of bundle.entry ?? []) ids.add(e.resource.id ?? '');
    }
    assert.equal(ids.size, 24 * 200, 'every page its own 200 observations');
    assert.ok(
      answers.some((res) => res.headers['content-encoding'] !== undefined),
      'the first page of the burst finds a free slot',
    );
  });
});

describe('the bound on compressions in flight', () => {
  it('compresses at most the bound at once, and frees a slot when one ends', async () => {
    const slots = new CompressionSlots(2);
    const bytes = Buffer.from(JSON.stringify({ text: 'a'.repeat(200_000) }));
    const burst = await Promise.all(Array.from({ length: 5 }, () => slots.compress(bytes, 'br')));
    assert.deepEqual(
      burst.map((packed) => packed !== undefined),
      [true, true, false, false, false],
    );
    assert.equal(brotliDecompressSync(burst[0] ?? Buffer.alloc(0)).toString(), bytes.toString());
    const later = await Promise.all([slots.compress(bytes, 'gzip'), slots.compress(bytes, 'br')]);
    assert.ok(
      later.every((packed) => packed !== undefined),
      'both slots free again',
    );
  });

  it('sends every answer as it is when the bound is 0', async () => {
    const h = await startHarness(undefined, { maxCompressions: 0 });
    try {
      const token = await h.token();
      const res = await raw(`${h.fhir.baseUrl}/Observation?_count=200`, {
        Authorization: `Bearer ${token}`,
        'Accept-Encoding': 'gzip, br',
      });
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-encoding'], undefined);
      assert.ok(varies(res), 'Vary: Accept-Encoding, since another time it may be compressed');
      assert.equal(Number(res.headers['content-length']), res.body.length);
      assert.equal((decoded(res) as Bundle).entry?.length, 200);
    } finally {
      await h.close();
    }
  });
});

/**
 * The abuse suite against the real servers: a real authorization server, a real FHIR server trusting
 * it, genuine tokens from a browser-style login, and everything an attacker can do with one of them.
 */
import assert from 'node:assert/strict';
import { createHash, createPublicKey } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { exportJWK, generateKeyPair, type JWK, type JWTPayload } from 'jose';
import type { Bundle } from '../test-support/fhir.ts';
import {
  decode,
  forge,
  startStack,
  stopStack,
  writer as writerToken,
  type Outcome,
  type Stack,
} from './fhir-stack.ts';

type Json = Record<string, unknown>;

const now = (): number => Math.floor(Date.now() / 1000);

describe('forged and mistaken tokens against the real auth and FHIR servers', () => {
  let s: Stack;
  let attackerKeys: Server;
  let attackerKeyRequests = 0;
  let attacker: { privateKey: CryptoKey; jwk: JWK };
  before(async () => {
    s = await startStack();
    const pair = await generateKeyPair('RS256', { extractable: true });
    attacker = {
      privateKey: pair.privateKey,
      jwk: { ...(await exportJWK(pair.publicKey)), kid: 'attacker-key', alg: 'RS256', use: 'sig' },
    };
    // A key server of the attacker's own: a `jku`/`x5u` the FHIR server follows would land here.
    attackerKeys = createServer((_req, res) => {
      attackerKeyRequests++;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ keys: [attacker.jwk] }));
    });
    await new Promise<void>((r) => attackerKeys.listen(0, '127.0.0.1', r));
  });
  after(async () => {
    await new Promise<void>((r) => attackerKeys.close(() => r()));
    await stopStack(s);
  });

  const get = (path: string, token: string): Promise<Response> =>
    fetch(`${s.fhir.baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });

  /** 401, an invalid_token challenge, an OperationOutcome that explains without echoing the token. */
  const refused = async (token: string, why: RegExp, path = '/Patient'): Promise<void> => {
    const res = await get(path, token);
    assert.equal(res.status, 401, `expected 401 for ${path}`);
    assert.match(
      res.headers.get('www-authenticate') ?? '',
      /^Bearer realm="fhir", error="invalid_token", error_description="[^"]+"/,
    );
    const body = (await res.json()) as Outcome;
    assert.equal(body.resourceType, 'OperationOutcome');
    assert.equal(body.issue[0]?.code, 'login');
    assert.match(body.issue[0]?.diagnostics ?? '', why);
    const text = JSON.stringify(body);
    for (const part of token.split('.').filter((p) => p.length > 16)) {
      assert.ok(!text.includes(part.slice(0, 16)), 'the refusal echoes part of the token');
    }
  };

  it('the genuine tokens work, within their own scopes (controls for every refusal below)', async () => {
    assert.equal(decode(s.clinician).header['alg'], 'RS256');
    assert.equal((await get('/Patient/pat-0002', s.clinician)).status, 200);
    assert.equal((await get('/Observation?patient=pat-0002', s.clinician)).status, 200);
    assert.equal((await get('/Patient', s.frontdesk)).status, 200);
    assert.equal((await get('/Observation', s.frontdesk)).status, 403);
    assert.equal((await get('/Patient/pat-0001', s.patient)).status, 200);
    assert.equal((await get('/Patient/pat-0002', s.patient)).status, 404);
    // The issuer's key re-signing unchanged claims verifies: so a refusal below is the edited claim's.
    const resigned = await forge(s.clinician, { sign: { alg: 'RS256', key: s.issuerKey.key } });
    assert.equal((await get('/Patient', resigned)).status, 200);
  });

  it('refuses alg none, with and without the original signature', async () => {
    await refused(await forge(s.clinician, { sign: 'none' }), /malformed|algorithm/);
    // alg none with the genuine signature left on, and the case variants a lax parser might accept.
    await refused(
      await forge(s.clinician, { header: { alg: 'none' }, sign: 'keep' }),
      /malformed|algorithm/,
    );
    await refused(await forge(s.clinician, { header: { alg: 'None' }, sign: 'keep' }), /algorithm/);
    await refused(await forge(s.clinician, { header: { alg: 'NONE' }, sign: 'keep' }), /algorithm/);
  });

  it("refuses HS256 signed with the issuer's public key as the secret (PEM, DER, JWK, modulus)", async () => {
    const keys = (await (await fetch(`${s.auth.issuer}/v1/keys`)).json()) as { keys: JWK[] };
    const jwk = keys.keys[0] as JWK;
    const publicKey = createPublicKey({ key: jwk as never, format: 'jwk' });
    const secrets: Uint8Array[] = [
      Buffer.from(publicKey.export({ type: 'spki', format: 'pem' }) as string),
      Buffer.from(publicKey.export({ type: 'pkcs1', format: 'pem' }) as string),
      publicKey.export({ type: 'spki', format: 'der' }),
      Buffer.from(JSON.stringify(jwk)),
      Buffer.from(String(jwk.n), 'base64url'),
    ];
    for (const secret of secrets) {
      await refused(await forge(s.clinician, { sign: { alg: 'HS256', key: secret } }), /algorithm/);
    }
  });

  it("refuses a token signed by another issuer's key, with its own kid and with the real kid", async () => {
    const sign = { alg: 'RS256', key: attacker.privateKey };
    await refused(
      await forge(s.clinician, { header: { kid: 'attacker-key' }, sign }),
      /signing key is unknown/,
    );
    await refused(await forge(s.clinician, { sign }), /signature does not verify/);
    await refused(
      await forge(s.clinician, { header: { kid: undefined }, sign }),
      /signature|key|malformed/,
    );
  });

  it('refuses a wrong audience or issuer even when the issuer signed it', async () => {
    const sign = { alg: 'RS256', key: s.issuerKey.key };
    for (const aud of [
      'http://localhost:1/fhir',
      `${s.fhir.baseUrl}/`,
      'https://fhir.example.com/fhir',
    ]) {
      await refused(await forge(s.clinician, { claims: (p) => ({ ...p, aud }), sign }), /'aud'/);
    }
    await refused(await forge(s.clinician, { claims: (p) => ({ ...p, aud: [] }), sign }), /'aud'/);
    for (const iss of [
      'http://localhost:1/oauth2/default',
      `${s.auth.issuer}/`,
      'https://evil.example.com',
    ]) {
      await refused(await forge(s.clinician, { claims: (p) => ({ ...p, iss }), sign }), /'iss'/);
    }
  });

  it('refuses an expired token and one not valid yet, beyond the 60 s leeway', async () => {
    const sign = { alg: 'RS256', key: s.issuerKey.key };
    await refused(
      await forge(s.clinician, {
        claims: (p) => ({ ...p, iat: now() - 3600, exp: now() - 90 }),
        sign,
      }),
      /expired/,
    );
    await refused(
      await forge(s.clinician, { claims: (p) => ({ ...p, nbf: now() + 600 }), sign }),
      /'nbf'/,
    );
    await refused(
      await forge(s.clinician, { claims: (p) => ({ ...p, exp: undefined }), sign }),
      /'exp'|malformed/,
    );
  });

  it('refuses a kid naming a key the issuer does not publish, even when the signature is real', async () => {
    await refused(
      await forge(s.clinician, { header: { kid: 'no-such-key' }, sign: 'keep' }),
      /signing key is unknown/,
    );
    await refused(
      await forge(s.clinician, {
        header: { kid: 'no-such-key' },
        sign: { alg: 'RS256', key: s.issuerKey.key },
      }),
      /signing key is unknown/,
    );
  });

  it('ignores jku, x5u and embedded jwk headers that point at other keys', async () => {
    const keyUrl = `http://127.0.0.1:${(attackerKeys.address() as AddressInfo).port}/keys`;
    const sign = { alg: 'RS256', key: attacker.privateKey };
    const headers: Json[] = [
      { jku: keyUrl, kid: 'attacker-key' },
      { jku: keyUrl, kid: s.issuerKey.kid },
      { x5u: keyUrl, kid: 'attacker-key' },
      { jwk: { ...attacker.jwk, kid: undefined }, kid: 'attacker-key' },
      { jwk: { ...attacker.jwk, kid: undefined }, kid: s.issuerKey.kid },
      { jwk: { ...attacker.jwk, kid: undefined } },
    ];
    for (const header of headers) {
      await refused(await forge(s.clinician, { header, sign }), /signing key|signature|malformed/);
    }
    assert.equal(attackerKeyRequests, 0, "the FHIR server fetched the attacker's key URL");
  });

  it('refuses a truncated, emptied or padded signature', async () => {
    const [h, p, sig = ''] = s.clinician.split('.');
    for (const cut of [1, 4, 43, sig.length - 1]) {
      await refused(`${h}.${p}.${sig.slice(0, sig.length - cut)}`, /signature|malformed/);
    }
    await refused(`${h}.${p}.`, /signature|malformed/);
    await refused(`${h}.${p}`, /malformed/);
    await refused(`${h}.${p}.${sig}AAAA`, /signature|malformed/);
    const flipped = `${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}`;
    await refused(`${h}.${p}.${flipped}`, /signature/);
  });

  it('refuses scope escalation written into the claims without re-signing', async () => {
    const widen = (p: JWTPayload): JWTPayload => {
      return {
        ...p,
        patient: undefined,
        scope: 'openid user/*.read user/*.write',
        scp: ['openid', 'user/*.read', 'user/*.write'],
      };
    };
    // The patient's token, widened to every patient.
    await refused(await forge(s.patient, { claims: widen }), /signature/, '/Patient/pat-0002');
    // The patient's token, moved to another patient.
    await refused(
      await forge(s.patient, { claims: (p) => ({ ...p, patient: 'pat-0002' }) }),
      /signature/,
      '/Patient/pat-0002',
    );
    // Front desk (Patient only) reaching for Observations.
    await refused(await forge(s.frontdesk, { claims: widen }), /signature/, '/Observation');
    // The clinician confined to a patient by an added claim: still the signature, not the narrower rights.
    await refused(
      await forge(s.clinician, { claims: (p) => ({ ...p, patient: 'pat-0001' }) }),
      /signature/,
    );
    // Only the scope string edited, the scp array left alone.
    await refused(
      await forge(s.frontdesk, { claims: (p) => ({ ...p, scope: 'user/*.read' }) }),
      /signature/,
      '/Observation',
    );
    // And the genuine front-desk token still gets only what it was granted.
    assert.equal((await get('/Observation', s.frontdesk)).status, 403);
  });
});

/** Every resource's type, id, version and JSON, hashed in storage order: "the data is unchanged". */
function storeSnapshot(dir: string): { patients: number; observations: number; hash: string } {
  const db = new Database(join(dir, 'fhir.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const hash = createHash('sha256');
    const rows = db
      .prepare('SELECT type, id, version, last_updated, json FROM resource ORDER BY rid')
      .iterate() as IterableIterator<Record<string, string | number>>;
    for (const r of rows)
      hash.update(`${r['type']}|${r['id']}|${r['version']}|${r['last_updated']}|${r['json']}\n`);
    const count = (type: string): number =>
      (db.prepare('SELECT count(*) AS n FROM resource WHERE type = ?').get(type) as { n: number })
        .n;
    return {
      patients: count('Patient'),
      observations: count('Observation'),
      hash: hash.digest('hex'),
    };
  } finally {
    db.close();
  }
}

describe('search-parameter injection and hostile bodies with a valid token', () => {
  let s: Stack;
  let before_: ReturnType<typeof storeSnapshot>;
  let totalsBefore: { patients: number; observations: number };
  /**
   * The real issuer grants no write scope to anyone; a token it signed with one stands for a back-end
   * importer, so hostile bodies reach the body parser and the write path (reference rewriting, storage).
   */
  let writer: string;
  before(async () => {
    s = await startStack();
    before_ = storeSnapshot(s.fhirDir);
    totalsBefore = await totals();
    writer = await writerToken(s);
  });
  after(() => stopStack(s));

  const get = (path: string, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${s.fhir.baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${s.clinician}`, ...headers },
    });

  async function totals(): Promise<{ patients: number; observations: number }> {
    const total = async (type: string): Promise<number> =>
      ((await (await get(`/${type}?_summary=count`)).json()) as Bundle).total ?? -1;
    return { patients: await total('Patient'), observations: await total('Observation') };
  }

  /** A clean 400: an OperationOutcome whose diagnostics do not echo the hostile value. */
  async function clean400(res: Response, value?: string): Promise<void> {
    assert.equal(res.status, 400);
    assert.match(res.headers.get('content-type') ?? '', /^application\/fhir\+json/);
    const body = (await res.json()) as Outcome;
    assert.equal(body.resourceType, 'OperationOutcome');
    assert.equal(body.issue[0]?.severity, 'error');
    if (value && value.length > 3) assert.ok(!(body.issue[0]?.diagnostics ?? '').includes(value));
  }

  /** A searchset whose matches are exactly `expected` (a number) or pass the check. */
  async function answers(
    res: Response,
    expected: number | ((b: Bundle) => void),
    what = res.url,
  ): Promise<Bundle> {
    assert.equal(res.status, 200, what);
    const bundle = (await res.json()) as Bundle;
    assert.equal(bundle.resourceType, 'Bundle');
    if (typeof expected === 'number') {
      assert.equal(bundle.total, expected, what);
      assert.equal(
        (bundle.entry ?? []).filter((e) => e.search.mode === 'match').length,
        Math.min(expected, 20),
      );
    } else expected(bundle);
    return bundle;
  }

  const q = (params: [string, string][]): string => new URLSearchParams(params).toString();
  const strict = { Prefer: 'handling=strict' };

  const hostile = [
    "' OR 1=1 --",
    "' OR '1'='1",
    '"; DROP TABLE resource; --',
    "x'); DELETE FROM patient; --",
    '%',
    '%%',
    '_',
    '__%',
    '\\',
    '\\\\',
    '\\%',
    '\\_',
    'a\\',
    '*',
    "' UNION SELECT json FROM resource --",
    '‮evil', // right-to-left override
    'مريم', // Arabic, RTL script
    'Zx\u0301q\u0308\u0327x', // combining marks on a name nobody has
    '👩‍⚕️🧬',
    'a\u0000b',
    '\u0000',
    '\ufffd\ufeff',
  ];

  it('SQL and LIKE metacharacters and odd unicode in name, family, given and identifier match nothing', async () => {
    for (const value of hostile) {
      for (const param of [
        'name',
        'family',
        'given',
        'name:contains',
        'name:exact',
        'identifier',
      ]) {
        const path = `/Patient?${q([[param, value]])}`;
        const res = await get(path, strict);
        if (res.status === 400) await clean400(res, value);
        else await answers(res, 0);
      }
    }
  });

  it('SQL and LIKE metacharacters in Observation code, category, status and patient match nothing', async () => {
    for (const value of hostile) {
      for (const param of ['code', 'category', 'status', '_id', 'patient']) {
        const res = await get(
          `/Observation?${q([
            [param, value],
            ['_total', 'accurate'],
          ])}`,
          strict,
        );
        if (res.status === 400) await clean400(res, value);
        else await answers(res, 0);
      }
      const pipe = await get(`/Observation?${q([['code', `http://loinc.org|${value}`]])}`, strict);
      if (pipe.status === 400) await clean400(pipe, value);
      else await answers(pipe, 0);
    }
  });

  it('the same values, sent leniently, are answered or reported, never an error', async () => {
    for (const value of hostile) {
      const res = await get(
        `/Patient?${q([
          ['name', value],
          ['_id', value],
        ])}`,
      );
      const bundle = await answers(res, (b) => assert.ok(b.total !== undefined));
      const outcome = bundle.entry?.find((e) => e.search.mode === 'outcome');
      // Either nothing matched, or the unusable parameter was ignored and reported as such.
      assert.ok(bundle.total === 0 || outcome, `'${value}' widened the search silently`);
    }
  });

  it('an accent- and case-insensitive search still finds real patients (the injection checks can fail)', async () => {
    const pat = (await (await get('/Patient/pat-0001')).json()) as { name: { family: string }[] };
    const family = pat.name[0]?.family ?? '';
    const res = await get(`/Patient?${q([['family', family.toUpperCase()]])}`, strict);
    await answers(res, (b) => assert.ok((b.total ?? 0) >= 1));
    // Combining marks are folded, not smuggled: NFD "María" finds what "maria" finds.
    const plain = (await (await get('/Patient?name=maria', strict)).json()) as Bundle;
    assert.ok((plain.total ?? 0) > 0);
    await answers(await get(`/Patient?${q([['name', 'Ma\u0301ri\u0301a']])}`, strict), (b) =>
      assert.equal(b.total, plain.total),
    );
    const some = await get(`/Patient?${q([['name:contains', 'a']])}`, strict);
    await answers(some, (b) => assert.ok((b.total ?? 0) > 0));
  });

  it('very long values are refused cleanly or answered, and never crash the server', async () => {
    const long = 'a'.repeat(100_000);
    for (const param of ['name', 'identifier']) {
      const res = await get(`/Patient?${param}=${long}`);
      // Node refuses a request line over 16 KB before any handler runs (431), which is the point.
      assert.ok([400, 414, 431].includes(res.status), `status ${res.status}`);
      await res.arrayBuffer();
    }
    const res = await get(`/Observation?code=${long}`);
    assert.ok([400, 414, 431].includes(res.status));
    await res.arrayBuffer();
    // Just under the limit: a real search over a 12 kB value.
    await answers(await get(`/Patient?name=${'b'.repeat(12_000)}`, strict), 0);
    await answers(await get(`/Observation?code=${'9'.repeat(12_000)}`, strict), 0);
  });

  it('thousands of OR values or repeated parameters get a clean 400, not a 500', async () => {
    await clean400(await get(`/Observation?code=${'1234-5,'.repeat(1500)}`));
    await clean400(await get(`/Patient?_id=${'pat-0001,'.repeat(1500)}`));
    await clean400(await get(`/Patient?${'name=a&'.repeat(1500)}`));
    await clean400(await get(`/Observation?${'date=ge2000&'.repeat(800)}`));
    await clean400(await get(`/Patient?${'_sort=name&'.repeat(800)}`, strict));
  });

  it('repeated parameters mean AND, and comma-separated values mean OR', async () => {
    await answers(await get('/Patient?_id=pat-0001&_id=pat-0002', strict), 0);
    await answers(await get('/Patient?_id=pat-0001,pat-0002', strict), 2);
    await answers(await get('/Patient?_id=pat-0001&_id=pat-0001', strict), 1);
    await answers(await get('/Patient?_id=pat-0001,pat-0001,pat-9999', strict), 1);
  });

  it('_count of a million is capped, and negative, NaN or huge _count/_offset are refused or ignored', async () => {
    const big = await answers(await get('/Patient?_count=1000000'), (b) => {
      assert.equal(b.total, totalsBefore.patients);
      assert.ok((b.entry ?? []).length <= 200);
    });
    assert.match(big.link.find((l) => l.relation === 'self')?.url ?? '', /_count=200/);
    for (const [name, value] of [
      ['_count', '-1'],
      ['_count', 'NaN'],
      ['_count', '1e3'],
      ['_count', '0x10'],
      ['_count', '99999999999999999999'],
      ['_count', ' 5'],
      ['_offset', '-5'],
      ['_offset', 'NaN'],
      ['_offset', 'Infinity'],
      ['_offset', '1.5'],
    ] as const) {
      await clean400(await get(`/Patient?${q([[name, value]])}`, strict), value);
      // Lenient: ignored (defaults used) and reported.
      await answers(await get(`/Patient?${q([[name, value]])}`), (b) => {
        assert.equal((b.entry ?? []).filter((e) => e.search.mode === 'match').length, 20);
        assert.ok(b.entry?.some((e) => e.search.mode === 'outcome'));
      });
    }
    await answers(await get('/Patient?_offset=999999999', strict), (b) => {
      assert.equal(b.total, totalsBefore.patients);
      assert.equal((b.entry ?? []).length, 0);
    });
    await answers(await get('/Observation?_count=200&_offset=999999999', strict), (b) =>
      assert.equal((b.entry ?? []).length, 0),
    );
  });

  const post = (
    body: string,
    contentType = 'application/fhir+json',
    token = writer,
  ): Promise<Response> =>
    fetch(s.fhir.baseUrl, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType },
      body,
    });

  const stillUp = async (): Promise<void> => {
    const res = await get('/Patient/pat-0001');
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as Json)['id'], 'pat-0001');
  };

  it('a token without a write scope is refused with 403 before its body is read', async () => {
    for (const token of [s.clinician, s.frontdesk, s.patient]) {
      const res = await post('{"resourceType":"Bundle",', 'application/fhir+json', token);
      assert.equal(res.status, 403, 'the scope is checked before the (malformed) body is parsed');
      assert.equal(((await res.json()) as Outcome).issue[0]?.code, 'forbidden');
    }
    // A body that never ends: only a refusal that does not wait for it can arrive.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"resourceType":"Bundle","entry":['));
      },
    });
    const res = await fetch(s.fhir.baseUrl, {
      method: 'POST',
      headers: { Authorization: `Bearer ${s.frontdesk}`, 'Content-Type': 'application/fhir+json' },
      body: stream,
      duplex: 'half',
      signal: AbortSignal.timeout(10_000),
    } as RequestInit);
    assert.equal(res.status, 403);
    assert.match(res.headers.get('www-authenticate') ?? '', /insufficient_scope/);
    await res.body?.cancel();
    await stream.cancel().catch(() => undefined);
    await stillUp();
  });

  it('an oversized import body is refused with 413 and the server stays up', async () => {
    const filler = 'x'.repeat(51 * 1024 * 1024);
    const body = `{"resourceType":"Bundle","type":"transaction","entry":[],"pad":"${filler}"}`;
    const res = await post(body);
    assert.equal(res.status, 413);
    const outcome = (await res.json()) as Outcome;
    assert.equal(outcome.resourceType, 'OperationOutcome');
    assert.equal(outcome.issue[0]?.code, 'too-costly');
    await stillUp();
  });

  it('an oversized body streamed without a length is refused too', async () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0)
          controller.enqueue(new TextEncoder().encode('{"resourceType":"Bundle","pad":"'));
        if (sent++ < 60) controller.enqueue(chunk);
        else controller.close();
      },
    });
    let status = 0;
    try {
      const res = await fetch(s.fhir.baseUrl, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${writer}`,
          'Content-Type': 'application/fhir+json',
        },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      status = res.status;
      await res.arrayBuffer();
    } catch {
      status = -1; // the server may close the connection once it has refused: also a refusal
    }
    assert.ok(status === 413 || status === -1, `status ${status}`);
    assert.ok(sent < 60 || status === 413, 'the whole oversized body was read and accepted');
    await stillUp();
  });

  it('deeply nested import bodies get a clean 400 and the server stays up', async () => {
    const depth = 100_000;
    const deepArray = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const deepObject = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const bundles = [
      `{"resourceType":"Bundle","type":"transaction","entry":${deepArray}}`,
      `{"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"PUT","url":"Patient/deep"},` +
        `"resource":{"resourceType":"Patient","id":"deep","extension":${deepArray}}}]}`,
      `{"resourceType":"Bundle","type":"batch","entry":[{"request":{"method":"POST","url":"Patient"},` +
        `"resource":{"resourceType":"Patient","text":${deepObject}}}]}`,
      `{"resourceType":"Bundle","type":"transaction","entry":[],"meta":${deepObject}}`,
    ];
    for (const body of bundles) {
      await clean400(await post(body));
      await stillUp();
    }
    // And malformed JSON, a wrong content type and a non-Bundle.
    await clean400(await post('{"resourceType":"Bundle",'));
    await clean400(await post('[1,2,3]'));
    assert.equal((await post('{}', 'text/plain')).status, 415);
    await stillUp();
  });

  it('after every attack above the data is byte-for-byte unchanged', async () => {
    assert.deepEqual(await totals(), totalsBefore);
    const afterSnapshot = storeSnapshot(s.fhirDir);
    assert.deepEqual(afterSnapshot, before_);
    assert.equal(afterSnapshot.patients, totalsBefore.patients);
    assert.equal(afterSnapshot.observations, totalsBefore.observations);
    assert.ok(before_.patients >= 120 && before_.observations > 0);
  });
});

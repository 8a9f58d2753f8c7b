import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { normalizeText } from './text.ts';
import {
  APP_ORIGIN,
  link,
  startHarness,
  type Bundle,
  type Harness,
} from '../../test-support/fhir.ts';

describe('FHIR server foundation', () => {
  let h: Harness;
  let token: string;
  before(async () => {
    h = await startHarness();
    token = await h.token();
  });
  after(() => h.close());

  it('serves the CapabilityStatement without a token', async () => {
    const res = await h.get('/metadata');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/fhir\+json/);
    const body = (await res.json()) as { resourceType: string; fhirVersion: string };
    assert.equal(body.resourceType, 'CapabilityStatement');
    assert.equal(body.fhirVersion, '4.0.1');
  });

  it('refuses a request without a token with 401, a Bearer challenge and an OperationOutcome', async () => {
    const res = await h.get('/Patient');
    assert.equal(res.status, 401);
    assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer realm="fhir"/);
    const body = (await res.json()) as { resourceType: string };
    assert.equal(body.resourceType, 'OperationOutcome');
  });

  it('refuses a bad token with invalid_token and no patient data in the body', async () => {
    const res = await h.get('/Patient?name=nov', 'not.a.jwt');
    assert.equal(res.status, 401);
    assert.match(res.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
    const text = await res.text();
    assert.doesNotMatch(text, /Patient\/|pat-0|birthDate|nov/i);
    assert.match(text, /OperationOutcome/);
  });

  it('refuses a token whose audience is another server', async () => {
    const wrong = await h.token({ aud: 'http://localhost:1/fhir' });
    const res = await h.get('/Patient', wrong);
    assert.equal(res.status, 401);
    assert.match(res.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
    assert.match(await res.text(), /'aud' claim/);
  });

  it('pages through all patients with a total, and next links round-trip', async () => {
    const first = (await (await h.get('/Patient?_count=50', token)).json()) as Bundle;
    assert.equal(first.total, 120);
    assert.equal(first.entry?.length, 50);
    const next = link(first, 'next');
    assert.ok(next);
    const second = (await (await h.get(next, token)).json()) as Bundle;
    assert.equal(link(second, 'self'), next, 'the self link of the next page is the next link');
    assert.equal(second.total, 120);
    const third = (await (await h.get(link(second, 'next') ?? '', token)).json()) as Bundle;
    assert.equal(third.entry?.length, 20);
    assert.equal(link(third, 'next'), undefined);
    assert.equal(link(third, 'previous'), next);
    const ids = [first, second, third].flatMap((b) => b.entry?.map((e) => e.resource['id']) ?? []);
    assert.equal(new Set(ids).size, 120, 'no patient twice, none missing');
  });

  it('sorts patients by family then given name by default', async () => {
    const bundle = (await (await h.get('/Patient?_count=200', token)).json()) as Bundle;
    const keys = (bundle.entry ?? []).map((e) => {
      const name = (e.resource['name'] as { family: string; given: string[] }[])[0];
      return [
        normalizeText(name?.family ?? ''),
        normalizeText(name?.given.join(' ') ?? ''),
      ] as const;
    });
    const sorted = [...keys].sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1]));
    assert.deepEqual(keys, sorted);
  });

  it('finds patients by name prefix, ignoring case and accents', async () => {
    const all = (await (await h.get('/Patient?_count=200', token)).json()) as Bundle;
    const accented = (all.entry ?? []).find((e) =>
      /[^\x20-\x7e]/.test((e.resource['name'] as { family: string }[])[0]?.family ?? ''),
    );
    assert.ok(accented, 'the seed has accented family names');
    const family = (accented.resource['name'] as { family: string }[])[0]?.family ?? '';
    const plain = norm(family).slice(0, 3).toUpperCase();
    const found = (await (
      await h.get(`/Patient?name=${encodeURIComponent(plain)}`, token)
    ).json()) as Bundle;
    assert.ok(found.entry?.some((e) => e.resource['id'] === accented.resource['id']));
  });

  it("lists a patient's observations newest first, with paging", async () => {
    const res = await h.get('/Observation?patient=pat-0001&_sort=-date&_count=10', token);
    assert.equal(res.status, 200);
    const bundle = (await res.json()) as Bundle;
    assert.ok((bundle.total ?? 0) > 30, 'several years of observations');
    const dates = (bundle.entry ?? []).map((e) => String(e.resource['effectiveDateTime']));
    assert.deepEqual(dates, [...dates].sort().reverse());
    const next = (await (await h.get(link(bundle, 'next') ?? '', token)).json()) as Bundle;
    const nextDates = (next.entry ?? []).map((e) => String(e.resource['effectiveDateTime']));
    assert.ok((nextDates[0] ?? '') <= (dates.at(-1) ?? ''), 'page 2 continues where page 1 ended');
    const subjects = new Set(
      (bundle.entry ?? []).map((e) => JSON.stringify(e.resource['subject'])),
    );
    assert.deepEqual([...subjects], [JSON.stringify({ reference: 'Patient/pat-0001' })]);
  });

  it('accepts subject=Patient/x the same as patient=x', async () => {
    const a = (await (
      await h.get('/Observation?subject=Patient/pat-0002', token)
    ).json()) as Bundle;
    const b = (await (await h.get('/Observation?patient=pat-0002', token)).json()) as Bundle;
    assert.equal(a.total, b.total);
  });

  it('answers CORS preflights for the app origin only, allowing Authorization and DPoP', async () => {
    const res = await fetch(`${h.fhir.baseUrl}/Patient`, {
      method: 'OPTIONS',
      headers: {
        Origin: APP_ORIGIN,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization,dpop',
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), APP_ORIGIN);
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /DPoP/);
    const other = await fetch(`${h.fhir.baseUrl}/Patient`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://evil.test', 'Access-Control-Request-Method': 'GET' },
    });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    const get = await h.get('/Patient/pat-0001', token, { Origin: APP_ORIGIN });
    assert.match(get.headers.get('access-control-expose-headers') ?? '', /ETag/);
  });
});

function norm(s: string): string {
  return normalizeText(s);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

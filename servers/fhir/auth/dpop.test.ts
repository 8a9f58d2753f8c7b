import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  SignJWT,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  type CryptoKey,
  type JWK,
} from 'jose';
import { createDpopVerifier } from './dpop.ts';
import { startHarness, type Harness } from '../../../test-support/fhir.ts';

interface ProofOptions {
  method?: string;
  url?: string;
  token?: string;
  iat?: number;
  key?: { privateKey: CryptoKey; jwk: JWK };
  typ?: string;
}

describe('DPoP-bound tokens', () => {
  let h: Harness;
  let key: { privateKey: CryptoKey; jwk: JWK };
  let token: string;
  let url: string;

  const proof = async (o: ProofOptions = {}): Promise<string> => {
    const k = o.key ?? key;
    return new SignJWT({
      htm: o.method ?? 'GET',
      htu: o.url ?? url,
      jti: randomUUID(),
      ath: createHash('sha256')
        .update(o.token ?? token)
        .digest('base64url'),
    })
      .setProtectedHeader({ alg: 'ES256', typ: o.typ ?? 'dpop+jwt', jwk: k.jwk })
      .setIssuedAt(o.iat ?? Math.floor(Date.now() / 1000))
      .sign(k.privateKey);
  };
  const call = (auth: string, dpop?: string): Promise<Response> =>
    fetch(url, { headers: { Authorization: auth, ...(dpop ? { DPoP: dpop } : {}) } });
  const newKey = async (): Promise<{ privateKey: CryptoKey; jwk: JWK }> => {
    const pair = await generateKeyPair('ES256');
    return { privateKey: pair.privateKey, jwk: await exportJWK(pair.publicKey) };
  };
  const expectRefused = async (res: Response, scheme = 'DPoP'): Promise<void> => {
    assert.equal(res.status, 401);
    assert.match(res.headers.get('www-authenticate') ?? '', new RegExp(`^${scheme} `));
    assert.equal(((await res.json()) as { resourceType: string }).resourceType, 'OperationOutcome');
  };

  before(async () => {
    h = await startHarness();
    key = await newKey();
    token = await h.token({ extra: { cnf: { jkt: await calculateJwkThumbprint(key.jwk) } } });
    url = `${h.fhir.baseUrl}/Patient/pat-0001`;
  });
  after(() => h.close());

  it('accepts a valid proof, with a query string on the request', async () => {
    assert.equal((await call(`DPoP ${token}`, await proof())).status, 200);
    const search = `${h.fhir.baseUrl}/Patient?_count=1`;
    const res = await fetch(search, {
      headers: {
        Authorization: `DPoP ${token}`,
        DPoP: await proof({ url: `${h.fhir.baseUrl}/Patient` }),
      },
    });
    assert.equal(res.status, 200);
  });

  it('refuses a replayed proof', async () => {
    const p = await proof();
    assert.equal((await call(`DPoP ${token}`, p)).status, 200);
    const again = await call(`DPoP ${token}`, p);
    await expectRefused(again);
    assert.match(again.headers.get('www-authenticate') ?? '', /invalid_dpop_proof/);
  });

  it('refuses the bound token presented as Bearer', async () => {
    await expectRefused(await call(`Bearer ${token}`, await proof()));
  });

  it('refuses a missing proof and a proof of the wrong type', async () => {
    await expectRefused(await call(`DPoP ${token}`));
    await expectRefused(await call(`DPoP ${token}`, await proof({ typ: 'JWT' })));
  });

  it('refuses a proof for another method, URL or token', async () => {
    await expectRefused(await call(`DPoP ${token}`, await proof({ method: 'POST' })));
    await expectRefused(
      await call(`DPoP ${token}`, await proof({ url: `${h.fhir.baseUrl}/Patient/pat-0002` })),
    );
    await expectRefused(await call(`DPoP ${token}`, await proof({ token: 'another-token' })));
  });

  it('refuses a proof signed by a key other than the bound one', async () => {
    await expectRefused(await call(`DPoP ${token}`, await proof({ key: await newKey() })));
  });

  it('refuses a stale proof', async () => {
    const iat = Math.floor(Date.now() / 1000) - 3600;
    await expectRefused(await call(`DPoP ${token}`, await proof({ iat })));
  });

  it('refuses the DPoP scheme with a token that is not DPoP-bound', async () => {
    const plain = await h.token();
    await expectRefused(await call(`DPoP ${plain}`, await proof({ token: plain })));
  });
});

describe('the DPoP replay cache under a flood of valid proofs', () => {
  it('stays within its size and still refuses replays, recent and forgotten alike', async () => {
    const verify = createDpopVerifier(20);
    const pair = await generateKeyPair('ES256');
    const jwk = await exportJWK(pair.publicKey);
    const jkt = await calculateJwkThumbprint(jwk);
    const accessToken = 'header.payload.signature';
    const url = 'http://localhost:4400/fhir/Patient';
    const sign = (iat: number) =>
      new SignJWT({
        htm: 'GET',
        htu: url,
        jti: randomUUID(),
        ath: createHash('sha256').update(accessToken).digest('base64url'),
      })
        .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk })
        .setIssuedAt(iat)
        .sign(pair.privateKey);
    const now = Math.floor(Date.now() / 1000);
    const request = (proof: string) => ({
      scheme: 'DPoP' as const,
      proof,
      method: 'GET',
      url,
      accessToken,
      jkt,
    });
    const proofs: string[] = [];
    for (let i = 0; i < 100; i += 1) {
      // Issued a second apart, as a busy client would, all still fresh.
      const proof = await sign(now - 100 + i);
      proofs.push(proof);
      await verify(request(proof));
    }
    await assert.rejects(verify(request(proofs[99] ?? '')), /already used/, 'a recent replay');
    await assert.rejects(verify(request(proofs[0] ?? '')), /already used/, 'a forgotten replay');
    await verify(request(await sign(now)));
  });
});

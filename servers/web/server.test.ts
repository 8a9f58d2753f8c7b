import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startWebServer, type RunningWebServer } from './server.ts';

const config = {
  okta: { issuer: 'https://dev-1.okta.example/oauth2/default', clientId: 'x', scopes: ['openid'] },
  loginMode: 'redirect',
  fhir: { baseUrl: 'https://fhir.example.test/r4' },
};

describe('production host', () => {
  let dir: string;
  let server: RunningWebServer;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fhirokta-web-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><app-root></app-root>');
    writeFileSync(join(dir, 'main-ABC.js'), 'void 0;');
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    server = await startWebServer({ port: 0, distDir: dir });
  });

  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves app routes as the SPA, so deep links and reloads work', async () => {
    const response = await fetch(`${server.url}/observations/pat-0001`);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /<app-root>/);
  });

  it('answers a missing asset with 404 instead of the SPA', async () => {
    const response = await fetch(`${server.url}/missing-chunk.js`);
    assert.equal(response.status, 404);
  });

  it('sends a strict CSP that lets the app reach only its issuer and FHIR origins', async () => {
    const response = await fetch(`${server.url}/patients`);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-eval/);
    assert.match(
      csp,
      /connect-src 'self' https:\/\/dev-1\.okta\.example https:\/\/fhir\.example\.test(;|$)/,
    );
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /object-src 'none'/);
    assert.match(csp, /base-uri 'self'/);
    assert.match(csp, /frame-src https:\/\/dev-1\.okta\.example(;|$)/);
    assert.match(csp, /form-action 'self' https:\/\/dev-1\.okta\.example(;|$)/);
    assert.equal(response.headers.get('x-frame-options'), 'DENY');
    assert.equal(response.headers.get('cross-origin-opener-policy'), 'same-origin');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.ok(response.headers.get('permissions-policy'));
  });

  it('serves config.json uncached so a deployment can replace it', async () => {
    const response = await fetch(`${server.url}/config.json`);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await response.json(), config);
  });

  it('keeps the HTML shell of every app route out of the browser cache (no-store), and caches nothing else by accident', async () => {
    for (const path of ['/', '/patients', '/observations/pat-0001', '/login/callback']) {
      const response = await fetch(`${server.url}${path}`);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('cache-control'), 'no-store', path);
      await response.body?.cancel();
    }
  });

  it('keeps the CSP closed to every remote origin when config.json is unusable', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'fhirokta-web-broken-'));
    writeFileSync(join(broken, 'index.html'), '<!doctype html><app-root></app-root>');
    writeFileSync(join(broken, 'config.json'), '{ not json');
    const host = await startWebServer({ port: 0, distDir: broken });
    try {
      const response = await fetch(`${host.url}/patients`);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /connect-src 'self'(;|$)/);
      assert.match(csp, /frame-src 'none'/);
      // The app still loads and explains the broken file itself.
      assert.equal((await fetch(`${host.url}/config.json`)).status, 200);
    } finally {
      await host.close();
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it('lets exactly the configured EHRs frame the app, and the app call their servers', async () => {
    const withEhrs = mkdtempSync(join(tmpdir(), 'fhirokta-web-ehrs-'));
    writeFileSync(join(withEhrs, 'index.html'), '<!doctype html><app-root></app-root>');
    const ehrs = [
      { name: 'Example EHR', iss: 'https://ehr.example/fhir', clientId: 'a' },
      { name: 'Down EHR', iss: 'https://down.example/r4', clientId: 'b' },
    ];
    writeFileSync(join(withEhrs, 'config.json'), JSON.stringify({ ...config, ehrs }));
    const unread: string[] = [];
    const fetchFn = (async (input: string | URL | Request) =>
      String(input) === 'https://ehr.example/fhir/.well-known/smart-configuration'
        ? Response.json({
            authorization_endpoint: 'https://auth.ehr.example/authorize',
            token_endpoint: 'https://auth.ehr.example/token',
            code_challenge_methods_supported: ['S256'],
          })
        : new Response('', { status: 503 })) as typeof fetch;
    const host = await startWebServer({
      port: 0,
      distDir: withEhrs,
      fetchFn,
      onEhrUnread: (ehr) => unread.push(ehr.name),
    });
    try {
      const response = await fetch(`${host.url}/launch?iss=x&launch=y`);
      const csp = response.headers.get('content-security-policy') ?? '';
      const ehrOrigins = 'https://ehr.example https://auth.ehr.example https://down.example';
      assert.match(csp, new RegExp(`frame-ancestors ${ehrOrigins}(;|$)`));
      assert.match(
        csp,
        new RegExp(
          `connect-src 'self' https://dev-1.okta.example https://fhir.example.test ${ehrOrigins}(;|$)`,
        ),
      );
      assert.equal(response.headers.get('x-frame-options'), null);
      assert.deepEqual(unread, ['Down EHR']);
    } finally {
      await host.close();
      rmSync(withEhrs, { recursive: true, force: true });
    }
  });

  it('refuses to start without a build, saying how to make one', async () => {
    await assert.rejects(
      startWebServer({ port: 0, distDir: join(dir, 'nowhere') }),
      /run `npm run build` first/,
    );
  });
});

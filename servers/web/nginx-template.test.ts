// The nginx template is what most deployments will run, and CI has no nginx: this keeps its headers in step
// with the production host's, which the e2e suite exercises in Chromium.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../stack-config.ts';
import { securityHeaders } from './security-headers.ts';

const template = readFileSync(resolve(repoRoot, 'deploy/nginx.conf.template'), 'utf8');
const origins = {
  issuerOrigin: 'https://dev-123456.okta.example',
  fhirOrigin: 'https://fhir.example.test',
};

/** What the nginx image's entrypoint does to the template: substitute the variables set in the environment. */
function rendered(): string {
  return template
    .replaceAll('${FHIROKTA_ISSUER_ORIGIN}', origins.issuerOrigin)
    .replaceAll('${FHIROKTA_FHIR_ORIGIN}', origins.fhirOrigin);
}

/** `add_header Name "value" always;` lines at server level, by lower-cased name. */
function addedHeaders(config: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const match of config.matchAll(/^\s*add_header\s+(\S+)\s+("([^"]*)"|\S+)\s+always;/gm)) {
    const [, name = '', bare = '', quoted] = match;
    headers.set(name.toLowerCase(), quoted ?? bare);
  }
  return headers;
}

describe('deploy/nginx.conf.template', () => {
  it('sends exactly the security headers the production host sends', () => {
    const nginx = addedHeaders(rendered());
    for (const [name, value] of Object.entries(securityHeaders(origins))) {
      assert.equal(nginx.get(name.toLowerCase()), value, name);
    }
  });

  it('uses only the two documented variables, so the entrypoint leaves nginx variables alone', () => {
    const variables = new Set([...template.matchAll(/\$\{(\w+)\}/g)].map((match) => match[1]));
    assert.deepEqual([...variables].sort(), ['FHIROKTA_FHIR_ORIGIN', 'FHIROKTA_ISSUER_ORIGIN']);
  });

  it('sets headers only at server level: an add_header inside a location drops all the others there', () => {
    const locations = [...template.matchAll(/location[^{]*\{([^}]*)\}/g)].map((match) => match[1]);
    assert.ok(locations.length >= 2, 'the template has its asset and SPA locations');
    for (const body of locations) assert.doesNotMatch(body ?? '', /add_header/);
  });

  it("sends the app's scripts, styles and JSON gzip-compressed, as the bundle figures assume", () => {
    assert.match(template, /^\s*gzip on;/m);
    assert.match(template, /^\s*gzip_vary on;/m);
    const types = /^\s*gzip_types ([^;]+);/m.exec(template)?.[1]?.split(/\s+/) ?? [];
    for (const type of ['application/javascript', 'text/css', 'application/json']) {
      assert.ok(types.includes(type), type);
    }
  });

  it('never caches config.json or the HTML shell; only hashed assets are cached', () => {
    assert.match(template, /^\s*\/config\.json\s+"no-store";/m);
    assert.match(template, /^\s*default\s+"no-store";/m);
    assert.match(template, /add_header Cache-Control \$fhirokta_cache_control always;/);
  });
});

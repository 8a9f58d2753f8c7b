import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ehrsOf, readEhrOrigins, watchEhrOrigins } from './ehr-origins.ts';

const EHR = { name: 'Example EHR', iss: 'https://ehr.example/fhir' };
const SMART = {
  authorization_endpoint: 'https://auth.ehr.example/authorize',
  token_endpoint: 'https://token.ehr.example/token',
  revocation_endpoint: 'https://auth.ehr.example/revoke',
  code_challenge_methods_supported: ['S256'],
};

/** A fetch that answers from a table of URLs, and records what was asked. */
function fakeFetch(answers: Record<string, unknown>): typeof fetch & { asked: string[] } {
  const asked: string[] = [];
  const fn = async (input: string | URL | Request) => {
    const url = String(input);
    asked.push(url);
    if (!(url in answers)) return new Response('', { status: 404 });
    return Response.json(answers[url]);
  };
  return Object.assign(fn, { asked }) as typeof fetch & { asked: string[] };
}

describe('the production host reads each EHR’s origins', () => {
  it('from its SMART configuration: the FHIR, authorization, token and revocation origins', async () => {
    const fetchFn = fakeFetch({
      'https://ehr.example/fhir/.well-known/smart-configuration': SMART,
    });
    assert.deepEqual(await readEhrOrigins(EHR, fetchFn), {
      name: 'Example EHR',
      origins: ['https://ehr.example', 'https://auth.ehr.example', 'https://token.ehr.example'],
    });
  });

  it('from the CapabilityStatement of an older EHR', async () => {
    const fetchFn = fakeFetch({
      'https://ehr.example/fhir/metadata': {
        resourceType: 'CapabilityStatement',
        rest: [
          {
            mode: 'server',
            security: {
              extension: [
                {
                  url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
                  extension: [
                    { url: 'authorize', valueUri: 'https://sso.ehr.example/a' },
                    { url: 'token', valueUri: 'https://sso.ehr.example/t' },
                  ],
                },
              ],
            },
          },
        ],
      },
    });
    const found = await readEhrOrigins(EHR, fetchFn);
    assert.deepEqual(found.origins, ['https://ehr.example', 'https://sso.ehr.example']);
  });

  it('only its FHIR origin, and why, when discovery cannot be read', async () => {
    const found = await readEhrOrigins(EHR, fakeFetch({}));
    assert.deepEqual(found.origins, ['https://ehr.example']);
    assert.match(found.unread ?? '', /SMART configuration could not be read \(Error: HTTP 404\)/);
  });

  it('keeps only usable entries of config.json', () => {
    assert.deepEqual(
      ehrsOf({ ehrs: [EHR, { name: 'x' }, { name: 'y', iss: 'not a url' }, null] }),
      [EHR],
    );
    assert.deepEqual(ehrsOf({}), []);
    assert.deepEqual(ehrsOf(null), []);
  });

  it('says which EHRs it could not read, once, at start-up', async () => {
    const unread: string[] = [];
    const watch = await watchEhrOrigins([EHR], (ehr) => unread.push(ehr.name), fakeFetch({}));
    watch.stop();
    assert.deepEqual(unread, ['Example EHR']);
    assert.deepEqual(watch.current()[0]?.origins, ['https://ehr.example']);
  });

  it('reads an EHR again until its discovery answers', async () => {
    let up = false;
    const answers = fakeFetch({
      'https://ehr.example/fhir/.well-known/smart-configuration': SMART,
    });
    const fetchFn = (async (input: string | URL | Request) =>
      up ? answers(input) : new Response('', { status: 503 })) as typeof fetch;
    const watch = await watchEhrOrigins([EHR], () => undefined, fetchFn, 5);
    assert.deepEqual(watch.current()[0]?.origins, ['https://ehr.example']);
    up = true;
    for (let turn = 0; turn < 200 && watch.current()[0]?.unread; turn++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    watch.stop();
    assert.equal(watch.current()[0]?.unread, undefined);
    assert.ok(watch.current()[0]?.origins.includes('https://token.ehr.example'));
  });
});

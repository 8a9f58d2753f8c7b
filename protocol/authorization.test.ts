import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseAuthorization } from './authorization.ts';
import type { Refusal } from './refusal.ts';

class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.description);
  }
}
const refuse = (refusal: Refusal): Error => new Refused(refusal);

function refusalOf(header: string | undefined): Refusal {
  try {
    parseAuthorization(header, refuse);
  } catch (e) {
    assert.ok(e instanceof Refused);
    return e.refusal;
  }
  assert.fail(`${String(header)} was accepted`);
}

describe('the Authorization header of a resource request', () => {
  test('gives the token and the scheme, whatever the case of the scheme', () => {
    assert.deepEqual(parseAuthorization('Bearer abc.def-_~+/==', refuse), {
      scheme: 'Bearer',
      token: 'abc.def-_~+/==',
    });
    assert.deepEqual(parseAuthorization('bearer  t', refuse), { scheme: 'Bearer', token: 't' });
    assert.deepEqual(parseAuthorization('dpop t', refuse), { scheme: 'DPoP', token: 't' });
  });

  test('no header is a request without credentials: no error code in the challenge', () => {
    for (const header of [undefined, '']) {
      const refusal = refusalOf(header);
      assert.equal(refusal.reason, 'no-token');
      assert.equal(refusal.scheme, 'Bearer');
      assert.equal(refusal.error, undefined);
    }
  });

  test('any other shape is a malformed header and an invalid token', () => {
    for (const header of ['Basic dXNlcg==', 'Bearer', 'Bearer a b', 'Bearer a"b', 'DPoP\tt']) {
      const refusal = refusalOf(header);
      assert.equal(refusal.reason, 'malformed-header', header);
      assert.equal(refusal.error, 'invalid_token', header);
    }
  });
});

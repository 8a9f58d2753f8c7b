import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { auditLogsIn, findLeaks, patientNamesIn } from './log-scan.ts';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIwMHUxIiwic2NvcGUiOiJvcGVuaWQifQ.c2lnbmF0dXJlLWJ5dGVz';
const clean =
  '{"time":"2026-11-29T02:00:00Z","sub":"00u1","method":"GET","path":"/fhir/Patient/pat-0001","status":200}';

describe('server log scanner', () => {
  it('passes clean request and audit lines', () => {
    assert.deepEqual(findLeaks([{ name: 'audit.log', text: clean }], ['Robinson', 'Leila']), []);
  });

  it('finds a JWT, an Authorization value and the demo password, naming only the kind and the source', () => {
    const leaks = findLeaks(
      [
        { name: '[fhir] output', text: `verified ${JWT}` },
        { name: '[auth] output', text: 'header Authorization: DPoP abcdefghijklmnopqrstuvwxyz' },
        { name: 'audit.log', text: 'signed in with fhirokta-demo' },
      ],
      [],
    );
    assert.deepEqual(leaks, [
      'a JWT in [fhir] output',
      'an Authorization header value in [auth] output',
      'the demo password in audit.log',
    ]);
    assert.ok(leaks.every((leak) => !leak.includes('eyJ') && !leak.includes('fhirokta-demo')));
  });

  it('finds a fragment of the demo password and any password field quoted from a request body', () => {
    const quoted =
      'unexpected error: Unexpected token ... "assword":fhirokta-de"... is not valid JSON';
    assert.deepEqual(findLeaks([{ name: '[auth] output', text: quoted }], []), [
      'the demo password in [auth] output',
      'a password field in [auth] output',
    ]);
    assert.deepEqual(findLeaks([{ name: 'x', text: "{ passcode: 'hunter2' }" }], []), [
      'a password field in x',
    ]);
    assert.deepEqual(
      findLeaks([{ name: 'x', text: 'sign-in failed; password reset not supported' }], []),
      [],
    );
  });

  it('finds a patient name as a whole word, in any case of its neighbours, but not inside another word', () => {
    const text = `${clean}\nGET /fhir/Patient?name=Robinson 200\nTaylorMade is not a name`;
    assert.deepEqual(findLeaks([{ name: 'audit.log', text }], ['Robinson', 'Taylor', 'Lee']), [
      'a patient name (8 letters) in audit.log, line 2',
    ]);
    assert.deepEqual(findLeaks([{ name: 'x', text: 'Zsófia' }], ['Zsófia']), [
      'a patient name (6 letters) in x, line 1',
    ]);
  });

  it('reads every given and family name from a FHIR data directory, and the audit logs beside it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fhirokta-log-scan-'));
    try {
      const db = new Database(join(dir, 'fhir.sqlite'));
      db.exec('CREATE TABLE patient_name (rid INTEGER, part TEXT, norm TEXT, raw TEXT)');
      const insert = db.prepare('INSERT INTO patient_name VALUES (1, ?, ?, ?)');
      insert.run('given', 'leila', 'Leila');
      insert.run('family', 'robinson', 'Robinson');
      insert.run('text', 'leila robinson', 'Leila Robinson');
      db.close();
      writeFileSync(join(dir, 'audit.log'), clean);
      writeFileSync(join(dir, 'audit.log.1'), 'older');
      writeFileSync(join(dir, 'auth.sqlite'), '');

      assert.deepEqual(patientNamesIn(dir).sort(), ['Leila', 'Robinson']);
      assert.deepEqual(
        auditLogsIn(dir)
          .map((log) => log.name)
          .sort(),
        ['audit.log', 'audit.log.1'],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

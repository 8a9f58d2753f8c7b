import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { auditPath, openAuditLog } from './audit.ts';

describe('audit log', () => {
  it('redacts values that identify a person and keeps ids, codes and paging', () => {
    assert.equal(
      auditPath('/fhir/Patient?name=Garc%C3%ADa&birthdate=1970&gender=female&_count=20'),
      '/fhir/Patient?name=*&birthdate=*&gender=female&_count=20',
    );
    assert.equal(auditPath('/fhir/Patient?family:exact=Smith'), '/fhir/Patient?family%3Aexact=*');
    assert.equal(
      auditPath('/fhir/Observation?patient=pat-0001&code=8867-4'),
      '/fhir/Observation?patient=pat-0001&code=8867-4',
    );
    assert.equal(auditPath('/fhir/Patient/pat-0001'), '/fhir/Patient/pat-0001');
  });

  it('rotates at the size limit, so it stays bounded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-'));
    const file = join(dir, 'audit.log');
    const log = openAuditLog(file, 2000);
    for (let i = 0; i < 100; i++) {
      log.write({
        time: 't',
        requestId: String(i),
        method: 'GET',
        path: '/fhir/Patient',
        status: 200,
        ms: 1,
      });
    }
    log.close();
    assert.ok(existsSync(`${file}.1`));
    assert.ok(readFileSync(file).length <= 2000);
    assert.ok(readFileSync(`${file}.1`).length <= 2000);
    const last = readFileSync(file, 'utf8').trim().split('\n').at(-1) ?? '';
    assert.equal((JSON.parse(last) as { requestId: string }).requestId, '99');
    rmSync(dir, { recursive: true, force: true });
  });

  it('measures the size limit in bytes, so multi-byte text cannot push it past the limit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-'));
    const file = join(dir, 'audit.log');
    const log = openAuditLog(file, 2000);
    // Users with non-ASCII logins: two or three bytes a character in UTF-8.
    for (let i = 0; i < 100; i++) {
      log.write({
        time: 't',
        requestId: String(i),
        sub: `${i % 2 ? 'ñ' : '日本'}`.repeat(10),
        method: 'GET',
        path: '/fhir/Patient',
        status: 200,
        ms: 1,
      });
    }
    log.close();
    assert.ok(readFileSync(file).length <= 2000, `${readFileSync(file).length} bytes`);
    assert.ok(
      readFileSync(`${file}.1`).length <= 2000,
      `${readFileSync(`${file}.1`).length} bytes`,
    );
    rmSync(dir, { recursive: true, force: true });
  });
});

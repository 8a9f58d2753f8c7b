import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FhirStore } from './store.ts';

describe('durability', () => {
  it('a process killed with SIGKILL mid-import leaves all or nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fhir-kill-'));
    const file = join(dir, 'fhir.sqlite');
    // A large seed is one long transaction; kill it once it has certainly started writing.
    const script = `
      import { FhirStore } from ${JSON.stringify(join(import.meta.dirname, 'store.ts'))};
      import { seedStore } from ${JSON.stringify(join(import.meta.dirname, '../seed-store.ts'))};
      const store = new FhirStore(${JSON.stringify(file)});
      process.stdout.write('ready\\n');
      seedStore(store, { patients: 3000, seed: 1 });
      process.stdout.write('done\\n');
    `;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('ready')) setTimeout(resolve, 1500);
      });
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const store = new FhirStore(file);
    const patients = store.count('Patient');
    const observations = store.count('Observation');
    store.close();
    rmSync(dir, { recursive: true, force: true });
    if (out.includes('done')) {
      assert.equal(patients, 3000);
    } else {
      assert.equal(patients, 0, 'the interrupted transaction left nothing behind');
      assert.equal(observations, 0);
    }
  });
});

/**
 * kill -9 during import: the importer CLI and the FHIR server's `POST /fhir`, each a real child
 * process killed with SIGKILL while it writes large transaction Bundles. Every Bundle must be all or
 * nothing, everything acknowledged before the kill must be there, and the data from before must be
 * untouched. (`servers/fhir/store/durability.test.ts` covers the seed; this covers import.)
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { seedStore } from '../servers/fhir/seed-store.ts';
import { FhirStore } from '../servers/fhir/store/store.ts';
import { mintToken, startIssuer, type TestIssuer } from '../test-support/fhir.ts';
import { freePort, launch, tsEntry, waitForUrl, type LaunchedProcess } from '../servers/launch.ts';

const OBSERVATIONS_PER_BUNDLE = 300;
const repoRoot = join(import.meta.dirname, '..');

/** One patient and its observations, PUT with fixed ids so a rerun is idempotent. */
function bundle(n: number): object {
  const pid = bundleId(n);
  const entry: object[] = [
    {
      fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      resource: {
        resourceType: 'Patient',
        id: pid,
        identifier: [{ system: 'urn:test:kill', value: pid }],
        name: [{ family: `Killtest${n}`, given: ['Import'] }],
        gender: 'other',
        birthDate: '1970-01-01',
      },
      request: { method: 'PUT', url: `Patient/${pid}` },
    },
  ];
  for (let j = 0; j < OBSERVATIONS_PER_BUNDLE; j++) {
    const id = `${pid}-o${String(j).padStart(4, '0')}`;
    entry.push({
      resource: {
        resourceType: 'Observation',
        id,
        status: 'final',
        category: [
          {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/observation-category',
                code: 'vital-signs',
              },
            ],
          },
        ],
        code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] },
        subject: { reference: `Patient/${pid}` },
        effectiveDateTime: new Date(Date.UTC(2020, 0, 1) + j * 86_400_000).toISOString(),
        valueQuantity: {
          value: 60 + (j % 40),
          unit: '/min',
          system: 'http://unitsofmeasure.org',
          code: '/min',
        },
      },
      request: { method: 'PUT', url: `Observation/${id}` },
    });
  }
  return { resourceType: 'Bundle', type: 'transaction', entry };
}

const bundleId = (n: number): string => `kill-${String(n).padStart(4, '0')}`;

interface Census {
  patients: number;
  observations: number;
  complete: Set<string>;
  partial: string[];
  integrity: string;
}

/** Opens the store as the next process would (WAL recovery included) and classifies every Bundle. */
function census(file: string, bundles: number): Census {
  const store = new FhirStore(file);
  try {
    const observationsOf = store.db.prepare(
      "SELECT count(*) AS n FROM resource WHERE type = 'Observation' AND id LIKE ?",
    );
    const complete = new Set<string>();
    const partial: string[] = [];
    for (let n = 0; n < bundles; n++) {
      const pid = bundleId(n);
      const patient = store.read('Patient', pid) !== undefined;
      const obs = (observationsOf.get(`${pid}-o%`) as { n: number }).n;
      if (patient && obs === OBSERVATIONS_PER_BUNDLE) complete.add(pid);
      else if (patient || obs > 0) partial.push(`${pid}: patient ${String(patient)}, ${obs} obs`);
    }
    return {
      patients: store.count('Patient'),
      observations: store.count('Observation'),
      complete,
      partial,
      integrity: String(store.db.pragma('integrity_check', { simple: true })),
    };
  } finally {
    store.close();
  }
}

function seededStore(dir: string): { file: string; patients: number; observations: number } {
  const file = join(dir, 'fhir.sqlite');
  const store = new FhirStore(file);
  seedStore(store, { patients: 5, seed: 7 });
  const counts = { patients: store.count('Patient'), observations: store.count('Observation') };
  store.close();
  return { file, ...counts };
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

describe('kill -9 during import', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  const issuers: TestIssuer[] = [];
  const tempDir = (prefix: string): string => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
  after(async () => {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited(child);
    }
    await Promise.all(issuers.map((i) => i.close()));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('the import CLI killed mid-file keeps every committed file whole and half of none', async () => {
    const dir = tempDir('kill-import-');
    const before = seededStore(dir);
    const files = join(dir, 'bundles');
    mkdirSync(files);
    const total = 60;
    for (let n = 0; n < total; n++) {
      writeFileSync(join(files, `b${String(n).padStart(4, '0')}.json`), JSON.stringify(bundle(n)));
    }

    const { command, args } = tsEntry(join(repoRoot, 'servers/fhir/import-main.ts'));
    const child = spawn(command, [...args, '--data-dir', dir, files], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const reported = new Set<string>();
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        for (const m of out.matchAll(/\] .*b(\d{4})\.json: loaded/g))
          reported.add(bundleId(Number(m[1])));
        // A few files in, the importer is inside the next file's transaction most of the time.
        if (reported.size >= 8) resolve();
      });
      child.once('exit', () => reject(new Error(`the importer exited early:\n${out}\n${err}`)));
    });
    assert.ok(child.pid);
    child.kill('SIGKILL');
    const { signal } = await exited(child);
    assert.equal(signal, 'SIGKILL');

    const after = census(before.file, total);
    assert.equal(after.integrity, 'ok');
    assert.deepEqual(after.partial, [], 'a Bundle was half-written');
    for (const pid of reported)
      assert.ok(after.complete.has(pid), `${pid} was reported loaded but is gone`);
    assert.ok(
      after.complete.size < total,
      'the import finished before the kill: nothing was tested',
    );
    assert.equal(after.patients, before.patients + after.complete.size);
    assert.equal(
      after.observations,
      before.observations + after.complete.size * OBSERVATIONS_PER_BUNDLE,
    );

    // Nothing half-written is left to trip over: running the import again completes it.
    const rerun = spawn(command, [...args, '--data-dir', dir, files], { stdio: 'ignore' });
    children.push(rerun);
    assert.deepEqual(await exited(rerun), { code: 0, signal: null });
    const final = census(before.file, total);
    assert.equal(final.complete.size, total);
    assert.equal(final.patients, before.patients + total);
    assert.equal(final.observations, before.observations + total * OBSERVATIONS_PER_BUNDLE);
  });

  it('the FHIR server killed during POST /fhir transactions keeps every acknowledged Bundle and half of none', async () => {
    const dir = tempDir('kill-post-');
    const before = seededStore(dir);
    // A stand-in issuer: the real one grants no write scope, and this test is about storage.
    const issuer = await startIssuer();
    issuers.push(issuer);
    const port = await freePort();
    const baseUrl = `http://localhost:${port}/fhir`;
    const start = (): LaunchedProcess => {
      const { command, args } = tsEntry(join(repoRoot, 'servers/fhir/main.ts'));
      const server = launch({
        name: 'fhir',
        command,
        args,
        env: {
          FHIR_PORT: String(port),
          DATA_DIR: dir,
          ISSUER: issuer.issuer,
          APP_ORIGIN: 'http://localhost:4200',
        },
        output: 'quiet',
      });
      children.push(server.child);
      return server;
    };
    const server = start();
    await waitForUrl(`${baseUrl}/metadata`, server);
    const token = await mintToken(issuer, baseUrl, { scope: 'user/*.read user/*.write' });

    const total = 80;
    let next = 0;
    let killed = false;
    const acknowledged = new Set<string>();
    const bodies = Array.from({ length: total }, (_, n) => JSON.stringify(bundle(n)));
    const poster = async (): Promise<void> => {
      while (!killed && next < total) {
        const n = next++;
        try {
          const res = await fetch(baseUrl, {
            method: 'POST',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json' },
            body: bodies[n],
          });
          if (res.status === 200) acknowledged.add(bundleId(n));
          else assert.fail(`POST answered ${res.status}: ${await res.text()}`);
          await res.arrayBuffer().catch(() => undefined);
        } catch (e) {
          if (!killed) throw e; // a connection cut by the kill is expected; anything else is not
        }
      }
    };
    const posters = Array.from({ length: 3 }, poster);
    while (acknowledged.size < 10) await new Promise((r) => setTimeout(r, 5));
    killed = true;
    server.child.kill('SIGKILL');
    assert.equal((await exited(server.child)).signal, 'SIGKILL');
    await Promise.all(posters);

    const after = census(before.file, total);
    assert.equal(after.integrity, 'ok');
    assert.deepEqual(after.partial, [], 'a Bundle was half-written');
    for (const pid of acknowledged)
      assert.ok(after.complete.has(pid), `${pid} was acknowledged but is gone`);
    assert.ok(
      after.complete.size < total,
      'every Bundle was written before the kill: nothing was tested',
    );
    assert.equal(after.patients, before.patients + after.complete.size);
    assert.equal(
      after.observations,
      before.observations + after.complete.size * OBSERVATIONS_PER_BUNDLE,
    );

    // The restarted server serves exactly what survived.
    const again = start();
    await waitForUrl(`${baseUrl}/metadata`, again);
    const reader = await mintToken(issuer, baseUrl);
    const count = async (query: string): Promise<number | undefined> => {
      const res = await fetch(`${baseUrl}/${query}&_summary=count`, {
        headers: { Authorization: `Bearer ${reader}` },
      });
      return ((await res.json()) as { total?: number }).total;
    };
    assert.equal(
      await count('Patient?gender=other&identifier=urn:test:kill|'),
      after.complete.size,
    );
    const [first] = acknowledged;
    assert.equal(await count(`Observation?patient=${String(first)}`), OBSERVATIONS_PER_BUNDLE);
    again.child.kill('SIGTERM');
    await exited(again.child);
  });
});

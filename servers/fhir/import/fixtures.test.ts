import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isReadableType } from '../config.ts';
import { importFile, listFiles } from './files.ts';
import { FhirStore } from '../store/store.ts';
import { startHarness, type Bundle, type Harness } from '../../../test-support/fhir.ts';

type Json = Record<string, unknown>;

/** Real-world data from ../shared/fixtures (Synthea, HL7 examples); skipped on a fresh clone without it. */
const fixtures = join(import.meta.dirname, '../../../../shared/fixtures');
const haveFixtures = existsSync(join(fixtures, 'synthea'));

describe('importing the shared fixtures', () => {
  let h: Harness;
  let writer: string;
  let reader: string;
  const count = (path: string): Promise<number> => h.count(path, reader);

  before(async () => {
    h = await startHarness();
    writer = await h.token({ scope: 'user/*.read user/*.write' });
    reader = await h.token();
  });
  after(() => h.close());

  it(
    'Synthea fixtures: a raw bundle is refused whole (it holds Claims); the importer loads the rest',
    { skip: !haveFixtures },
    async () => {
      const file = readdirSync(join(fixtures, 'synthea')).find((f) => f.endsWith('.json')) ?? '';
      const raw = JSON.parse(readFileSync(join(fixtures, 'synthea', file), 'utf8')) as Json;
      const before = await count('/Observation');
      const refused = await h.post('/', raw, writer);
      assert.equal(refused.status, 422);
      assert.equal(await count('/Observation'), before);

      await h.stop();
      const store = new FhirStore(join(h.dataDir, 'fhir.sqlite'));
      const reports = listFiles([join(fixtures, 'synthea')]).map((f) => importFile(store, f));
      store.close();
      assert.ok(
        reports.every((r) => !r.error),
        'every Synthea bundle loads',
      );
      const loaded = reports.reduce((n, r) => n + (r.loaded['Observation'] ?? 0), 0);
      assert.ok(loaded > 1000);
      // Every bundle is stored whole: each supported type's count is the bundle's, and every other
      // type is reported with its count and the reason.
      for (const report of reports) {
        const bundle = JSON.parse(readFileSync(report.file, 'utf8')) as {
          entry: { resource: Json }[];
        };
        const inBundle: Record<string, number> = {};
        for (const e of bundle.entry) {
          const type = String(e.resource['resourceType']);
          inBundle[type] = (inBundle[type] ?? 0) + 1;
        }
        const supported = Object.entries(inBundle).filter(([t]) => isReadableType(t));
        assert.deepEqual(report.loaded, Object.fromEntries(supported), report.file);
        for (const [type, n] of Object.entries(inBundle).filter(([t]) => !isReadableType(t))) {
          assert.equal(
            report.skipped[`${type}: not stored by this server`],
            n,
            `${report.file}: ${type}`,
          );
        }
        for (const reason of Object.keys(report.skipped)) {
          assert.match(reason, /: (not stored by this server|references to left-out resources)/);
        }
        assert.ok('Claim' in inBundle && 'Immunization' in report.loaded, report.file);
      }
      h = await startHarness({ issuer: h.issuer, dataDir: h.dataDir });
      reader = await h.token();
      assert.equal(await count('/Observation'), before + loaded);
      const family =
        ((raw['entry'] as { resource: Json }[])[0]?.resource['name'] as { family: string }[])[0]
          ?.family ?? '';
      const found = (await (
        await h.get(`/Patient?family=${encodeURIComponent(family)}`, reader)
      ).json()) as Bundle;
      const id = String(found.entry?.[0]?.resource['id']);
      const obs = (await (
        await h.get(`/Observation?patient=${id}&_count=1`, reader)
      ).json()) as Bundle;
      const encounter = (obs.entry?.[0]?.resource['encounter'] as { reference: string }).reference;
      assert.match(encounter, /^Encounter\//);
      assert.equal(
        (await h.get(`/${encounter}`, reader)).status,
        200,
        'references resolve to readable resources',
      );
    },
  );

  it(
    'HL7 examples: loads what fits and says what it skipped and why',
    { skip: !haveFixtures },
    async () => {
      await h.stop();
      const store = new FhirStore(join(h.dataDir, 'fhir.sqlite'));
      const reports = listFiles([join(fixtures, 'hl7-r4-examples')]).map((f) =>
        importFile(store, f),
      );
      store.close();
      h = await startHarness({ issuer: h.issuer, dataDir: h.dataDir });
      reader = await h.token();
      const loaded = reports.reduce(
        (n, r) => n + Object.values(r.loaded).reduce((a, b) => a + b, 0),
        0,
      );
      const skipped = reports.flatMap((r) => Object.keys(r.skipped));
      assert.ok(loaded > 20);
      assert.ok(
        skipped.some((s) => /must reference a Patient/.test(s)),
        'non-patient subjects are named',
      );
      assert.ok(
        skipped.some((s) => /does not have/.test(s)),
        'unknown patients are named',
      );
      assert.equal(
        (await h.get('/Observation?patient=example&_summary=count', reader)).status,
        200,
      );
      const hr = (await (
        await h.get('/Observation?patient=example&code=8867-4', reader)
      ).json()) as Bundle;
      assert.ok((hr.total ?? 0) >= 1);
      // The chart's examples of patient `example` are searchable: refused and historical
      // immunizations, the "no known allergies" record, procedures, reports.
      for (const [path, least] of [
        ['/Immunization?patient=example&_sort=-date', 3],
        ['/AllergyIntolerance?patient=example', 2],
        ['/Procedure?subject=Patient/example', 5],
        ['/DiagnosticReport?patient=example&_include=DiagnosticReport:result', 3],
        ['/Condition?patient=example', 2],
      ] as const) {
        const found = (await (await h.get(path, reader)).json()) as Bundle;
        assert.ok((found.total ?? 0) >= least, path);
      }
      const statuses = (
        (await (
          await h.get('/Immunization?patient=example&status=not-done', reader)
        ).json()) as Bundle
      ).total;
      assert.equal(statuses, 1, 'the refused immunization');
    },
  );
});

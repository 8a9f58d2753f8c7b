import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { startHarness, type Harness } from '../../../test-support/fhir.ts';

type Json = Record<string, unknown>;

const patient = (id: string, extra: Json = {}): Json => ({
  resourceType: 'Patient',
  id,
  name: [{ family: 'Oddshape', given: ['Ann'] }],
  ...extra,
});
const observation = (id: string, extra: Json = {}): Json => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
  subject: { reference: 'Patient/pat-0001' },
  ...extra,
});
const bundle = (type: string, resources: Json[]): Json => ({
  resourceType: 'Bundle',
  type,
  entry: resources.map((resource) => ({
    resource,
    request: {
      method: 'PUT',
      url: `${String(resource['resourceType'])}/${String(resource['id'])}`,
    },
  })),
});

/** The shapes the review sent, each with the element the refusal must name. */
const odd: [Json, string][] = [
  [patient('odd-1', { identifier: [null] }), 'Patient.identifier[0]'],
  [patient('odd-2', { name: [null] }), 'Patient.name[0]'],
  [patient('odd-3', { name: [{ given: 'Ann' }] }), 'Patient.name[0].given'],
  [
    observation('odd-4', { category: { coding: [{ code: 'vital-signs' }] } }),
    'Observation.category',
  ],
  [observation('odd-5', { code: { coding: 'x' } }), 'Observation.code.coding'],
];

describe('resources of odd shapes', () => {
  let h: Harness;
  let writer: string;
  before(async () => {
    h = await startHarness();
    writer = await h.token({ scope: 'user/*.read user/*.write' });
  });
  after(() => h.close());

  const read = async (resource: Json): Promise<number> =>
    (await h.get(`/${String(resource['resourceType'])}/${String(resource['id'])}`, writer)).status;

  it('each is refused in a one-entry batch with 422 naming the element, never a 500', async () => {
    for (const [resource, element] of odd) {
      const res = await h.post('/', bundle('batch', [resource]), writer);
      assert.equal(res.status, 200, element);
      const body = (await res.json()) as {
        entry: { response: { status: string; outcome: Json } }[];
      };
      assert.equal(body.entry[0]?.response.status, '422 Unprocessable Entity', element);
      const said = JSON.stringify(body.entry[0]?.response.outcome);
      assert.ok(said.includes(`"diagnostics":"${element} must be`), `${element}: ${said}`);
      assert.equal(await read(resource), 404, element);
    }
  });

  it('a batch stores its good entry and refuses the odd one; a transaction with one writes nothing', async () => {
    for (const [resource, element] of odd) {
      const good = patient(`good-${String(resource['id'])}`);
      const res = await h.post('/', bundle('batch', [good, resource]), writer);
      assert.equal(res.status, 200, element);
      const body = (await res.json()) as { entry: { response: { status: string } }[] };
      assert.deepEqual(
        body.entry.map((e) => e.response.status),
        ['201 Created', '422 Unprocessable Entity'],
        element,
      );
      assert.deepEqual([await read(good), await read(resource)], [200, 404], element);

      const other = patient(`tx-${String(resource['id'])}`);
      const tx = await h.post('/', bundle('transaction', [other, resource]), writer);
      assert.equal(tx.status, 422, element);
      const outcome = (await tx.json()) as { issue: { diagnostics: string }[] };
      assert.match(
        outcome.issue[0]?.diagnostics ?? '',
        /^Bundle\.entry\[1\]: .*nothing was written/,
      );
      assert.ok(outcome.issue[0]?.diagnostics.includes(element), element);
      assert.deepEqual([await read(other), await read(resource)], [404, 404], element);
    }
  });
});

describe('npm run import with a file of odd shapes among good ones', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fhir-odd-import-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reports that file and goes on with the next one', async () => {
    const files = {
      'b.json': patient('file-b'),
      'a.json': bundle('transaction', [
        patient('file-a1'),
        patient('file-a2', { identifier: [null] }),
      ]),
      'c.json': patient('file-c'),
      'd.json': bundle('batch', [
        patient('file-d1'),
        patient('file-d2', { name: [{ given: 'Ann' }] }),
      ]),
    };
    for (const [name, body] of Object.entries(files)) {
      writeFileSync(join(dir, name), JSON.stringify(body));
    }
    const args = [
      '--import',
      'tsx',
      'servers/fhir/import-main.ts',
      '--data-dir',
      join(dir, 'data'),
    ];
    const paths = ['b.json', 'a.json', 'c.json', 'd.json'].map((f) => join(dir, f));
    const run = await promisify(execFile)(process.execPath, [...args, ...paths]).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
    const lines = run.stdout.split('\n');
    assert.equal(run.code, 1, 'a refused file makes the exit status 1');
    assert.match(lines[0] ?? '', /\[1\/4\] .*b\.json: loaded 1 Patient$/);
    assert.match(
      lines[1] ?? '',
      /\[2\/4\] .*a\.json: REFUSED \(Bundle\.entry\[1\]: Patient\.identifier\[0\] must be .*nothing was written\)$/,
    );
    assert.match(lines[2] ?? '', /\[3\/4\] .*c\.json: loaded 1 Patient$/);
    assert.match(lines[3] ?? '', /\[4\/4\] .*d\.json: loaded 1 Patient$/);
    assert.match(lines[4] ?? '', /skipped 1: Patient: Patient\.name\[0\]\.given must be /);
    assert.match(lines[5] ?? '', /^3 resources from 3\/4 files/);
  });
});

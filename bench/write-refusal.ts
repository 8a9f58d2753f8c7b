/**
 * How long a write the token may not make takes to refuse: prints figures, asserts nothing.
 *
 *   tsx bench/write-refusal.ts [--mb 12.7] [--runs 9]
 *
 * POSTs a Bundle of about `--mb` megabytes to a local FHIR server with a read-only token (403) and with
 * no token (401), and prints min/median/max milliseconds for each. A server that checks the write
 * scope before reading the body answers the 403 about as fast as the 401.
 */
import { startHarness } from '../test-support/fhir.ts';
import { positiveOption } from './args.ts';

const megabytes = positiveOption('mb', 12.7);
const runs = positiveOption('runs', 9);

const entry = JSON.stringify({
  resource: { resourceType: 'Observation', status: 'final', code: { text: 'x'.repeat(900) } },
  request: { method: 'POST', url: 'Observation' },
});
const entries = Math.ceil((megabytes * 1024 * 1024) / (entry.length + 1));
const body = `{"resourceType":"Bundle","type":"transaction","entry":[${Array(entries).fill(entry).join(',')}]}`;

const h = await startHarness();
const readOnly = await h.token({ scope: 'user/*.read' });

async function time(token: string | undefined): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const res = await fetch(h.fhir.baseUrl, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/fhir+json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body,
  });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - started };
}

const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return `min ${at(0).toFixed(1)} / median ${at(0.5).toFixed(1)} / max ${at(1).toFixed(1)} ms`;
};

process.stdout.write(`Bundle of ${(body.length / 1024 / 1024).toFixed(1)} MB, ${runs} runs each\n`);
for (const [label, token] of [
  ['no token (401)', undefined],
  ['read-only token (403)', readOnly],
] as const) {
  await time(token); // warm-up
  const results = [];
  for (let i = 0; i < runs; i += 1) results.push(await time(token));
  const statuses = [...new Set(results.map((r) => r.status))].join(', ');
  process.stdout.write(`${label}: HTTP ${statuses}, ${summary(results.map((r) => r.ms))}\n`);
}
await h.close();

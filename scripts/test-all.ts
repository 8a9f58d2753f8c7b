// `npm test`: lint, unit, server and end-to-end tests in that order; stops at the first failing part and
// closes with one line that counts every test that ran.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromiumPath } = require('./chromium.cjs') as { chromiumPath(): string };

interface Part {
  name: string;
  args: string[];
  /** Reads passed/failed counts from the part's output, for the closing line. */
  count?: (output: string) => { passed: number; failed: number };
}

const lastNumber = (output: string, pattern: RegExp): number => {
  const matches = [...output.matchAll(pattern)];
  const last = matches.at(-1);
  return last ? Number(last[1]) : 0;
};

const parts: Part[] = [
  { name: 'lint', args: ['run', 'lint'] },
  {
    name: 'unit tests (Karma)',
    args: ['run', 'test:unit'],
    count: (out) => ({
      passed: lastNumber(out, /unit: (\d+) passed/g),
      failed: lastNumber(out, /unit: \d+ passed, (\d+) failed/g),
    }),
  },
  {
    name: 'server tests (node:test)',
    args: ['run', 'test:servers'],
    count: (out) => ({
      passed: lastNumber(out, /ℹ pass (\d+)/g),
      failed: lastNumber(out, /ℹ fail (\d+)/g),
    }),
  },
  {
    name: 'end-to-end tests (Playwright)',
    args: ['run', 'test:e2e'],
    count: (out) => ({
      passed: lastNumber(out, /^\s*(\d+) passed/gm),
      // A failing global teardown (the stack's log scan) is an error outside any test: count it too.
      failed:
        lastNumber(out, /^\s*(\d+) failed/gm) +
        lastNumber(out, /^\s*(\d+) errors? (?:was|were) not a part of any test/gm),
    }),
  },
];

try {
  process.env['CHROME_BIN'] = chromiumPath();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

const totals = { passed: 0, failed: 0 };
for (const part of parts) {
  process.stdout.write(`\n=== ${part.name}\n`);
  const result = await run('npm', part.args);
  const counted = part.count?.(result.output);
  if (counted) {
    totals.passed += counted.passed;
    totals.failed += counted.failed;
    process.stdout.write(`--- ${part.name}: ${counted.passed} passed, ${counted.failed} failed\n`);
  }
  if (result.exitCode !== 0) {
    process.stdout.write(`\n${part.name} failed (exit ${result.exitCode}).\n`);
    process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed\n`);
    process.exit(1);
  }
}
process.stdout.write(`\ntests: ${totals.passed} passed, ${totals.failed} failed\n`);

/** Runs a command with its output streamed to ours, and keeps a copy to count tests from. */
function run(command: string, args: string[]): Promise<{ exitCode: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      process.stderr.write(chunk);
    });
    child.on('close', (code) => resolve({ exitCode: code ?? 1, output }));
  });
}

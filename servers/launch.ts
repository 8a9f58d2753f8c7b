// Starts the stack's processes with prefixed logs and stops them together: used by `npm start` and the e2e harness.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/** A child process we started and must stop. */
export interface RunningProcess {
  readonly name: string;
  readonly child: ChildProcess;
}

export interface LaunchedProcess extends RunningProcess {
  /** Every line it wrote, when quiet (tests scan them for leaked tokens and PHI). */
  readonly output: readonly string[];
}

export interface LaunchOptions {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Prefix every output line with the process name (npm start) or drop output unless it fails (tests). */
  output: 'prefixed' | 'quiet';
}

/** Spawns one process; its output goes to ours line by line, prefixed with its name. */
export function launch(options: LaunchOptions): LaunchedProcess {
  const child = spawn(options.command, options.args, {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const buffered: string[] = [];
  const forward = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      // Servers that already tag their lines with their name are not tagged twice.
      const prefixed = line.startsWith(`[${options.name}]`)
        ? `${line}\n`
        : `[${options.name}] ${line}\n`;
      if (options.output === 'prefixed') process.stdout.write(prefixed);
      else buffered.push(prefixed);
    }
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  child.on('exit', (code, signal) => {
    if (code !== 0 && code !== null && options.output === 'quiet') {
      process.stderr.write(buffered.join(''));
    }
    if (options.output === 'prefixed' && signal === null) {
      process.stdout.write(`[${options.name}] exited with code ${String(code)}\n`);
    }
  });
  return { name: options.name, child, output: buffered };
}

/** Polls a URL until it answers (any HTTP status), or fails after the timeout. */
export async function waitForUrl(
  url: string,
  owner: RunningProcess,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (owner.child.exitCode !== null) {
      throw new Error(
        `${owner.name} exited with code ${String(owner.child.exitCode)} before ${url} answered`,
      );
    }
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await delay(200);
    }
  }
  throw new Error(`${owner.name} did not answer at ${url} within ${timeoutMs} ms`);
}

/** Stops processes we started, by PID, and waits until each has exited. */
export async function stopAll(processes: readonly RunningProcess[]): Promise<void> {
  await Promise.all(
    processes.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
        }),
    ),
  );
}

/** A port that is free on 127.0.0.1 right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not allocate a port'));
      });
    });
  });
}

/** The command line that runs one of our TypeScript entry points with the same Node. */
export function tsEntry(file: string): { command: string; args: string[] } {
  return { command: process.execPath, args: ['--import', 'tsx', file] };
}

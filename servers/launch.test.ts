import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { describe, it } from 'node:test';
import { freePort, launch, stopAll, waitForUrl } from './launch.ts';

const node = process.execPath;

describe('stack launcher', () => {
  it('finds a port nothing listens on', async () => {
    const port = await freePort();
    const server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    assert.equal(await (await fetch(`http://127.0.0.1:${port}`)).text(), 'ok');
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('waits until a started server answers, then stops it by PID', async () => {
    const port = await freePort();
    const script = `require('node:http').createServer((q, s) => s.end('up')).listen(${port}, '127.0.0.1')`;
    const started = launch({ name: 'tiny', command: node, args: ['-e', script], output: 'quiet' });
    await waitForUrl(`http://127.0.0.1:${port}/`, started, 10_000);
    await stopAll([started]);
    assert.notEqual(started.child.exitCode ?? started.child.signalCode, null);
  });

  it('reports a process that dies before it answers, instead of waiting out the timeout', async () => {
    const started = launch({
      name: 'broken',
      command: node,
      args: ['-e', 'process.exit(3)'],
      output: 'quiet',
    });
    await assert.rejects(
      waitForUrl('http://127.0.0.1:9/', started, 10_000),
      /broken exited with code 3/,
    );
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loggerOf } from './logger.ts';

test('every level reaches the sink with its name', () => {
  const lines: string[] = [];
  const log = loggerOf((level, message) => lines.push(`${level} ${message}`));
  log.info('started');
  log.warn('slow');
  log.error('failed');
  assert.deepEqual(lines, ['info started', 'warn slow', 'error failed']);
});

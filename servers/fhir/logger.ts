/**
 * One line per event on stdout. Callers pass only what is safe to log: method, path without query,
 * status, duration, request id, and at most the token's `sub`/`client_id`. Never tokens or PHI.
 */
import { loggerOf, type Logger } from '../../protocol/logger.ts';

// stdout to a file or pipe is a synchronous write on Linux: lines are gathered and written once per
// event-loop turn (one system call for every request that finished in it), and at exit.
let pending = '';
let turn: NodeJS.Immediate | undefined;
function flush(): void {
  clearImmediate(turn);
  turn = undefined;
  if (!pending) return;
  const text = pending;
  pending = '';
  process.stdout.write(text);
}
process.on('exit', flush);

export function createLogger(name: string, quiet = false): Logger {
  return loggerOf((level, message) => {
    if (quiet) return;
    pending += `${new Date().toISOString()} ${name} ${level} ${message}\n`;
    turn ??= setImmediate(flush);
  });
}

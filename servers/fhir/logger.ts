/**
 * One line per event on stdout. Callers pass only what is safe to log: method, path without query,
 * status, duration, request id, and at most the token's `sub`/`client_id`. Never tokens or PHI.
 */
export interface Logger {
  info(message: string): void;
  error(message: string): void;
}

export function createLogger(name: string, quiet = false): Logger {
  const write = (level: string, message: string): void => {
    if (!quiet) process.stdout.write(`${new Date().toISOString()} ${name} ${level} ${message}\n`);
  };
  return { info: (m) => write('info', m), error: (m) => write('error', m) };
}

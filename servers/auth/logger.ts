/**
 * The server's only log sink. Callers pass event names and non-sensitive fields: never tokens,
 * passwords, codes or anything about a patient.
 */
import type { Logger } from '../../protocol/logger.ts';

export function createLogger(prefix = 'auth'): Logger {
  const write = (level: string, message: string) =>
    process.stdout.write(`[${prefix}] ${level === 'info' ? '' : `${level}: `}${message}\n`);
  return {
    info: (message) => write('info', message),
    warn: (message) => write('warn', message),
    error: (message) => write('error', message),
  };
}

/** For tests: drops everything. */
export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

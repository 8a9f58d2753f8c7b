/**
 * The server's only log sink. Callers pass event names and non-sensitive fields: never tokens,
 * passwords, codes or anything about a patient.
 */
import { loggerOf, type Logger } from '../../protocol/logger.ts';

export function createLogger(prefix = 'auth'): Logger {
  return loggerOf((level, message) =>
    process.stdout.write(`[${prefix}] ${level === 'info' ? '' : `${level}: `}${message}\n`),
  );
}

/** For tests: drops everything. */
export const silentLogger: Logger = loggerOf(() => undefined);

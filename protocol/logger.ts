/**
 * What the servers log through, one shape for both. Callers pass event names and non-sensitive
 * fields only: never tokens, passwords, codes, request bodies or anything about a patient.
 *
 * Pure and dependency-free.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export type LogLevel = keyof Logger;

/** A Logger that hands every line to `write` with its level: each server decides where lines go. */
export function loggerOf(write: (level: LogLevel, message: string) => void): Logger {
  return {
    info: (message) => write('info', message),
    warn: (message) => write('warn', message),
    error: (message) => write('error', message),
  };
}

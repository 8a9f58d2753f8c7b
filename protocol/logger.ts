/**
 * What the servers log through, one shape for both. Callers pass event names and non-sensitive
 * fields only: never tokens, passwords, codes, request bodies or anything about a patient.
 *
 * Pure and dependency-free: types only.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

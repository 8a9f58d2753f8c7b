import { ErrorHandler, Injectable } from '@angular/core';

/**
 * Replaces Angular's default ErrorHandler, which writes the whole error to the console: an HTTP error's
 * message carries the request URL with its search terms (patient names, MRNs), and an error from a
 * template can carry displayed values. Only the error's kind and Angular error code are logged.
 */
@Injectable()
export class PhiSafeErrorHandler implements ErrorHandler {
  handleError(error: unknown): void {
    // eslint-disable-next-line no-console -- the one sanctioned console write: it carries no message text
    console.error(
      `Unexpected error: ${describeError(error)}. Details are withheld because they may contain patient data.`,
    );
  }
}

/** The error's class name and Angular code (NG0xxx), never its message. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = /\bNG0\d{3,4}\b/.exec(error.message)?.[0];
  return code ? `${error.name} ${code}` : error.name;
}

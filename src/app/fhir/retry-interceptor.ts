import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { catchError, finalize, switchMap, throwError, timer } from 'rxjs';
import { FHIR_SESSION } from './fhir-session';
import { isUnderFhirBase } from './fhir-url';
import { RetryPlan, retryPlan } from './retry-policy';

/** What the app is waiting for, so the shell can say so while it waits. */
@Injectable({ providedIn: 'root' })
export class RetryStatus {
  private readonly waits = signal<readonly RetryPlan[]>([]);
  /** The longest wait under way, if any. */
  readonly current = () => {
    const waits = this.waits();
    return waits.length ? waits.reduce((a, b) => (b.waitMs > a.waitMs ? b : a)) : undefined;
  };

  begin(plan: RetryPlan): void {
    this.waits.update((w) => [...w, plan]);
  }

  end(plan: RetryPlan): void {
    this.waits.update((w) => w.filter((p) => p !== plan));
  }
}

/**
 * Retries a failed FHIR read once when the server says a short wait will do (see retry-policy.ts).
 * Reads only: a write is never sent twice. It sits before the auth interceptor, so the retry gets a
 * fresh DPoP proof (a proof is good for one request).
 */
export const retryInterceptor: HttpInterceptorFn = (request, next) => {
  const { baseUrl } = inject(FHIR_SESSION);
  const reads = request.method === 'GET' || request.method === 'HEAD';
  if (!reads || !isUnderFhirBase(request.urlWithParams, baseUrl)) return next(request);
  const status = inject(RetryStatus);
  return next(request).pipe(
    catchError((error: unknown) => {
      const plan =
        error instanceof HttpErrorResponse
          ? retryPlan(error.status, error.headers.get('Retry-After'), Date.now())
          : undefined;
      if (!plan) return throwError(() => error);
      status.begin(plan);
      return timer(plan.waitMs).pipe(
        switchMap(() => next(request)),
        finalize(() => status.end(plan)),
      );
    }),
  );
};

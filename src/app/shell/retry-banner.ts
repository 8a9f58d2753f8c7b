import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RetryStatus } from '../fhir/retry-interceptor';

/** Says, while it lasts, that the app is waiting to retry a FHIR read the server asked it to delay. */
@Component({
  selector: 'app-retry-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The live region stays in the page, so its text is announced when it appears.
  template: `<p class="retry-banner" role="status" [class.shown]="message()">{{ message() }}</p>`,
  styles: `
    .retry-banner:not(.shown) {
      display: none;
    }
    .retry-banner {
      margin: 0;
      padding: 0.5rem 1rem;
      border-bottom: 1px solid currentColor;
    }
  `,
})
export class RetryBanner {
  private readonly status = inject(RetryStatus);

  protected readonly message = computed(() => {
    const plan = this.status.current();
    if (!plan) return '';
    const seconds = Math.max(1, Math.round(plan.waitMs / 1000));
    const why =
      plan.reason === 'rate-limited'
        ? 'The FHIR server is receiving too many requests and asked the app to wait.'
        : 'The FHIR server is briefly unavailable.';
    return `${why} Trying again in ${seconds} s…`;
  });
}

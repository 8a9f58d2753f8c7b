import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * What the app changed about the search the user asked for, said beside the results: terms of a link
 * it could not use, and a search it ran again because the server's stored pages had expired.
 */
@Component({
  selector: 'app-search-adjustments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (ignoredParams().length > 0) {
      <p class="ignored-params" role="status">
        Not understood in this link, so not applied: {{ ignoredParams().join(', ') }}.
      </p>
    }
    @if (restarted()) {
      <p class="search-restarted" role="status">
        The server's stored results for that page had expired, so the search was run again from the
        first page.
      </p>
    }
  `,
})
export class SearchAdjustments {
  readonly ignoredParams = input.required<readonly string[]>();
  readonly restarted = input(false);
}

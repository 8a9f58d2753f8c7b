import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * How a list stands when the server did not sort it as asked: in the server's order, or sorted here
 * because the page holds every result.
 */
export type SortOutcome = 'as-asked' | 'server-order' | 'sorted-here';

/**
 * What the app changed about the search the user asked for, said beside the results: terms of a link
 * it could not use, a search it ran again because the server's stored pages had expired, and a sort
 * the server did not apply.
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
    @switch (sort()) {
      @case ('server-order') {
        <p class="search-unsorted" role="status">
          These results are in the server's order, not sorted as asked.
        </p>
      }
      @case ('sorted-here') {
        <p class="search-unsorted" role="status">
          Sorted by the app as asked: the server did not sort them, and every result is on this
          page.
        </p>
      }
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
  readonly sort = input<SortOutcome>('as-asked');
}

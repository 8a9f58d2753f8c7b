import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * The FHIR server's notes on a search (its Bundle's outcome entries), beside the results: when it
 * ignored a filter, the list shown is wider than the one asked for, and only this says so.
 */
@Component({
  selector: 'app-search-notices',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (notices().length > 0) {
      <div class="search-notices" role="status">
        <p class="search-notices-title">The FHIR server says about this search:</p>
        <ul>
          @for (notice of notices(); track $index) {
            <li>{{ notice }}</li>
          }
        </ul>
      </div>
    }
  `,
  styles: `
    .search-notices {
      border-left: 4px solid var(--mat-sys-tertiary);
      padding: 0.25rem 0.75rem;
      margin: 0.5rem 0;
      font: var(--mat-sys-body-medium);
    }
    .search-notices-title {
      margin: 0;
      font-weight: 500;
    }
    ul {
      margin: 0.25rem 0 0;
      padding-left: 1.25rem;
    }
  `,
})
export class SearchNotices {
  readonly notices = input.required<readonly string[]>();
}

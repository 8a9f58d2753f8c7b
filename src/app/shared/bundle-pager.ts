import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/** Previous/next paging over a searchset's Bundle links: the server decides what a page is. */
@Component({
  selector: 'app-bundle-pager',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <nav class="pager" aria-label="Pagination">
      <button
        mat-stroked-button
        type="button"
        [disabled]="!previousLink()"
        (click)="follow(previousLink(), previous)"
      >
        Previous page
      </button>
      <span class="page-number">Page {{ page() }}</span>
      <button
        mat-stroked-button
        type="button"
        [disabled]="!nextLink()"
        (click)="follow(nextLink(), next)"
      >
        Next page
      </button>
    </nav>
  `,
})
export class BundlePager {
  readonly page = input.required<number>();
  readonly previousLink = input<string | undefined>();
  readonly nextLink = input<string | undefined>();
  /** Emits the Bundle link to follow. */
  readonly previous = output<string>();
  readonly next = output<string>();

  protected follow(link: string | undefined, direction: { emit(link: string): void }): void {
    if (link) direction.emit(link);
  }
}

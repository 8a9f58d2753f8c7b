import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/** Where the server lets a list go from the page shown (a SearchPage has both). */
export interface PageLinks {
  readonly previousLink: string | undefined;
  readonly nextLink: string | undefined;
}

/**
 * A page to turn to: its number, and the Bundle link that fetches it. Page one has no link: its URL is
 * the plain search, which keeps shared links short.
 */
export interface PageTurn {
  readonly page: number;
  readonly cursor: string;
}

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
        [disabled]="!previous()"
        (click)="turnTo(previous())"
      >
        Previous page
      </button>
      <span class="page-number">Page {{ page() }}</span>
      <button mat-stroked-button type="button" [disabled]="!next()" (click)="turnTo(next())">
        Next page
      </button>
    </nav>
  `,
})
export class BundlePager {
  readonly page = input.required<number>();
  readonly links = input.required<PageLinks>();
  readonly turn = output<PageTurn>();

  protected readonly previous = computed((): PageTurn | undefined => {
    const link = this.links().previousLink;
    const page = Math.max(1, this.page() - 1);
    return link ? { page, cursor: page === 1 ? '' : link } : undefined;
  });
  protected readonly next = computed((): PageTurn | undefined => {
    const link = this.links().nextLink;
    return link ? { page: this.page() + 1, cursor: link } : undefined;
  });

  protected turnTo(turn: PageTurn | undefined): void {
    if (turn) this.turn.emit(turn);
  }
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** One fact of a description list: "Sex" → "Female". */
export interface Fact {
  readonly term: string;
  readonly value: string;
  /** Shown as code: a URL or an identifier, read character by character. */
  readonly code?: boolean;
}

/**
 * How the facts sit: `stacked` is the browser's own (each value under its term), `grid` lines the terms
 * up in a column beside their values, `inline` runs the facts on one line that wraps.
 */
export type FactLayout = 'stacked' | 'grid' | 'inline';

/**
 * Terms and their values as a description list. It is the `<dl>` itself (as a table is the
 * mat-table), so the page keeps the list's element, class and test id; the page styles the list's
 * place, and the layout here styles the facts inside.
 */
@Component({
  // eslint-disable-next-line @angular-eslint/component-selector -- it is the <dl> itself (see above)
  selector: 'dl[app-fact-list]',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[class.facts-grid]': "layout() === 'grid'",
    '[class.facts-inline]': "layout() === 'inline'",
  },
  template: `
    @for (fact of facts(); track fact.term) {
      <div>
        <dt>{{ fact.term }}</dt>
        @if (fact.code) {
          <dd>
            <code>{{ fact.value }}</code>
          </dd>
        } @else {
          <dd>{{ fact.value }}</dd>
        }
      </div>
    }
  `,
  styles: `
    :host(.facts-grid) {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.125rem 0.75rem;

      div {
        display: contents;
      }

      dd {
        overflow-wrap: anywhere;
      }
    }

    :host(.facts-inline) {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.5rem;

      div {
        display: flex;
        gap: 0.35rem;
      }
    }

    :host(.facts-grid),
    :host(.facts-inline) {
      dt {
        color: var(--mat-sys-on-surface-variant);
      }

      dd {
        margin: 0;
      }
    }
  `,
})
export class FactList {
  readonly facts = input.required<readonly Fact[]>();
  readonly layout = input<FactLayout>('stacked');
}

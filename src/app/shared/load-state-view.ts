import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ErrorPanel } from './error-panel';
import { LoadState } from './load-state';

/**
 * Everything but the data: progress while loading, the error panel (the server's words, Retry) when
 * it failed, and a note in words when the user's access does not include it or the server does not
 * offer it (neither is an error a Retry could mend). Renders nothing once
 * loaded; the page shows the data (and any "none") from its loader's `data()`.
 */
@Component({
  selector: 'app-load-state',
  imports: [MatProgressBarModule, ErrorPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = state();
    @if (current.status === 'loading') {
      <div class="loading">
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'Loading ' + what()" />
        <p role="status">Loading {{ what() }}…</p>
      </div>
    } @else if (current.status === 'error' && current.error.kind === 'unsupported') {
      <p class="access-note" role="status">This FHIR server does not offer {{ what() }}.</p>
    } @else if (current.status === 'error') {
      <app-error-panel
        [title]="'Could not load ' + what()"
        [error]="current.error"
        (retry)="retry.emit()"
      />
    } @else if (current.status === 'not-permitted') {
      <p class="access-note" role="status">{{ notPermittedText() }}</p>
    }
  `,
  styles: `
    .access-note {
      border-left: 4px solid var(--mat-sys-outline);
      padding: 0.25rem 0.75rem;
    }
  `,
})
export class LoadStateView {
  readonly state = input.required<LoadState<unknown>>();
  /** What is loaded, as it reads after "Loading" and "Could not load": "patients", "the trend". */
  readonly what = input.required<string>();
  /** The note when access does not include the data; says so plainly by default. */
  readonly notPermitted = input<string>();
  readonly retry = output();

  protected readonly notPermittedText = computed(
    () => this.notPermitted() ?? `Your access does not include ${this.what()}.`,
  );
}

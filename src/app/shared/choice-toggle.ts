import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';

/** One of a few choices: its key, and the words on its button. */
export interface Choice<K extends string> {
  readonly key: K;
  readonly label: string;
}

/**
 * One choice among a few, as a row of toggle buttons (a radio group to assistive technology): a
 * section's "Active only" or "All", the observations' view, a trend's span. The row wraps on a narrow
 * screen rather than overflow it.
 */
@Component({
  selector: 'app-choice-toggle',
  imports: [MatButtonToggleModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-button-toggle-group
      [attr.aria-label]="label()"
      hideSingleSelectionIndicator
      [value]="chosen()"
      (change)="choose.emit($event.value)"
    >
      @for (choice of choices(); track choice.key) {
        <mat-button-toggle [value]="choice.key">{{ choice.label }}</mat-button-toggle>
      }
    </mat-button-toggle-group>
  `,
  styles: `
    :host {
      display: block;
    }

    mat-button-toggle-group {
      flex-wrap: wrap;
      max-width: 100%;
    }
  `,
})
export class ChoiceToggle<K extends string> {
  /** What is chosen, for assistive technology: "View", "Span". */
  readonly label = input.required<string>();
  readonly choices = input.required<readonly Choice<K>[]>();
  /** Undefined while nothing is chosen yet (a trend still finding its span). */
  readonly chosen = input.required<K | undefined>();
  readonly choose = output<K>();
}

import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';

/** Both views' "Show entered-in-error (n)": offered only when something is hidden. */
@Component({
  selector: 'app-entered-in-error-toggle',
  imports: [MatCheckboxModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (count() > 0) {
      <mat-checkbox [checked]="shown()" (change)="shown.set($event.checked)">
        Show entered-in-error ({{ count() }})
      </mat-checkbox>
    }
  `,
})
export class EnteredInErrorToggle {
  /** How many entered-in-error observations there are: hidden while the toggle is off. */
  readonly count = input.required<number>();
  readonly shown = model.required<boolean>();
}

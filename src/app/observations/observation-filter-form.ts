import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ObservationFilters } from './observation-filters';
import { CATEGORY_LABELS, SEARCHABLE_CATEGORIES } from './observation-row';

/** Category, code/text and date range; each applies on change and is searched on the server. */
@Component({
  selector: 'app-observation-filter-form',
  imports: [MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="filter-form"
      role="search"
      aria-label="Observation filters"
      (submit)="$event.preventDefault()"
    >
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Category</mat-label>
        <select matNativeControl name="category" (change)="changed('category', $event)">
          <option value="" [selected]="filters().category === ''">All categories</option>
          @for (category of categories; track category.key) {
            <option [value]="category.key" [selected]="filters().category === category.key">
              {{ category.label }}
            </option>
          }
        </select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Code or text</mat-label>
        <input
          matInput
          type="search"
          name="code"
          autocomplete="off"
          [value]="filters().code"
          (change)="changed('code', $event)"
        />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>From</mat-label>
        <input
          matInput
          type="date"
          name="from"
          [value]="filters().from"
          (change)="changed('from', $event)"
        />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>To</mat-label>
        <input
          matInput
          type="date"
          name="to"
          [value]="filters().to"
          (change)="changed('to', $event)"
        />
      </mat-form-field>
    </form>
  `,
})
export class ObservationFilterForm {
  readonly filters = input.required<ObservationFilters>();
  readonly filtersChange = output<Partial<ObservationFilters>>();

  protected readonly categories = SEARCHABLE_CATEGORIES.map((key) => ({
    key,
    label: CATEGORY_LABELS[key],
  }));

  protected changed(field: 'category' | 'code' | 'from' | 'to', event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLSelectElement).value.trim();
    this.filtersChange.emit({ [field]: value });
  }
}

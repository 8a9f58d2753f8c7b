import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { CapabilityService, NOT_SEARCHABLE_HINT, unsupportedFields } from '../fhir/capabilities';
import { ObservationFilters } from './observation-filters';
import { CATEGORY_LABELS, SEARCHABLE_CATEGORIES } from './observation-row';

type ObservationFilterField = 'category' | 'code' | 'from' | 'to';
/** Each field, with the Observation search parameter it sends (`code:text` counts as `code`). */
const FILTER_PARAMS: Readonly<Record<ObservationFilterField, string>> = {
  category: 'category',
  code: 'code',
  from: 'date',
  to: 'date',
};

/**
 * Category, code/text and date range; each applies on change and is searched on the server. A field
 * whose parameter the server does not list is disabled, with the reason.
 */
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
        <select
          matNativeControl
          name="category"
          [disabled]="unsupported().has('category')"
          (change)="changed('category', $event)"
        >
          <option value="" [selected]="filters().category === ''">All categories</option>
          @for (category of categories; track category.key) {
            <option [value]="category.key" [selected]="filters().category === category.key">
              {{ category.label }}
            </option>
          }
        </select>
        @if (unsupported().has('category')) {
          <mat-hint>{{ notSearchableHint }}</mat-hint>
        }
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Code or text</mat-label>
        <input
          matInput
          type="search"
          name="code"
          autocomplete="off"
          [value]="filters().code"
          [disabled]="unsupported().has('code')"
          (change)="changed('code', $event)"
        />
        @if (unsupported().has('code')) {
          <mat-hint>{{ notSearchableHint }}</mat-hint>
        }
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>From</mat-label>
        <input
          matInput
          type="date"
          name="from"
          [value]="filters().from"
          [disabled]="unsupported().has('from')"
          (change)="changed('from', $event)"
        />
        @if (unsupported().has('from')) {
          <mat-hint>{{ notSearchableHint }}</mat-hint>
        }
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>To</mat-label>
        <input
          matInput
          type="date"
          name="to"
          [value]="filters().to"
          [disabled]="unsupported().has('to')"
          (change)="changed('to', $event)"
        />
        @if (unsupported().has('to')) {
          <mat-hint>{{ notSearchableHint }}</mat-hint>
        }
      </mat-form-field>
    </form>
  `,
})
export class ObservationFilterForm {
  readonly filters = input.required<ObservationFilters>();
  readonly filtersChange = output<Partial<ObservationFilters>>();
  private readonly capabilities = inject(CapabilityService);

  protected readonly unsupported = computed(() =>
    unsupportedFields(this.capabilities.current(), 'Observation', FILTER_PARAMS),
  );
  protected readonly notSearchableHint = NOT_SEARCHABLE_HINT;

  protected readonly categories = SEARCHABLE_CATEGORIES.map((key) => ({
    key,
    label: CATEGORY_LABELS[key],
  }));

  protected changed(field: ObservationFilterField, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLSelectElement).value.trim();
    this.filtersChange.emit({ [field]: value });
  }
}

import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Subject, debounceTime, filter } from 'rxjs';
import { NOT_SEARCHABLE_HINT } from '../fhir/capabilities';
import { GENDERS, PAGE_SIZES, PATIENT_SORTS, PatientSearch, PatientSort } from './patient-search';

export type PatientCriteriaChange = Partial<
  Pick<PatientSearch, 'name' | 'birthdate' | 'gender' | 'identifier' | 'sort' | 'count'>
>;

export type PatientFilter = 'name' | 'birthdate' | 'gender' | 'identifier';
/** Each filter, with the Patient search parameter it sends. */
export const PATIENT_FILTER_PARAMS: Readonly<Record<PatientFilter, string>> = {
  name: 'name',
  birthdate: 'birthdate',
  gender: 'gender',
  identifier: 'identifier',
};

/** Name is typed with a debounce; the other fields apply as soon as they change. */
export const NAME_DEBOUNCE_MS = 300;

@Component({
  selector: 'app-patient-search-form',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './patient-search-form.html',
  styleUrl: './patient-search-form.scss',
})
export class PatientSearchForm {
  readonly search = input.required<PatientSearch>();
  /** Filters the FHIR server does not list: shown disabled, with the reason. */
  readonly unsupported = input<ReadonlySet<PatientFilter>>(new Set());
  /** Sorts the FHIR server does not offer: shown disabled, with the reason. */
  readonly unsupportedSorts = input<ReadonlySet<PatientSort>>(new Set());
  readonly criteriaChange = output<PatientCriteriaChange>();
  readonly clear = output();

  protected readonly genders = GENDERS;
  protected readonly sorts = PATIENT_SORTS;
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly notSearchableHint = NOT_SEARCHABLE_HINT;
  protected readonly unsupportedSortLabels = computed(() =>
    this.sorts
      .filter((sort) => this.unsupportedSorts().has(sort.value))
      .map((sort) => sort.label)
      .join(', '),
  );
  private readonly typedName = new Subject<string>();

  constructor() {
    this.typedName
      .pipe(
        debounceTime(NAME_DEBOUNCE_MS),
        // Compared with the search shown, not the last name typed: after "Clear search" or Back,
        // typing that same name again must search again.
        filter((name) => name !== this.search().name),
        takeUntilDestroyed(),
      )
      .subscribe((name) => this.criteriaChange.emit({ name }));
  }

  protected nameTyped(event: Event): void {
    this.typedName.next((event.target as HTMLInputElement).value);
  }

  protected fieldChanged(
    field: 'birthdate' | 'gender' | 'identifier' | 'sort',
    event: Event,
  ): void {
    const value = (event.target as HTMLInputElement | HTMLSelectElement).value.trim();
    this.criteriaChange.emit({ [field]: value });
  }

  protected pageSizeChanged(event: Event): void {
    this.criteriaChange.emit({ count: Number((event.target as HTMLSelectElement).value) });
  }

  protected genderLabel(gender: string): string {
    return gender.charAt(0).toUpperCase() + gender.slice(1);
  }
}

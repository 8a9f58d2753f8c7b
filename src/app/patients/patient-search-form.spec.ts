import { ComponentFixture, TestBed } from '@angular/core/testing';
import { DEFAULT_PATIENT_SEARCH } from './patient-search';
import { NAME_DEBOUNCE_MS, PatientCriteriaChange, PatientSearchForm } from './patient-search-form';

describe('PatientSearchForm', () => {
  let changes: PatientCriteriaChange[];
  let el: HTMLElement;
  let fixture: ComponentFixture<PatientSearchForm>;

  beforeEach(async () => {
    jasmine.clock().install();
    // rxjs timing reads Date.now(), so the fake clock must move it too.
    jasmine.clock().mockDate(new Date(2026, 0, 1));
    changes = [];
    fixture = TestBed.createComponent(PatientSearchForm);
    fixture.componentRef.setInput('search', { ...DEFAULT_PATIENT_SEARCH, gender: 'female' });
    fixture.componentInstance.criteriaChange.subscribe((change) => changes.push(change));
    fixture.detectChanges();
    el = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => jasmine.clock().uninstall());

  function type(name: string, value: string): void {
    const input = el.querySelector(`[name="${name}"]`) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  it('shows a filter the FHIR server does not list as disabled, with the reason', () => {
    const field = (name: string) => el.querySelector(`[name="${name}"]`) as HTMLInputElement;
    expect(field('birthdate').disabled).toBeFalse();
    expect(el.textContent).not.toContain('does not search by this');
    fixture.componentRef.setInput('unsupported', new Set(['birthdate']));
    fixture.detectChanges();
    expect(field('birthdate').disabled).toBeTrue();
    expect(field('name').disabled).toBeFalse();
    expect(el.textContent).toContain('This FHIR server does not search by this.');
  });

  it('shows sorts the FHIR server does not offer as disabled, naming them', () => {
    const option = (value: string) =>
      el.querySelector(`select[name="sort"] option[value="${value}"]`) as HTMLOptionElement;
    expect(option('birthdate').disabled).toBeFalse();
    expect(el.textContent).not.toContain('Not offered by this FHIR server');
    fixture.componentRef.setInput('unsupportedSorts', new Set(['name', '-name']));
    fixture.detectChanges();
    expect(option('name').disabled).toBeTrue();
    expect(option('-name').disabled).toBeTrue();
    expect(option('birthdate').disabled).toBeFalse();
    expect(option('').disabled).toBeFalse();
    expect(el.textContent).toContain('Not offered by this FHIR server: Name (A–Z), Name (Z–A).');
  });

  it('searches by name once typing pauses, not on every key', () => {
    type('name', 'c');
    type('name', 'ch');
    type('name', 'cha');
    expect(changes).toEqual([]);
    jasmine.clock().tick(NAME_DEBOUNCE_MS);
    expect(changes).toEqual([{ name: 'cha' }]);
  });

  it('searches for a name again after the search was cleared or left with Back', () => {
    type('name', 'chavez');
    jasmine.clock().tick(NAME_DEBOUNCE_MS);
    fixture.componentRef.setInput('search', { ...DEFAULT_PATIENT_SEARCH, name: 'chavez' });
    fixture.detectChanges();
    // "Clear search" (or Back to an unfiltered list) empties the name in the URL.
    fixture.componentRef.setInput('search', DEFAULT_PATIENT_SEARCH);
    fixture.detectChanges();
    type('name', 'chavez');
    jasmine.clock().tick(NAME_DEBOUNCE_MS);
    expect(changes).toEqual([{ name: 'chavez' }, { name: 'chavez' }]);
  });

  it('does not search again when typing ends on the name already searched', () => {
    fixture.componentRef.setInput('search', { ...DEFAULT_PATIENT_SEARCH, name: 'chavez' });
    fixture.detectChanges();
    type('name', 'chave');
    type('name', 'chavez');
    jasmine.clock().tick(NAME_DEBOUNCE_MS);
    expect(changes).toEqual([]);
  });

  it('applies gender, sort and page size as soon as they change', () => {
    const select = (name: string, value: string) => {
      const element = el.querySelector(`select[name="${name}"]`) as HTMLSelectElement;
      element.value = value;
      element.dispatchEvent(new Event('change'));
    };
    select('gender', 'male');
    select('sort', '-birthdate');
    select('count', '50');
    expect(changes).toEqual([{ gender: 'male' }, { sort: '-birthdate' }, { count: 50 }]);
  });

  it('shows the current search, with every field labelled', () => {
    expect((el.querySelector('select[name="gender"]') as HTMLSelectElement).value).toBe('female');
    const labels = [...el.querySelectorAll('mat-label')].map((l) => l.textContent?.trim());
    expect(labels).toEqual([
      'Name',
      'Birth date',
      'Gender',
      'MRN or identifier',
      'Sort by',
      'Page size',
    ]);
  });
});

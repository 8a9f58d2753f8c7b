import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { CapabilityService } from '../fhir/capabilities';
import { TEST_CONFIG, TEST_FHIR_BASE } from '../../testing/test-config';
import { ObservationFilterForm } from './observation-filter-form';
import { NO_OBSERVATION_FILTERS } from './observation-filters';
import { statementSearching } from '../../testing/capability-statement';

describe('ObservationFilterForm', () => {
  function render(searchParams?: string[]): HTMLElement {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
      ],
    });
    if (searchParams) {
      TestBed.inject(CapabilityService).load();
      TestBed.inject(HttpTestingController)
        .expectOne(`${TEST_FHIR_BASE}/metadata`)
        .flush(
          statementSearching([
            { type: 'Observation', searchParam: searchParams.map((name) => ({ name })) },
          ]),
        );
    }
    const fixture = TestBed.createComponent(ObservationFilterForm);
    fixture.componentRef.setInput('filters', NO_OBSERVATION_FILTERS);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }
  const field = (el: HTMLElement, name: string) =>
    el.querySelector(`[name="${name}"]`) as HTMLInputElement | HTMLSelectElement;

  it('disables the filters whose parameter the server does not list, with the reason', () => {
    const el = render(['patient', 'code']);
    expect(field(el, 'code').disabled).toBeFalse();
    expect(field(el, 'category').disabled).toBeTrue();
    expect(field(el, 'from').disabled).toBeTrue();
    expect(field(el, 'to').disabled).toBeTrue();
    expect(el.querySelectorAll('mat-hint').length).toBe(3);
    expect(el.querySelector('mat-hint')?.textContent?.trim()).toBe(
      'This FHIR server does not search by this.',
    );
  });

  const disabled = (el: HTMLElement) =>
    ['category', 'code', 'from', 'to'].map((name) => field(el, name).disabled);

  it('offers every filter when the server lists their parameters', () => {
    const el = render(['patient', 'category', 'code', 'date']);
    expect(disabled(el)).toEqual([false, false, false, false]);
    expect(el.querySelector('mat-hint')).toBeNull();
  });

  it('offers every filter while the statement is unknown', () => {
    const el = render();
    expect(disabled(el)).toEqual([false, false, false, false]);
    expect(el.querySelector('mat-hint')).toBeNull();
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { OKTA_AUTH } from '@okta/okta-angular';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { Resource } from '../fhir/fhir-types';
import {
  erroneousAsthma,
  hypertension,
  resolvedSinusitis,
  searchset,
} from '../../testing/chart-fixtures';
import { fakeOktaAuth } from '../../testing/fake-okta';
import { TEST_CONFIG, TEST_FHIR_BASE } from '../../testing/test-config';
import { openList } from './chart-queries';
import { ChartSection } from './chart-section';
import { ENCOUNTER_LISTS } from './encounter-record';
import { familyHistorySection } from './sections/family-history';
import { medicationsSection } from './sections/medications';
import { problemsSection } from './sections/problems';
import { ChartList } from './sections/section';

/** The list a host shows; set before the host is created. */
let shownList: ChartList;

@Component({
  selector: 'app-section-host',
  imports: [ChartSection],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<app-chart-section [list]="list" />`,
})
class SectionHost {
  private readonly owner = signal({ patient: 'pat-0001' });
  protected readonly list = openList(shownList, this.owner);
}

const ANOTHER = { reference: 'Patient/pat-0002' };

/** A row of the list's type that names another patient (by subject, or patient where the type has it). */
function foreign(type: string, id: string): Resource {
  const patient = type === 'FamilyMemberHistory' ? { patient: ANOTHER } : { subject: ANOTHER };
  const entry = { resourceType: type, id, status: 'completed', ...patient };
  return entry;
}

describe('ChartSection', () => {
  let controller: HttpTestingController;

  async function show(list: ChartList, entries: readonly Resource[]): Promise<string> {
    shownList = list;
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: RUNTIME_CONFIG, useValue: TEST_CONFIG },
        { provide: OKTA_AUTH, useValue: fakeOktaAuth() },
      ],
    });
    controller = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(SectionHost);
    await fixture.whenStable();
    controller
      .expectOne((r) => r.url === `${TEST_FHIR_BASE}/${list.type}`)
      .flush(searchset(entries));
    await fixture.whenStable();
    return (fixture.nativeElement as HTMLElement).textContent?.replace(/\s+/g, ' ') ?? '';
  }

  afterEach(() => controller.verify());

  const lists: readonly ChartList[] = [
    problemsSection,
    ...(medicationsSection.also ?? []),
    familyHistorySection,
    ...ENCOUNTER_LISTS,
  ];
  for (const list of lists) {
    it(`never says "${list.empty}" when every entry was left out as not the patient's`, async () => {
      const text = await show(list, [foreign(list.type, 'x-1'), foreign(list.type, 'x-2')]);
      expect(text).toContain('2 entries that do not name this patient were not shown.');
      expect(text).toContain(
        'Nothing recorded for this patient could be shown: 2 entries did not name this patient.',
      );
      expect(text).not.toContain(list.empty);
    });
  }

  it('says one entry in the singular', async () => {
    const text = await show(problemsSection, [foreign('Condition', 'x-1')]);
    expect(text).toContain(
      'Nothing recorded for this patient could be shown: 1 entry did not name this patient.',
    );
  });

  it('says "none" when the server sent nothing at all', async () => {
    const text = await show(problemsSection, []);
    expect(text).toContain('No problems recorded.');
    expect(text).not.toContain('could be shown');
  });

  it('counts what "Active only" hides when nothing active is left', async () => {
    const text = await show(problemsSection, [
      resolvedSinusitis,
      { ...resolvedSinusitis, id: 'sinusitis-2' },
    ]);
    expect(text).toContain('No active problems. 2 not active');
    expect(text).toContain('choose All to see them');
    expect(text).not.toContain('No problems recorded');
  });

  it('counts what the entered-in-error toggle hides when nothing else is left', async () => {
    const text = await show(problemsSection, [erroneousAsthma]);
    expect(text).toContain('All the problems on this page were entered in error');
    expect(text).toContain('Show entered-in-error (1)');
    expect(text).not.toContain('No problems recorded');
  });

  it('lists the patient’s own entries beside the note about the others', async () => {
    const text = await show(problemsSection, [hypertension, foreign('Condition', 'x-1')]);
    expect(text).toContain('Essential hypertension');
    expect(text).toContain('1 entry that does not name this patient was not shown.');
    expect(text).not.toContain('could be shown');
  });
});

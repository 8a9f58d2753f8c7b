import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { OKTA_AUTH } from '@okta/okta-angular';
import { fakeOktaAuth } from '../../testing/fake-okta';
import { FhirError } from '../fhir/fhir-error';
import { LoadState } from './load-state';
import { LoadStateView } from './load-state-view';

describe('LoadStateView', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: OKTA_AUTH, useValue: fakeOktaAuth() }],
    });
  });

  async function render(state: LoadState<unknown>, notPermitted?: string) {
    const fixture = TestBed.createComponent(LoadStateView);
    fixture.componentRef.setInput('state', state);
    fixture.componentRef.setInput('what', 'conditions');
    if (notPermitted) fixture.componentRef.setInput('notPermitted', notPermitted);
    let retried = 0;
    fixture.componentInstance.retry.subscribe(() => retried++);
    await fixture.whenStable();
    return { el: fixture.nativeElement as HTMLElement, retried: () => retried };
  }

  it('shows progress with an accessible name, and says in words what is loading', async () => {
    const { el } = await render({ status: 'loading' });
    expect(el.querySelector('[role="progressbar"]')?.getAttribute('aria-label')).toBe(
      'Loading conditions',
    );
    expect(el.querySelector('[role="status"]')?.textContent).toBe('Loading conditions…');
  });

  it("shows the server's words and a Retry that asks to load again", async () => {
    const error = new FhirError('server', 'Database is locked', 'Try again in a moment.', 503);
    const { el, retried } = await render({ status: 'error', error });
    const alert = el.querySelector('[role="alert"]');
    expect(alert?.querySelector('h2')?.textContent).toBe('Could not load conditions');
    expect(alert?.textContent).toContain('Database is locked');
    const retry = [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Retry');
    retry?.click();
    expect(retried()).toBe(1);
  });

  it("says the data is outside the user's access, as a note and not an error", async () => {
    const { el } = await render({ status: 'not-permitted' });
    expect(el.querySelector('[role="alert"]')).toBeNull();
    expect(el.querySelector('[role="status"]')?.textContent).toBe(
      'Your access does not include conditions.',
    );
    const custom = await render({ status: 'not-permitted' }, 'Conditions are outside your access.');
    expect(custom.el.textContent?.trim()).toBe('Conditions are outside your access.');
  });

  it('says the server does not offer the data, as a note with no error and no Retry', async () => {
    const error = new FhirError('unsupported', 'No Condition search here.', 'Nothing to retry.');
    const { el } = await render({ status: 'error', error });
    expect(el.querySelector('[role="alert"]')).toBeNull();
    expect(el.querySelector('button')).toBeNull();
    expect(el.querySelector('[role="status"]')?.textContent).toBe(
      'This FHIR server does not offer conditions.',
    );
  });

  it('shows nothing of its own once the data is loaded, empty or not', async () => {
    const { el } = await render({ status: 'loaded', data: [] });
    expect(el.textContent?.trim()).toBe('');
  });
});

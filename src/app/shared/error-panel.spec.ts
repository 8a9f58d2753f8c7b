import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { OKTA_AUTH } from '@okta/okta-angular';
import { FhirError } from '../fhir/fhir-error';
import { SessionEndNotices } from '../session/session-end';
import { FakeOktaAuth, fakeOktaAuth } from '../../testing/fake-okta';
import { ErrorPanel } from './error-panel';

describe('ErrorPanel', () => {
  // Notices live in sessionStorage, which every spec of this run shares.
  afterEach(() => sessionStorage.removeItem('fhirokta.session-end'));

  let oktaAuth: FakeOktaAuth;

  beforeEach(() => {
    oktaAuth = fakeOktaAuth();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'login', children: [] }]),
        { provide: OKTA_AUTH, useValue: oktaAuth },
      ],
    });
  });

  async function render(error: FhirError) {
    const fixture = TestBed.createComponent(ErrorPanel);
    fixture.componentRef.setInput('error', error);
    fixture.componentRef.setInput('title', 'Could not load patients');
    let retried = 0;
    fixture.componentInstance.retry.subscribe(() => retried++);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const button = (name: string) =>
      [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
    return { el, button, retried: () => retried };
  }

  it('announces the server text and advice, and offers Retry', async () => {
    const { el, button, retried } = await render(
      new FhirError('server', 'Database is locked', 'Try again in a moment.', 503),
    );
    expect(el.querySelector('[role="alert"] h2')?.textContent).toBe('Could not load patients');
    expect(el.querySelector('.error-detail')?.textContent).toBe('Database is locked');
    expect(el.querySelector('.error-advice')?.textContent).toBe('Try again in a moment.');
    expect(button('Sign in again')).toBeUndefined();
    button('Retry')?.click();
    expect(retried()).toBe(1);
  });

  it('offers no Retry for something the server does not have (404)', async () => {
    const { el, button } = await render(
      new FhirError('not-found', 'Patient/pat-9999 is not known', 'Go back and try another.', 404),
    );
    expect(el.querySelector('.error-detail')?.textContent).toBe('Patient/pat-9999 is not known');
    expect(button('Retry')).toBeUndefined();
  });

  it('after a 401 offers to sign in again and come back to this page', async () => {
    spyOnProperty(TestBed.inject(Router), 'url').and.returnValue('/observations/pat-0001');
    const { button } = await render(
      new FhirError('unauthorized', 'Token revoked', 'Your session may have ended. Sign in again.'),
    );
    const notices = TestBed.inject(SessionEndNotices);
    notices.lastRenewalFailure = 'ended-elsewhere';
    button('Sign in again')?.click();
    expect(oktaAuth.setOriginalUri).toHaveBeenCalledWith('/observations/pat-0001');
    expect(oktaAuth.tokenManager.clear).toHaveBeenCalled();
    expect(notices.current()).toEqual({
      reason: 'ended-elsewhere',
      returnPath: '/observations/pat-0001',
    });
  });

  it('after a 401 on a search, comes back to the page but keeps none of the search terms', async () => {
    spyOnProperty(TestBed.inject(Router), 'url').and.returnValue(
      '/patients?name=Ann&birthdate=1970-01-01&page=2',
    );
    const { button } = await render(
      new FhirError('unauthorized', 'Token revoked', 'Your session may have ended. Sign in again.'),
    );
    button('Sign in again')?.click();
    expect(oktaAuth.setOriginalUri).toHaveBeenCalledWith('/patients');
    expect(sessionStorage.getItem('fhirokta.session-end')).not.toMatch(/Ann|1970/);
    expect(TestBed.inject(SessionEndNotices).current()?.returnPath).toBe('/patients');
  });
});

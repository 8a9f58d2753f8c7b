import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { OKTA_AUTH } from '@okta/okta-angular';
import { RuntimeConfig } from '../config/runtime-config';
import { RUNTIME_CONFIG } from '../config/runtime-config-token';
import { FakeOktaAuth, fakeOktaAuth } from '../../testing/fake-okta';
import { SessionEndNotices } from '../session/session-end';
import { TEST_CONFIG } from '../../testing/test-config';
import { LoginPage } from './login-page';
import { SIGN_IN_WIDGET_FACTORY, WIDGET_STYLESHEET, ensureWidgetStylesheet } from './widget-loader';

describe('LoginPage', () => {
  // Notices live in sessionStorage, which every spec of this run shares.
  afterEach(() => sessionStorage.removeItem('fhirokta.session-end'));

  let oktaAuth: FakeOktaAuth;

  function setUp(config: RuntimeConfig = TEST_CONFIG) {
    oktaAuth = fakeOktaAuth();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: RUNTIME_CONFIG, useValue: config },
        { provide: OKTA_AUTH, useValue: oktaAuth },
      ],
    });
  }

  async function render() {
    const fixture = TestBed.createComponent(LoginPage);
    await fixture.whenStable();
    // The silent sign-in answers first (login_required by default); then the page offers sign-in.
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('in redirect mode offers "Sign in with Okta", keeping the stored originalUri', async () => {
    setUp();
    const { el } = await render();
    expect(el.querySelector('h1')?.textContent).toBe('Sign in');
    const button = el.querySelector('button') as HTMLButtonElement;
    expect(button.textContent?.trim()).toBe('Sign in with Okta');
    button.click();
    expect(oktaAuth.signInWithRedirect).toHaveBeenCalledWith();
  });

  it('says so when the sign-in service cannot be reached', async () => {
    setUp();
    oktaAuth.signInWithRedirect.and.rejectWith(new Error('Failed to fetch'));
    const { fixture, el } = await render();
    (el.querySelector('button') as HTMLButtonElement).click();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('could not be reached');
  });

  it('sends an already signed-in user to the patient list', async () => {
    setUp();
    oktaAuth.isAuthenticated.and.resolveTo(true);
    const navigate = spyOn(TestBed.inject(Router), 'navigateByUrl').and.resolveTo(true);
    await render();
    expect(navigate).toHaveBeenCalledWith('/patients', { replaceUrl: true });
  });

  it('in a new tab with a live Okta session, signs in silently and goes where the tab was opened for', async () => {
    setUp();
    const tokens = { accessToken: { accessToken: 'a' } };
    oktaAuth.token.getWithoutPrompt.and.resolveTo({ tokens });
    const { el } = await render();
    expect(oktaAuth.handleLoginRedirect).toHaveBeenCalledWith(tokens);
    expect(el.querySelector('button')).toBeNull();
  });

  it('without an Okta session, offers the sign-in button and nothing else happens', async () => {
    setUp();
    const { el } = await render();
    await new Promise((resolve) => setTimeout(resolve));
    expect(oktaAuth.token.getWithoutPrompt).toHaveBeenCalledWith({ timeout: 3000 });
    expect(oktaAuth.handleLoginRedirect).not.toHaveBeenCalled();
    expect(el.querySelector('[role="alert"]')).toBeNull();
    expect(el.querySelector('button')?.textContent?.trim()).toBe('Sign in with Okta');
  });

  it('after a session ended, says why, waits for the user and returns to the same page', async () => {
    setUp();
    TestBed.inject(SessionEndNotices).record({
      reason: 'idle',
      returnPath: '/observations/pat-0001',
    });
    const { el } = await render();
    expect(el.querySelector('[data-testid="session-end"]')?.textContent).toContain(
      'You were signed out after 15 minutes without activity',
    );
    expect(oktaAuth.token.getWithoutPrompt).not.toHaveBeenCalled();
    expect(oktaAuth.setOriginalUri).toHaveBeenCalledWith('/observations/pat-0001');
  });

  describe('in widget mode', () => {
    const tokens = { accessToken: { accessToken: 'a' } };
    let widget: { showSignInToGetTokens: jasmine.Spy; remove: jasmine.Spy };
    let resolveTokens: (value: unknown) => void;

    beforeEach(() => {
      setUp({ ...TEST_CONFIG, loginMode: 'widget' });
      widget = {
        showSignInToGetTokens: jasmine
          .createSpy('showSignInToGetTokens')
          .and.returnValue(new Promise((resolve) => (resolveTokens = resolve))),
        remove: jasmine.createSpy('remove'),
      };
      TestBed.overrideProvider(SIGN_IN_WIDGET_FACTORY, { useValue: async () => widget });
    });

    it('embeds the widget and hands its tokens to okta-auth-js', async () => {
      const { el } = await render();
      expect(widget.showSignInToGetTokens).toHaveBeenCalledWith({ el: '#okta-sign-in-widget' });
      expect(el.querySelector('#okta-sign-in-widget')).not.toBeNull();
      resolveTokens(tokens);
      await new Promise((resolve) => setTimeout(resolve));
      expect(oktaAuth.handleLoginRedirect).toHaveBeenCalledWith(tokens);
      expect(widget.remove).toHaveBeenCalled();
    });

    it('removes the widget when the login page is destroyed', async () => {
      const { fixture } = await render();
      fixture.destroy();
      expect(widget.remove).toHaveBeenCalledTimes(1);
    });

    it('never shows the redirect button', async () => {
      const { el } = await render();
      expect(el.textContent).not.toContain('Sign in with Okta');
    });
  });

  it('adds the widget stylesheet only once', () => {
    const doc = document.implementation.createHTMLDocument('test');
    ensureWidgetStylesheet(doc);
    ensureWidgetStylesheet(doc);
    const links = doc.head.querySelectorAll('link[rel="stylesheet"]');
    expect(links.length).toBe(1);
    expect(links[0].getAttribute('href')).toBe(WIDGET_STYLESHEET);
  });
});

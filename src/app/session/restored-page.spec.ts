import { TestBed } from '@angular/core/testing';
import { OKTA_AUTH } from '@okta/okta-angular';
import { FakeOktaAuth, fakeOktaAuth } from '../../testing/fake-okta';
import { PAGE_LOCATION } from './page-location';
import { RestoredPage } from './restored-page';

describe('RestoredPage', () => {
  let oktaAuth: FakeOktaAuth;
  let reload: jasmine.Spy;

  beforeEach(() => {
    oktaAuth = fakeOktaAuth();
    reload = jasmine.createSpy('reload');
    TestBed.configureTestingModule({
      providers: [
        { provide: OKTA_AUTH, useValue: oktaAuth },
        { provide: PAGE_LOCATION, useValue: { reload } },
      ],
    });
    TestBed.inject(RestoredPage).start();
  });
  afterEach(() => TestBed.inject(RestoredPage).ngOnDestroy());

  const restore = (persisted: boolean) =>
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted }));

  it('a page restored from the back-forward cache without a session is reloaded, never shown', () => {
    oktaAuth.getAccessToken.and.returnValue(undefined);
    restore(true);
    expect(reload).toHaveBeenCalled();
  });

  it('a restored page whose session lives on, or a page loaded afresh, is left as it is', () => {
    restore(true);
    oktaAuth.getAccessToken.and.returnValue(undefined);
    restore(false);
    expect(reload).not.toHaveBeenCalled();
  });
});

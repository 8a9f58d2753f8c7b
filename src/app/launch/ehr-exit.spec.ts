import { TestBed } from '@angular/core/testing';
import { PAGE_LOCATION } from '../session/page-location';
import { EhrExit } from './ehr-exit';
import { recordedLaunchProblem } from './launch-problems';

describe('the ways out of an EHR session', () => {
  let replace: jasmine.Spy;

  beforeEach(() => {
    sessionStorage.clear();
    replace = jasmine.createSpy('replace');
    TestBed.configureTestingModule({
      providers: [{ provide: PAGE_LOCATION, useValue: { replace } }],
    });
  });
  afterEach(() => sessionStorage.clear());

  it('the first one taken is the one the page takes: a sign-out is not overtaken by the guard', () => {
    const exit = TestBed.inject(EhrExit);
    sessionStorage.setItem('fhirokta.ehr-session', '{}');
    exit.forget();
    exit.endWithProblem({ title: 'Your session has ended', detail: 'd', advice: 'a' });
    exit.toSignIn();
    expect(replace).not.toHaveBeenCalled();
    expect(recordedLaunchProblem(sessionStorage)).toBeUndefined();
    expect(sessionStorage.getItem('fhirokta.ehr-session')).toBeNull();
  });

  it('a problem is shown once, on the launch-error page', () => {
    const exit = TestBed.inject(EhrExit);
    exit.endWithProblem({ title: 'T', detail: 'D', advice: 'A' });
    exit.toSignIn();
    expect(replace).toHaveBeenCalledOnceWith('/launch/error');
    expect(recordedLaunchProblem(sessionStorage)?.title).toBe('T');
  });
});

import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { SessionEndNotices, renewalFailureReason, sessionEndMessage } from './session-end';

describe('session end', () => {
  const settings = { idleMinutes: 15, warningSeconds: 60 };

  it('says in words why the session ended, and the way back', () => {
    expect(sessionEndMessage('idle', settings)).toBe(
      'You were signed out after 15 minutes without activity. Sign in again to go back to where you were.',
    );
    expect(sessionEndMessage('signed-out-elsewhere', settings)).toContain('another tab');
    expect(sessionEndMessage('ended-elsewhere', settings)).toContain('ended elsewhere');
    expect(sessionEndMessage('okta-session-ended', settings)).toContain('Okta session has ended');
    expect(sessionEndMessage('renewal-failed', settings)).toContain('could not be renewed');
    expect(sessionEndMessage('sign-out-incomplete', settings)).toContain('Close the browser');
  });

  it('tells a revoked refresh token from an ended Okta session and from a renewal that could not happen', () => {
    expect(renewalFailureReason({ errorCode: 'invalid_grant' })).toBe('ended-elsewhere');
    expect(renewalFailureReason({ error: 'login_required' })).toBe('okta-session-ended');
    expect(renewalFailureReason(new Error('timeout'))).toBe('renewal-failed');
    expect(renewalFailureReason(undefined)).toBe('renewal-failed');
  });

  it('keeps a notice for this tab until the user signs in again, and ignores a tampered one', () => {
    const notices = TestBed.inject(SessionEndNotices);
    notices.record({ reason: 'idle', returnPath: '/patients/pat-0001' });
    expect(notices.current()).toEqual({ reason: 'idle', returnPath: '/patients/pat-0001' });
    expect(notices.current()).toEqual({ reason: 'idle', returnPath: '/patients/pat-0001' });
    notices.clear();
    expect(notices.current()).toBeUndefined();
    sessionStorage.setItem('fhirokta.session-end', '{"reason":"toString"}');
    expect(notices.current()).toBeUndefined();
    sessionStorage.setItem('fhirokta.session-end', 'not json');
    expect(notices.current()).toBeUndefined();
    notices.clear();
  });

  it('keeps no search terms: the way back is the page, not its search', () => {
    const notices = TestBed.inject(SessionEndNotices);
    notices.record({
      reason: 'signed-out-elsewhere',
      returnPath: '/patients?name=Ann%20Smith&birthdate=1970-01-01#results',
    });
    const stored = sessionStorage.getItem('fhirokta.session-end') ?? '';
    expect(stored).not.toContain('Ann');
    expect(stored).not.toContain('1970');
    expect(notices.current()).toEqual({ reason: 'signed-out-elsewhere', returnPath: '/patients' });
    // A notice an older version left with its search in it is read without it.
    sessionStorage.setItem(
      'fhirokta.session-end',
      '{"reason":"idle","returnPath":"/observations/pat-0001?code=8867-4"}',
    );
    expect(notices.current()).toEqual({ reason: 'idle', returnPath: '/observations/pat-0001' });
    notices.clear();
  });

  it('a notice recorded here returns to the page the user is on, without its search', () => {
    spyOnProperty(TestBed.inject(Router), 'url').and.returnValue('/patients/pat-0001?tab=labs');
    const notices = TestBed.inject(SessionEndNotices);
    notices.recordHere('signed-out-elsewhere');
    expect(notices.current()).toEqual({
      reason: 'signed-out-elsewhere',
      returnPath: '/patients/pat-0001',
    });
    notices.clear();
  });
});

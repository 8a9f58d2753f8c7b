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
    const notices = new SessionEndNotices();
    notices.record({ reason: 'idle', returnPath: '/patients?name=ab' });
    expect(notices.current()).toEqual({ reason: 'idle', returnPath: '/patients?name=ab' });
    expect(notices.current()).toEqual({ reason: 'idle', returnPath: '/patients?name=ab' });
    notices.clear();
    expect(notices.current()).toBeUndefined();
    sessionStorage.setItem('fhirokta.session-end', '{"reason":"toString"}');
    expect(notices.current()).toBeUndefined();
    sessionStorage.setItem('fhirokta.session-end', 'not json');
    expect(notices.current()).toBeUndefined();
    notices.clear();
  });
});

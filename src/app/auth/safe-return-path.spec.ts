import { safeReturnPath } from './safe-return-path';

describe('safeReturnPath (no open redirect after sign-in)', () => {
  const origin = 'http://localhost:4200';

  it('returns to the app page first asked for, with its query', () => {
    expect(
      safeReturnPath('http://localhost:4200/observations/pat-0001?category=laboratory', origin),
    ).toBe('/observations/pat-0001?category=laboratory');
    expect(safeReturnPath('/patients?page=2', origin)).toBe('/patients?page=2');
  });

  it('falls back to the patient list for another origin', () => {
    expect(safeReturnPath('https://evil.test/patients', origin)).toBe('/patients');
    expect(safeReturnPath('//evil.test/patients', origin)).toBe('/patients');
    expect(safeReturnPath('http://localhost:4201/patients', origin)).toBe('/patients');
  });

  it('falls back for javascript: URLs, nothing, and the login routes', () => {
    expect(safeReturnPath('javascript:alert(1)', origin)).toBe('/patients');
    expect(safeReturnPath(undefined, origin)).toBe('/patients');
    expect(safeReturnPath('/login/callback?code=x', origin)).toBe('/patients');
    expect(safeReturnPath('/login', origin)).toBe('/patients');
  });
});

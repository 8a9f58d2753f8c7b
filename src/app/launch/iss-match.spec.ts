import { EhrEntry } from '../config/runtime-config';
import { canonicalFhirBase, matchLaunchIss } from './iss-match';

const EHR: EhrEntry = { name: 'Example EHR', iss: 'https://ehr.example/fhir', clientId: 'app' };
const OTHER: EhrEntry = { name: 'Other EHR', iss: 'http://localhost:4400/fhir/', clientId: 'app2' };

function matched(iss: string): string | undefined {
  const result = matchLaunchIss(iss, [EHR, OTHER]);
  return result.ok ? result.ehr.name : undefined;
}

describe('a launch iss is matched exactly against the configured EHRs', () => {
  it('accepts the configured FHIR base, with or without one trailing slash', () => {
    expect(matched('https://ehr.example/fhir')).toBe('Example EHR');
    expect(matched('https://ehr.example/fhir/')).toBe('Example EHR');
    expect(matched('http://localhost:4400/fhir')).toBe('Other EHR');
  });

  it('treats scheme and host case and the default port as the same URL', () => {
    expect(matched('HTTPS://EHR.Example/fhir')).toBe('Example EHR');
    expect(matched('https://ehr.example:443/fhir')).toBe('Example EHR');
  });

  it('refuses a second trailing slash, another path, or a path in other case', () => {
    expect(matched('https://ehr.example/fhir//')).toBeUndefined();
    expect(matched('https://ehr.example/fhir/r4')).toBeUndefined();
    expect(matched('https://ehr.example/fhirx')).toBeUndefined();
    expect(matched('https://ehr.example/FHIR')).toBeUndefined();
    expect(matched('https://ehr.example/')).toBeUndefined();
  });

  it('refuses look-alike hosts', () => {
    expect(matched('https://ehr.example/fhir.evil.test')).toBeUndefined();
    expect(matched('https://ehr.example.evil.test/fhir')).toBeUndefined();
    expect(matched('https://ehr.example./fhir')).toBeUndefined();
    expect(matched('https://ehr.exаmple/fhir')).toBeUndefined(); // Cyrillic "а"
  });

  it('refuses user info, which puts the real host after the @', () => {
    expect(matched('https://ehr.example@evil.test/fhir')).toBeUndefined();
    expect(matched('https://user:pass@ehr.example/fhir')).toBeUndefined();
    expect(matched('https://@ehr.example/fhir')).toBeUndefined();
  });

  it('refuses dot segments, even when they resolve back to the base', () => {
    expect(matched('https://ehr.example/fhir/../x')).toBeUndefined();
    expect(matched('https://ehr.example/fhir/x/..')).toBeUndefined();
    expect(matched('https://ehr.example/x/../fhir')).toBeUndefined();
    expect(matched('https://ehr.example/./fhir')).toBeUndefined();
  });

  it('refuses percent-encoded dots and slashes', () => {
    expect(matched('https://ehr.example/fhir/%2e%2e/x')).toBeUndefined();
    expect(matched('https://ehr.example/x/%2E%2E/fhir')).toBeUndefined();
    expect(matched('https://ehr.example/fhir%2f')).toBeUndefined();
    expect(matched('https://ehr.example/%66hir')).toBeUndefined();
  });

  it('refuses backslashes, which browsers read as slashes', () => {
    expect(matched('https://ehr.example\\fhir')).toBeUndefined();
    expect(matched('https:\\\\ehr.example/fhir')).toBeUndefined();
    expect(matched('https://evil.test\\@ehr.example/fhir')).toBeUndefined();
  });

  it('refuses whitespace and control characters that the URL parser would drop', () => {
    expect(matched('https://ehr.ex\tample/fhir')).toBeUndefined();
    expect(matched(' https://ehr.example/fhir')).toBeUndefined();
    expect(matched('https://ehr.example/fhir\n')).toBeUndefined();
    expect(matched('https://ehr.example/fh\u0000ir')).toBeUndefined();
  });

  it('refuses another scheme or port, a query and a fragment', () => {
    expect(matched('http://ehr.example/fhir')).toBeUndefined();
    expect(matched('https://ehr.example:8443/fhir')).toBeUndefined();
    expect(matched('https://ehr.example/fhir?x=1')).toBeUndefined();
    expect(matched('https://ehr.example/fhir#x')).toBeUndefined();
    expect(matched('javascript:alert(1)//ehr.example/fhir')).toBeUndefined();
  });

  it('refuses nothing at all and what is not a URL', () => {
    expect(matched('')).toBeUndefined();
    expect(matched('ehr.example/fhir')).toBeUndefined();
    expect(matched('https://')).toBeUndefined();
    expect(matched(`https://ehr.example/${'a'.repeat(3000)}`)).toBeUndefined();
  });

  it('names the refused iss in its sentence, cut short when it is long', () => {
    const refused = matchLaunchIss('https://evil.test/fhir', [EHR]);
    expect(refused).toEqual({
      ok: false,
      problem:
        'This app was opened from https://evil.test/fhir, which is not an EHR it is set up to trust, so nothing was sent there.',
    });
    const long = matchLaunchIss(`https://evil.test/${'x'.repeat(500)}`, [EHR]);
    expect(long.ok ? '' : long.problem.length).toBeLessThan(300);
  });

  it('matches nothing when no EHR is configured', () => {
    expect(matchLaunchIss('https://ehr.example/fhir', []).ok).toBeFalse();
  });
});

describe('canonicalFhirBase', () => {
  it('writes one spelling of a FHIR base', () => {
    expect(canonicalFhirBase('HTTPS://EHR.example:443/fhir/')).toBe('https://ehr.example/fhir');
    expect(canonicalFhirBase('http://localhost:4400/fhir')).toBe('http://localhost:4400/fhir');
    expect(canonicalFhirBase('https://ehr.example')).toBe('https://ehr.example');
    expect(canonicalFhirBase('https://ehr.example/')).toBe('https://ehr.example');
  });
});

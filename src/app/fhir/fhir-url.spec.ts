import { isUnderFhirBase } from './fhir-url';

describe('isUnderFhirBase', () => {
  const base = 'https://fhir.example.com/fhir';

  it('accepts the base itself and paths below it', () => {
    expect(isUnderFhirBase('https://fhir.example.com/fhir', base)).toBeTrue();
    expect(isUnderFhirBase('https://fhir.example.com/fhir/', base)).toBeTrue();
    expect(isUnderFhirBase('https://fhir.example.com/fhir/Patient?name=a', base)).toBeTrue();
  });

  it('rejects a look-alike host that starts with the base host', () => {
    expect(isUnderFhirBase('https://fhir.example.com.evil.test/fhir/Patient', base)).toBeFalse();
  });

  it('rejects a sibling path that merely starts with the base path', () => {
    expect(isUnderFhirBase('https://fhir.example.com/fhir-other/Patient', base)).toBeFalse();
  });

  it('rejects a URL that has the base only in its query string', () => {
    expect(
      isUnderFhirBase('https://evil.test/collect?u=https://fhir.example.com/fhir/Patient', base),
    ).toBeFalse();
  });

  it('rejects another scheme or port on the same host', () => {
    expect(isUnderFhirBase('http://fhir.example.com/fhir/Patient', base)).toBeFalse();
    expect(isUnderFhirBase('https://fhir.example.com:8443/fhir/Patient', base)).toBeFalse();
  });

  it('rejects user-info tricks and garbage', () => {
    expect(isUnderFhirBase('https://fhir.example.com@evil.test/fhir', base)).toBeFalse();
    expect(isUnderFhirBase('http://[', base)).toBeFalse();
  });

  it('treats a base at the origin root as covering the whole origin', () => {
    expect(
      isUnderFhirBase('https://fhir.example.com/Patient', 'https://fhir.example.com/'),
    ).toBeTrue();
  });
});

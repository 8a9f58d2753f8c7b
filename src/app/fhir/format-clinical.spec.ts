import {
  formatAbatement,
  formatAge,
  formatAgeRange,
  formatAnnotation,
  formatOnset,
} from './format-clinical';

const US = { locale: 'en-US', timeZone: 'UTC' };
const years = (value: number) => ({
  value,
  unit: 'years',
  system: 'http://unitsofmeasure.org',
  code: 'a',
});

describe('Onset and abatement', () => {
  it('shows dates, keeping partial dates partial', () => {
    expect(formatOnset({ onsetDateTime: '2019' }, US)).toBe('2019');
    expect(formatOnset({ onsetDateTime: '2019-03' }, US)).toBe('Mar 2019');
    expect(formatOnset({ onsetDateTime: '2019-03-04' }, US)).toBe('Mar 4, 2019');
    expect(formatOnset({ onsetDateTime: '2019-03-04T10:15:00Z' }, US)).toBe(
      'Mar 4, 2019, 10:15 AM',
    );
    expect(formatAbatement({ abatementDateTime: '2021-06' }, US)).toBe('Jun 2021');
  });

  it('shows an age: years without their unit, younger ages with it', () => {
    expect(formatOnset({ onsetAge: years(45) })).toBe('at age 45');
    expect(formatOnset({ onsetAge: { value: 6, code: 'mo' } })).toBe('at age 6 months');
    expect(formatOnset({ onsetAge: { value: 1, unit: 'wk' } })).toBe('at age 1 week');
    expect(formatAbatement({ abatementAge: years(52) })).toBe('at age 52');
    expect(formatAge({ value: 3, unit: 'decades' })).toBe('at age 3 decades');
    expect(formatAge({ unit: 'a' })).toBe('');
  });

  it('shows a period and an age range', () => {
    expect(formatOnset({ onsetPeriod: { start: '2010-01-01', end: '2012-12-31' } }, US)).toBe(
      'Jan 1, 2010 – Dec 31, 2012',
    );
    expect(formatAbatement({ abatementPeriod: { start: '2015' } }, US)).toBe('from 2015');
    expect(formatOnset({ onsetRange: { low: years(30), high: years(40) } })).toBe(
      'between ages 30 and 40',
    );
    expect(formatAbatement({ abatementRange: { low: years(30) } })).toBe('from age 30');
    expect(formatAgeRange({ high: { value: 18, code: 'mo' } })).toBe('before age 18 months');
    expect(formatAgeRange({})).toBe('');
  });

  it("shows the sender's words", () => {
    expect(formatOnset({ onsetString: ' in childhood ' })).toBe('in childhood');
    expect(formatAbatement({ abatementString: 'after surgery' })).toBe('after surgery');
  });

  it('is empty when absent, so the caller can say "Onset unknown"', () => {
    expect(formatOnset(undefined)).toBe('');
    expect(formatOnset({})).toBe('');
    expect(formatOnset({ onsetString: '  ', onsetAge: {}, onsetPeriod: {} })).toBe('');
    expect(formatAbatement(undefined)).toBe('');
    expect(formatAbatement({ abatementRange: {} })).toBe('');
  });

  it('passes an unparseable date through rather than "Invalid Date"', () => {
    expect(formatOnset({ onsetDateTime: 'spring 2019' }, US)).toBe('spring 2019');
  });
});

describe('Annotation', () => {
  it('shows the text with its author and time', () => {
    expect(
      formatAnnotation(
        { text: 'Patient reports dizziness.', authorString: 'Dr. Who', time: '2020-03-01' },
        US,
      ),
    ).toBe('Patient reports dizziness. — Dr. Who, Mar 1, 2020');
    expect(
      formatAnnotation({ text: 'Seen.', authorReference: { reference: 'Practitioner/p-1' } }, US),
    ).toBe('Seen. — Practitioner/p-1');
    expect(
      formatAnnotation(
        { text: 'Seen.', authorReference: { display: 'Nurse Ratched' }, time: '2021' },
        US,
      ),
    ).toBe('Seen. — Nurse Ratched, 2021');
    expect(formatAnnotation({ text: ' Just text ' })).toBe('Just text');
  });

  it('names an author given by a contained reference', () => {
    const condition = {
      resourceType: 'Condition',
      contained: [{ resourceType: 'Practitioner', id: 'dr', name: [{ text: 'Dr. Ada Lovelace' }] }],
    };
    expect(
      formatAnnotation({ text: 'Reviewed.', authorReference: { reference: '#dr' } }, US, {
        referrer: condition,
      }),
    ).toBe('Reviewed. — Dr. Ada Lovelace');
  });

  it('is empty without text, whoever wrote it', () => {
    expect(formatAnnotation({ authorString: 'Dr. Who', time: '2020' })).toBe('');
    expect(formatAnnotation(undefined)).toBe('');
  });
});

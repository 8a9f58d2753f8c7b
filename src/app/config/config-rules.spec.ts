import { ConfigProblem, FieldReader, checkObject } from './config-rules';

const FIXES = {
  url: 'Write a URL.',
  id: 'Write an id.',
  flag: 'Write true or false.',
  count: 'Write a count.',
};

function read(object: Record<string, unknown>) {
  const problems: ConfigProblem[] = [];
  return { problems, field: new FieldReader(object, 'ehrs[1]', FIXES, problems) };
}

describe('reading one object of config.json', () => {
  it('reads fields that follow their rules, a URL without its trailing slash, and adds no problem', () => {
    const { problems, field } = read({
      url: 'https://ehr.example/fhir/',
      id: 'app_1-a',
      flag: false,
    });
    expect(field.baseUrl('url')).toBe('https://ehr.example/fhir');
    expect(field.clientId('id')).toBe('app_1-a');
    expect(field.optionalBoolean('flag')).toBeFalse();
    expect(problems).toEqual([]);
  });

  it('names a field that breaks its rule by where it sits, with the fix given for it, and reads it as undefined', () => {
    const { problems, field } = read({ url: 'ftp://ehr.example', id: 'a b', flag: 'yes' });
    expect(field.baseUrl('url')).toBeUndefined();
    expect(field.clientId('id')).toBeUndefined();
    expect(field.optionalBoolean('flag')).toBeUndefined();
    expect(problems).toEqual([
      {
        field: 'ehrs[1].url',
        message: 'must use https (http is allowed only for localhost)',
        fix: 'Write a URL.',
      },
      { field: 'ehrs[1].id', message: 'contains unexpected characters', fix: 'Write an id.' },
      { field: 'ehrs[1].flag', message: 'must be true or false', fix: 'Write true or false.' },
    ]);
  });

  it('says a required field is missing, and lets an optional one be absent', () => {
    const { problems, field } = read({});
    expect(field.baseUrl('url')).toBeUndefined();
    expect(field.clientId('id')).toBeUndefined();
    expect(field.optionalBoolean('flag')).toBeUndefined();
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ['ehrs[1].url', 'is missing'],
      ['ehrs[1].id', 'is missing'],
    ]);
  });

  it('reads a number within its bounds, lets it be absent, and refuses any other value', () => {
    const bounds = { minimum: 5, maximum: 600 };
    for (const count of [5, 60.5, 600]) {
      expect(read({ count }).field.optionalNumber('count', bounds)).toBe(count);
    }
    const absent = read({});
    expect(absent.field.optionalNumber('count', bounds)).toBeUndefined();
    expect(absent.problems).toEqual([]);
    for (const count of [4, 601, -5, Number.NaN, Number.POSITIVE_INFINITY, '60', null, true]) {
      const { problems, field } = read({ count });
      expect(field.optionalNumber('count', bounds)).toBeUndefined();
      expect(problems).toEqual([
        {
          field: 'ehrs[1].count',
          message: 'must be a number from 5 to 600',
          fix: 'Write a count.',
        },
      ]);
    }
  });

  it('refuses a field with a fix of its own where the problem needs one', () => {
    const { problems, field } = read({});
    field.refuse('flag', 'is required', 'Add it.');
    expect(problems).toEqual([{ field: 'ehrs[1].flag', message: 'is required', fix: 'Add it.' }]);
  });

  it('refuses an object that is not one, and its unknown fields', () => {
    const problems: ConfigProblem[] = [];
    expect(checkObject(['x'], 'okta', 'okta', 'Make it an object.', problems)).toBeUndefined();
    const okta = { issuer: 'x', issuerr: 'y' };
    expect(checkObject(okta, 'okta', 'okta', 'Make it an object.', problems)).toBe(okta);
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ['okta', 'must be a JSON object'],
      ['okta.issuerr', 'is not a known field'],
    ]);
  });
});

import { Outcome } from './outcome';

type Parsed = Outcome<{ value: number }, { why: string }>;

function parse(text: string): Parsed {
  const value = Number(text);
  return Number.isInteger(value)
    ? { ok: true, value }
    : { ok: false, why: `"${text}" is no count` };
}

describe('an outcome', () => {
  it('holds what was accepted or why not, told apart by ok', () => {
    const words = ['12', 'twelve'].map((text) => {
      const parsed = parse(text);
      return parsed.ok ? `counted ${parsed.value}` : parsed.why;
    });
    expect(words).toEqual(['counted 12', '"twelve" is no count']);
  });

  it('keeps the accepted fields out of reach until ok is tested, and out of a refusal', () => {
    const parsed = parse('12');
    // @ts-expect-error: `value` is there only once `ok` is known to be true.
    expect(parsed.value).toBe(12);
    // @ts-expect-error: a refusal carries why, not a value.
    const refused: Parsed = { ok: false, value: 12 };
    expect(refused.ok).toBeFalse();
  });
});

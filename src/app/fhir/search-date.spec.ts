import { isSearchDate } from './search-date';

describe('isSearchDate', () => {
  it('accepts real dates at year, month and day precision', () => {
    for (const date of ['1982', '1982-02', '1982-02-21', '2024-02-29']) {
      expect(isSearchDate(date)).withContext(date).toBeTrue();
    }
  });

  it('refuses the right shape with an impossible month or day, and other text', () => {
    for (const date of [
      '2020-13-45',
      '2023-02-29',
      '1982-00',
      '1982-04-31',
      '19x',
      '1982-2-1',
      '',
    ]) {
      expect(isSearchDate(date)).withContext(date).toBeFalse();
    }
  });

  it('at day precision, needs the day', () => {
    expect(isSearchDate('1982-02', 'day')).toBeFalse();
    expect(isSearchDate('1982-02-21', 'day')).toBeTrue();
  });
});

import { describeIdleLimit, idlePhase } from './idle-phase';

describe('idlePhase', () => {
  const settings = { idleMinutes: 15, warningSeconds: 60 };
  const start = 1_800_000_000_000;
  const at = (seconds: number) => idlePhase(start, start + seconds * 1000, settings);

  it('is active until the warning, counts down through it, then expires', () => {
    expect(at(0)).toEqual({ kind: 'active' });
    expect(at(14 * 60 - 1)).toEqual({ kind: 'active' });
    expect(at(14 * 60)).toEqual({ kind: 'warning', secondsLeft: 60 });
    expect(at(15 * 60 - 0.5)).toEqual({ kind: 'warning', secondsLeft: 1 });
    expect(at(15 * 60)).toEqual({ kind: 'expired' });
    expect(at(24 * 3600)).toEqual({ kind: 'expired' });
  });

  it('never expires with idle sign-out turned off', () => {
    expect(
      idlePhase(start, start + 10 * 24 * 3600_000, { idleMinutes: 0, warningSeconds: 60 }),
    ).toEqual({ kind: 'active' });
  });

  it('says the limit in minutes, or in seconds under a minute', () => {
    expect(describeIdleLimit(15)).toBe('15 minutes');
    expect(describeIdleLimit(1)).toBe('1 minute');
    expect(describeIdleLimit(0.2)).toBe('12 seconds');
    expect(describeIdleLimit(2.5)).toBe('2.5 minutes');
  });
});

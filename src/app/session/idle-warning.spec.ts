import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { IdlePhase } from './idle-phase';
import { IdleWarning } from './idle-warning';
import { IdleSignOut } from './idle-sign-out';
import { SignOut } from './sign-out';

describe('IdleWarning', () => {
  const phase = signal<IdlePhase>({ kind: 'active' });
  let staySignedIn: jasmine.Spy;
  let everywhere: jasmine.Spy;

  async function render() {
    phase.set({ kind: 'active' });
    staySignedIn = jasmine.createSpy('staySignedIn');
    everywhere = jasmine.createSpy('everywhere').and.resolveTo(undefined);
    TestBed.configureTestingModule({
      providers: [
        { provide: IdleSignOut, useValue: { phase, staySignedIn } },
        { provide: SignOut, useValue: { everywhere } },
      ],
    });
    const fixture = TestBed.createComponent(IdleWarning);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const dialog = el.querySelector('dialog') as HTMLDialogElement;
    const button = (name: string) =>
      [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
    return { fixture, dialog, button };
  }

  it('opens as a modal dialog with focus on "Stay signed in" and counts down in words', async () => {
    const { fixture, dialog, button } = await render();
    expect(dialog.open).toBeFalse();
    phase.set({ kind: 'warning', secondsLeft: 60 });
    await fixture.whenStable();
    expect(dialog.open).toBeTrue();
    expect(document.activeElement).toBe(button('Stay signed in') as HTMLButtonElement);
    expect(dialog.getAttribute('aria-labelledby')).toBe('idle-warning-title');
    expect(dialog.textContent).toContain('signs out in 60 seconds');
    phase.set({ kind: 'warning', secondsLeft: 12 });
    await fixture.whenStable();
    expect(dialog.textContent).toContain('signs out in 12 seconds');
    phase.set({ kind: 'active' });
    await fixture.whenStable();
    expect(dialog.open).toBeFalse();
  });

  it('"Stay signed in" and Escape keep the session; "Sign out now" signs out every tab', async () => {
    const { fixture, dialog, button } = await render();
    phase.set({ kind: 'warning', secondsLeft: 30 });
    await fixture.whenStable();
    button('Stay signed in')?.click();
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    expect(staySignedIn).toHaveBeenCalledTimes(2);
    button('Sign out now')?.click();
    expect(everywhere).toHaveBeenCalledWith('user');
    phase.set({ kind: 'active' });
    await fixture.whenStable();
  });
});

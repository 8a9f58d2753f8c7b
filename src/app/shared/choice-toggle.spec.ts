import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Choice, ChoiceToggle } from './choice-toggle';

type View = 'flowsheet' | 'list';

@Component({
  selector: 'app-choice-toggle-host',
  imports: [ChoiceToggle],
  template: `<app-choice-toggle
    label="View"
    [choices]="choices"
    [chosen]="view()"
    (choose)="view.set($event)"
  />`,
})
class ChoiceToggleHost {
  readonly choices: readonly Choice<View>[] = [
    { key: 'flowsheet', label: 'Flowsheet' },
    { key: 'list', label: 'List' },
  ];
  readonly view = signal<View>('flowsheet');
}

describe('ChoiceToggle', () => {
  async function render() {
    const fixture = TestBed.createComponent(ChoiceToggleHost);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const radio = (name: string) =>
      [...el.querySelectorAll<HTMLButtonElement>('button[role="radio"]')].find(
        (button) => button.textContent?.trim() === name,
      );
    return { fixture, el, radio };
  }

  it('offers each choice as a radio in a labelled group, the chosen one checked', async () => {
    const { el, radio } = await render();
    const group = el.querySelector('[role="radiogroup"]');
    expect(group?.getAttribute('aria-label')).toBe('View');
    expect(radio('Flowsheet')?.getAttribute('aria-checked')).toBe('true');
    expect(radio('List')?.getAttribute('aria-checked')).toBe('false');
  });

  it('says which choice was made, and shows it chosen once the page takes it', async () => {
    const { fixture, radio } = await render();
    radio('List')?.click();
    await fixture.whenStable();
    expect(fixture.componentInstance.view()).toBe('list');
    expect(radio('List')?.getAttribute('aria-checked')).toBe('true');
    expect(radio('Flowsheet')?.getAttribute('aria-checked')).toBe('false');
  });

  it('follows a choice the page makes itself (from the URL)', async () => {
    const { fixture, radio } = await render();
    fixture.componentInstance.view.set('list');
    await fixture.whenStable();
    expect(radio('List')?.getAttribute('aria-checked')).toBe('true');
  });
});

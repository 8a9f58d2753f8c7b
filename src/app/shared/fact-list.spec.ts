import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Fact, FactLayout, FactList } from './fact-list';

@Component({
  selector: 'app-fact-list-host',
  imports: [FactList],
  template: `<dl
    app-fact-list
    class="page-facts"
    data-testid="facts"
    [layout]="layout()"
    [facts]="facts()"
  ></dl>`,
})
class FactListHost {
  readonly layout = signal<FactLayout>('stacked');
  readonly facts = signal<readonly Fact[]>([
    { term: 'Sex', value: 'Female' },
    { term: 'FHIR base (iss)', value: 'https://ehr.example/fhir', code: true },
  ]);
}

describe('FactList', () => {
  async function render(layout: FactLayout = 'stacked') {
    const fixture = TestBed.createComponent(FactListHost);
    fixture.componentInstance.layout.set(layout);
    await fixture.whenStable();
    const list = (fixture.nativeElement as HTMLElement).querySelector('dl');
    if (!list) throw new Error('no description list');
    return list;
  }

  it("shows each term with its value in the page's own list", async () => {
    const list = await render();
    expect(list.classList).toContain('page-facts');
    expect(list.dataset['testid']).toBe('facts');
    const pairs = [...list.querySelectorAll(':scope > div')].map((pair) => [
      pair.querySelector('dt')?.textContent,
      pair.querySelector('dd')?.textContent,
    ]);
    expect(pairs).toEqual([
      ['Sex', 'Female'],
      ['FHIR base (iss)', 'https://ehr.example/fhir'],
    ]);
  });

  it('shows a URL or an identifier as code, and words as words', async () => {
    const list = await render();
    const codes = [...list.querySelectorAll('dd > code')].map((code) => code.textContent);
    expect(codes).toEqual(['https://ehr.example/fhir']);
  });

  it('lines the terms up in a column beside their values in the grid layout', async () => {
    const list = await render('grid');
    expect(getComputedStyle(list).display).toBe('grid');
    expect(getComputedStyle(list).gridTemplateColumns.split(' ').length).toBe(2);
    expect(getComputedStyle(list.querySelector('div') as Element).display).toBe('contents');
  });

  it('runs the facts on one wrapping line in the inline layout', async () => {
    const list = await render('inline');
    expect(getComputedStyle(list).display).toBe('flex');
    expect(getComputedStyle(list).flexWrap).toBe('wrap');
    expect(getComputedStyle(list.querySelector('dd') as Element).marginLeft).toBe('0px');
  });

  it("leaves the stacked layout to the browser's own, each value under its term", async () => {
    const list = await render();
    expect(getComputedStyle(list).display).toBe('block');
    expect(getComputedStyle(list.querySelector('dd') as Element).marginLeft).not.toBe('0px');
  });
});

import { ComponentFixture, TestBed } from '@angular/core/testing';
import { BundlePager, PageTurn } from './bundle-pager';

describe('BundlePager', () => {
  let fixture: ComponentFixture<BundlePager>;
  const buttons = (): HTMLButtonElement[] =>
    Array.from(fixture.nativeElement.querySelectorAll('button') as NodeListOf<HTMLButtonElement>);
  const previousLink = 'http://fhir.test/fhir/Patient?_offset=20';
  const nextLink = 'http://fhir.test/fhir/Patient?_offset=60';

  async function showPage(page: number, links: { previousLink?: string; nextLink?: string }) {
    fixture = TestBed.createComponent(BundlePager);
    fixture.componentRef.setInput('page', page);
    fixture.componentRef.setInput('links', {
      previousLink: links.previousLink,
      nextLink: links.nextLink,
    });
    const turns: PageTurn[] = [];
    fixture.componentInstance.turn.subscribe((turn) => turns.push(turn));
    await fixture.whenStable();
    return turns;
  }

  it('turns to the next and previous pages through the links the server gave', async () => {
    const turns = await showPage(3, { previousLink, nextLink });
    const [previous, next] = buttons();
    next?.click();
    previous?.click();
    expect(turns).toEqual([
      { page: 4, cursor: nextLink },
      { page: 2, cursor: previousLink },
    ]);
    expect(fixture.nativeElement.textContent).toContain('Page 3');
  });

  it('goes back to page one by the plain search, so its URL stays short', async () => {
    const turns = await showPage(2, { previousLink });
    buttons()[0]?.click();
    expect(turns).toEqual([{ page: 1, cursor: '' }]);
  });

  it('disables a direction the Bundle has no link for', async () => {
    await showPage(2, { nextLink });
    const [previous, next] = buttons();
    expect(previous?.disabled).toBeTrue();
    expect(next?.disabled).toBeFalse();
  });
});

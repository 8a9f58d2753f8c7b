import { ComponentFixture, TestBed } from '@angular/core/testing';
import { BundlePager } from './bundle-pager';

describe('BundlePager', () => {
  let fixture: ComponentFixture<BundlePager>;
  const buttons = (): HTMLButtonElement[] =>
    Array.from(fixture.nativeElement.querySelectorAll('button') as NodeListOf<HTMLButtonElement>);

  beforeEach(() => {
    fixture = TestBed.createComponent(BundlePager);
    fixture.componentRef.setInput('page', 2);
  });

  it('follows the next and previous links the server gave', async () => {
    fixture.componentRef.setInput('previousLink', 'http://fhir.test/fhir/Patient?_offset=0');
    fixture.componentRef.setInput('nextLink', 'http://fhir.test/fhir/Patient?_offset=40');
    const followed: string[] = [];
    fixture.componentInstance.previous.subscribe((link) => followed.push(`previous ${link}`));
    fixture.componentInstance.next.subscribe((link) => followed.push(`next ${link}`));
    await fixture.whenStable();

    const [previous, next] = buttons();
    next?.click();
    previous?.click();
    expect(followed).toEqual([
      'next http://fhir.test/fhir/Patient?_offset=40',
      'previous http://fhir.test/fhir/Patient?_offset=0',
    ]);
    expect(fixture.nativeElement.textContent).toContain('Page 2');
  });

  it('disables a direction the Bundle has no link for', async () => {
    fixture.componentRef.setInput('nextLink', 'http://fhir.test/fhir/Patient?_offset=40');
    await fixture.whenStable();
    const [previous, next] = buttons();
    expect(previous?.disabled).toBeTrue();
    expect(next?.disabled).toBeFalse();
  });
});

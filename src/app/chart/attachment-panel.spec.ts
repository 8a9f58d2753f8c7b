import { TestBed } from '@angular/core/testing';
import { Attachment } from '../fhir/fhir-types';
import { viewAttachment } from '../fhir/format-attachment';
import { AttachmentPanel } from './attachment-panel';

describe('AttachmentPanel', () => {
  let saved: string[];

  beforeEach(() => {
    saved = [];
    // The browser is asked to save the file by clicking a link: what it is named is the point.
    spyOn(HTMLAnchorElement.prototype, 'click').and.callFake(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
  });

  /** Clicks Download for `source` and answers the name the browser was asked to save it under. */
  async function savedName(source: Attachment): Promise<string | undefined> {
    const fixture = TestBed.createComponent(AttachmentPanel);
    fixture.componentRef.setInput('attachment', { source, view: viewAttachment(source) });
    await fixture.whenStable();
    (fixture.nativeElement as HTMLElement).querySelector('button')?.click();
    return saved.pop();
  }

  it('names a download by a safe stem and the extension of its allowed type, never by its title alone', async () => {
    const data = btoa('<script>alert(1)</script>');
    expect(await savedName({ contentType: 'text/html', title: 'x.html', data })).toBe('x.bin');
    expect(await savedName({ contentType: 'application/pdf', title: 'Discharge.html', data })).toBe(
      'Discharge.pdf',
    );
    expect(await savedName({ contentType: 'image/png', data })).toBe('attachment.png');
  });
});

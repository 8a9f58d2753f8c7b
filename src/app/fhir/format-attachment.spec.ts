import { Attachment } from './fhir-types';
import { attachmentBlob, downloadName, formatByteSize, viewAttachment } from './format-attachment';

const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));
const FHIR_BASE = 'http://localhost:4400/fhir';

describe('Attachments', () => {
  it('shows plain text decoded as UTF-8', () => {
    expect(
      viewAttachment({
        contentType: 'text/plain; charset=utf-8',
        data: base64('Café — 37.5 °C'),
        title: 'Note',
      }),
    ).toEqual({
      kind: 'text',
      title: 'Note',
      contentType: 'text/plain; charset=utf-8',
      text: 'Café — 37.5 °C',
      note: '',
    });
  });

  it('shows markdown as its raw text, never rendered', () => {
    const view = viewAttachment({ contentType: 'text/markdown', data: base64('# Plan\n<b>x</b>') });
    expect(view).toEqual(jasmine.objectContaining({ kind: 'text', text: '# Plan\n<b>x</b>' }));
  });

  it('decodes a stated charset, and wrapped base64', () => {
    const latin1 = btoa('caf\xe9');
    expect(viewAttachment({ contentType: 'text/plain; charset=ISO-8859-1', data: latin1 })).toEqual(
      jasmine.objectContaining({ text: 'café' }),
    );
    expect(
      viewAttachment({ contentType: 'text/plain; charset=klingon', data: base64('ok') }),
    ).toEqual(jasmine.objectContaining({ text: 'ok' }));
    const wrapped = base64('hello world, wrapped').replace(/(.{8})/g, '$1\n');
    expect(viewAttachment({ contentType: 'text/plain', data: wrapped })).toEqual(
      jasmine.objectContaining({ text: 'hello world, wrapped' }),
    );
  });

  it('cuts long text at the cap with a note, never mid-character', () => {
    const view = viewAttachment(
      { contentType: 'text/plain', data: base64('ab€cd') },
      { maxTextBytes: 4 },
    );
    expect(view).toEqual(
      jasmine.objectContaining({
        kind: 'text',
        text: 'ab',
        note: 'Showing the first 4 bytes of 7 bytes.',
      }),
    );
  });

  it('shows invalid UTF-8 with replacement marks rather than failing', () => {
    expect(viewAttachment({ contentType: 'text/plain', data: btoa('\xff\xfeok') })).toEqual(
      jasmine.objectContaining({ kind: 'text', text: '\ufffd\ufffdok' }),
    );
  });

  it('says malformed base64 could not be read, without throwing', () => {
    const view = viewAttachment({
      contentType: 'text/plain',
      data: 'not base64!',
      title: 'Broken',
    });
    expect(view.kind).toBe('unreadable');
    expect(view).toEqual(
      jasmine.objectContaining({
        title: 'Broken',
        reason: jasmine.stringMatching(/could not be read/),
      }),
    );
    expect(viewAttachment({ contentType: 'application/pdf', data: 'abc' }).kind).toBe('unreadable');
  });

  it('offers HTML, PDF, images and unknown types as downloads with their size', () => {
    const html = viewAttachment({
      contentType: 'text/html',
      data: base64('<script>alert(1)</script>'),
      title: 'Letter',
    });
    expect(html).toEqual({
      kind: 'download',
      title: 'Letter',
      contentType: 'text/html',
      size: '25 bytes',
    });
    const pdf = viewAttachment({ contentType: 'application/pdf', data: btoa('x'.repeat(1536)) });
    expect(pdf).toEqual(
      jasmine.objectContaining({ kind: 'download', size: '1.5 KB', title: 'Untitled attachment' }),
    );
    expect(viewAttachment({ data: base64('?') })).toEqual(
      jasmine.objectContaining({ kind: 'download', contentType: 'unknown type', size: '1 byte' }),
    );
  });

  it('reports url attachments without fetching them: at the FHIR server or external', () => {
    expect(
      viewAttachment(
        { url: 'Binary/b-1', contentType: 'application/pdf', size: 3 * 1024 * 1024 },
        { fhirBase: FHIR_BASE },
      ),
    ).toEqual({
      kind: 'link',
      title: 'Untitled attachment',
      contentType: 'application/pdf',
      size: '3.0 MB',
      url: 'http://localhost:4400/fhir/Binary/b-1',
      where: 'fhir-server',
    });
    expect(
      viewAttachment(
        { url: 'http://localhost:4400/fhir/Binary/b-2' },
        { fhirBase: `${FHIR_BASE}/` },
      ),
    ).toEqual(jasmine.objectContaining({ where: 'fhir-server' }));
    for (const url of [
      'https://docs.example.org/report.pdf',
      'http://localhost:4400/fhir-other/x',
      'http://localhost:4400.evil.test/fhir/Binary/1',
    ]) {
      expect(viewAttachment({ url }, { fhirBase: FHIR_BASE }))
        .withContext(url)
        .toEqual(jasmine.objectContaining({ kind: 'link', url, where: 'external', size: '' }));
    }
    expect(viewAttachment({ url: 'Binary/b-1' })).toEqual(
      jasmine.objectContaining({ url: 'Binary/b-1', where: 'external' }),
    );
    expect(viewAttachment({ url: 'http://[bad' }, { fhirBase: FHIR_BASE })).toEqual(
      jasmine.objectContaining({ url: 'http://[bad', where: 'external' }),
    );
  });

  it('is empty with neither data nor url', () => {
    expect(viewAttachment({ title: ' Scan ', data: '', url: ' ' })).toEqual({
      kind: 'empty',
      title: 'Scan',
      contentType: 'unknown type',
    });
    expect(viewAttachment(undefined).kind).toBe('empty');
  });

  it('builds a download Blob that can never open as a page in the app', async () => {
    const text = attachmentBlob({ contentType: 'text/plain; charset=utf-8', data: base64('hi') });
    expect(text?.type).toBe('text/plain');
    expect(await text?.text()).toBe('hi');
    expect(attachmentBlob({ contentType: 'application/pdf', data: btoa('%PDF') })?.type).toBe(
      'application/pdf',
    );
    for (const contentType of ['text/html', 'image/svg+xml', 'application/xhtml+xml', undefined]) {
      const attachment: Attachment = {
        data: base64('<svg onload=alert(1)>'),
        ...(contentType ? { contentType } : {}),
      };
      expect(attachmentBlob(attachment)?.type)
        .withContext(String(contentType))
        .toBe('application/octet-stream');
    }
    expect(attachmentBlob({ data: '***' })).toBeUndefined();
    expect(attachmentBlob({ url: 'Binary/1' })).toBeUndefined();
    expect(attachmentBlob(undefined)).toBeUndefined();
  });

  it('names a download from a safe stem of its title and the extension of its allowed type', () => {
    const named = (title: string | undefined, contentType?: string) =>
      downloadName({ data: 'AA==', ...(title === undefined ? {} : { title }), contentType });
    // The type chooses the extension; the title's own extension is dropped.
    expect(named('Discharge summary.pdf', 'application/pdf')).toBe('Discharge summary.pdf');
    expect(named('x.html', 'application/pdf')).toBe('x.pdf');
    expect(named('scan', 'image/jpeg; foo=bar')).toBe('scan.jpg');
    expect(named('Notes', 'text/markdown')).toBe('Notes.md');
    // A type the app will not hand over as itself is bytes to save, whatever the title says.
    expect(named('x.html', 'text/html')).toBe('x.bin');
    expect(named('logo.svg', 'image/svg+xml')).toBe('logo.bin');
    expect(named('run.exe', undefined)).toBe('run.bin');
    // Only letters, digits, spaces, - _ ( ) survive; paths, dots, controls and bidi tricks do not.
    expect(named('../../etc/passwd', 'application/pdf')).toBe('etc-passwd.pdf');
    expect(named('report.final.v2.html', 'application/pdf')).toBe('report-final-v2.pdf');
    expect(named('inv\u202Efdp.exe', 'application/pdf')).toBe('inv-fdp.pdf');
    expect(named('Befund Müller (2024)', 'application/pdf')).toBe('Befund Müller (2024).pdf');
    expect(named('  ...  ', 'application/pdf')).toBe('attachment.pdf');
    expect(named(undefined, 'image/png')).toBe('attachment.png');
    expect(named('a'.repeat(300), 'application/pdf')).toBe(`${'a'.repeat(80)}.pdf`);
  });

  it('writes sizes in bytes, KB and MB', () => {
    expect(formatByteSize(0)).toBe('0 bytes');
    expect(formatByteSize(1023)).toBe('1023 bytes');
    expect(formatByteSize(200 * 1024)).toBe('200.0 KB');
    expect(formatByteSize(5.25 * 1024 * 1024)).toBe('5.3 MB');
    expect(formatByteSize(-1)).toBe('');
    expect(formatByteSize(NaN)).toBe('');
    expect(formatByteSize(undefined)).toBe('');
  });
});

import { Attachment } from './fhir-types';
import { isUnderFhirBase } from './fhir-url';

/** How the chart may show an attachment. Nothing here is ever rendered as HTML. */
export type AttachmentView =
  /** Plain text decoded from `data`, for a text block; `note` says when it was cut. */
  | { kind: 'text'; title: string; contentType: string; text: string; note: string }
  /** `data` that is not base64: said in words, never thrown. */
  | { kind: 'unreadable'; title: string; contentType: string; reason: string }
  /** Inline content of any other type (PDF, HTML, images): offered as a file to save. */
  | { kind: 'download'; title: string; contentType: string; size: string }
  /**
   * Stored at a URL, never fetched here: `fhir-server` when under the FHIR base (the token may go
   * there), `external` otherwise (it must not).
   */
  | {
      kind: 'link';
      title: string;
      contentType: string;
      size: string;
      url: string;
      where: 'fhir-server' | 'external';
    }
  /** Neither data nor url. */
  | { kind: 'empty'; title: string; contentType: string };

export interface AttachmentViewOptions {
  /** The configured FHIR base: a url under it is stored at the server. */
  readonly fhirBase?: string;
  /** Text beyond this many bytes is cut, with a note. */
  readonly maxTextBytes?: number;
}

export const MAX_TEXT_BYTES = 200 * 1024;

// Shown as text. Markdown is shown as its raw text, never rendered; HTML is only ever a download.
const TEXT_TYPES = ['text/plain', 'text/markdown'];

/** "512 bytes", "1.5 KB", "2.3 MB"; '' when unknown. */
export function formatByteSize(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * The types a download keeps as itself, each with the extension its file is saved under. Anything
 * else (HTML, SVG, XML, unknown) is bytes to save as `.bin`: the data never chooses how it opens.
 */
const SAVED_AS: Readonly<Record<string, string>> = {
  'text/plain': 'txt',
  'text/markdown': 'md',
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The bytes of base64 `data` (whitespace allowed, as in wrapped base64), or undefined if it is not base64. */
function decodeBase64(data: string): Uint8Array<ArrayBuffer> | undefined {
  const compact = data.replace(/\s+/g, '');
  if (!BASE64.test(compact)) return undefined;
  const binary = atob(compact);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** "text/plain; charset=utf-8" → type "text/plain", charset "utf-8". */
function parseContentType(contentType: string): { type: string; charset: string } {
  const [type = '', ...params] = contentType.split(';').map((part) => part.trim());
  const charset = params
    .map((p) => /^charset="?([^";]+)"?$/i.exec(p)?.[1])
    .find((c): c is string => c !== undefined);
  return { type: type.toLowerCase(), charset: charset ?? 'utf-8' };
}

/** A decoder for the stated charset, UTF-8 when the browser knows no such charset. */
function decoderFor(charset: string): TextDecoder {
  try {
    return new TextDecoder(charset, { fatal: false });
  } catch {
    return new TextDecoder('utf-8', { fatal: false });
  }
}

function decodeText(bytes: Uint8Array, charset: string, maxBytes: number) {
  const cut = bytes.length > maxBytes;
  // stream: true holds back a character split by the cut instead of showing a replacement mark.
  const text = decoderFor(charset).decode(cut ? bytes.subarray(0, maxBytes) : bytes, {
    stream: cut,
  });
  const note = cut
    ? `Showing the first ${formatByteSize(maxBytes)} of ${formatByteSize(bytes.length)}.`
    : '';
  return { text, note };
}

/** Where a url points: relative urls are relative to the FHIR base, as FHIR says. */
function linkTarget(url: string, fhirBase: string | undefined) {
  if (!fhirBase) return { url, where: 'external' as const };
  let absolute: string;
  try {
    absolute = new URL(url, fhirBase.replace(/\/*$/, '/')).href;
  } catch {
    return { url, where: 'external' as const };
  }
  return {
    url: absolute,
    where: isUnderFhirBase(absolute, fhirBase) ? ('fhir-server' as const) : ('external' as const),
  };
}

/** How to show an attachment: plain text as text, anything else as a download or a link, never rendered. */
export function viewAttachment(
  attachment: Attachment | undefined,
  options: AttachmentViewOptions = {},
): AttachmentView {
  const title = attachment?.title?.trim() || 'Untitled attachment';
  const contentType = attachment?.contentType?.trim() || 'unknown type';
  const { type, charset } = parseContentType(attachment?.contentType ?? '');
  const data = attachment?.data;
  if (data !== undefined && data !== '') {
    const bytes = decodeBase64(data);
    if (!bytes) {
      return {
        kind: 'unreadable',
        title,
        contentType,
        reason: 'The attachment could not be read: its data is not valid base64.',
      };
    }
    if (TEXT_TYPES.includes(type)) {
      return {
        kind: 'text',
        title,
        contentType,
        ...decodeText(bytes, charset, options.maxTextBytes ?? MAX_TEXT_BYTES),
      };
    }
    return { kind: 'download', title, contentType, size: formatByteSize(bytes.length) };
  }
  const url = attachment?.url?.trim();
  if (url) {
    return {
      kind: 'link',
      title,
      contentType,
      size: formatByteSize(attachment?.size),
      ...linkTarget(url, options.fhirBase),
    };
  }
  return { kind: 'empty', title, contentType };
}

/** The decoded bytes as a Blob for a download link; undefined when there is no valid base64 data. */
export function attachmentBlob(attachment: Attachment | undefined): Blob | undefined {
  const bytes = attachment?.data ? decodeBase64(attachment.data) : undefined;
  if (!bytes) return undefined;
  const type = parseContentType(attachment?.contentType ?? '').type;
  // A blob: URL has the app's origin, so anything that could script there (HTML, SVG, XML) is
  // typed as bytes to save, never as a document to open.
  return new Blob([bytes], {
    type: Object.hasOwn(SAVED_AS, type) ? type : 'application/octet-stream',
  });
}

const STEM_LENGTH = 80;

/**
 * The file name a download is saved under: a safe stem of its title (letters, digits, spaces and
 * `- _ ( )`; the title's own extension dropped, so `x.html` cannot name an HTML file) and the
 * extension of its content type when that type is kept as itself, else `.bin`.
 */
export function downloadName(attachment: Attachment | undefined): string {
  const type = parseContentType(attachment?.contentType ?? '').type;
  const extension = Object.hasOwn(SAVED_AS, type) ? SAVED_AS[type] : 'bin';
  const trim = (text: string) => text.replace(/^[\s-]+|[\s-]+$/gu, '');
  const cleaned = trim(
    (attachment?.title ?? '')
      .replace(/\.[A-Za-z0-9]{1,8}$/, '')
      .replace(/[^\p{L}\p{N} _()-]+/gu, '-'),
  );
  const stem = trim(cleaned.slice(0, STEM_LENGTH));
  return `${stem || 'attachment'}.${extension}`;
}

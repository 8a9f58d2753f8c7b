import { Attachment } from './fhir-types';

/** How the chart may show an attachment. Nothing here is ever rendered as HTML. */
export type AttachmentView =
  /** Plain text decoded from `data`, shown as text. `note` says when it was cut. */
  | { kind: 'text'; title: string; contentType: string; text: string; note: string }
  /** `data` that is not valid base64: say so, never throw. */
  | { kind: 'unreadable'; title: string; contentType: string; reason: string }
  /** Inline content of any other type: offered as a file to save, with its size. */
  | { kind: 'download'; title: string; contentType: string; size: string }
  /** Stored elsewhere: the FHIR server (token allowed) or an external site (never the token). */
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
  /** The configured FHIR base: a url under it is "stored at the server". */
  readonly fhirBase?: string;
  /** Text beyond this many bytes is cut, with a note. */
  readonly maxTextBytes?: number;
}

export function viewAttachment(
  attachment: Attachment | undefined,
  options: AttachmentViewOptions = {},
): AttachmentView {
  void options;
  return {
    kind: 'empty',
    title: attachment?.title ?? '',
    contentType: attachment?.contentType ?? '',
  };
}

/** The decoded bytes as a Blob for a download link; undefined when there are none or they are not base64. */
export function attachmentBlob(attachment: Attachment | undefined): Blob | undefined {
  void attachment;
  return undefined;
}

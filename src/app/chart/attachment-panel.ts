import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { attachmentBlob, downloadName } from '../fhir/format-attachment';
import { RowAttachment } from './chart-row';

/**
 * A note's attachment: plain text shown as text (interpolated, so never parsed as HTML); anything else
 * offered as a file to save, never rendered in the page; content stored elsewhere named, not fetched.
 */
@Component({
  selector: 'app-attachment-panel',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let view = attachment().view;
    @switch (view.kind) {
      @case ('text') {
        <details class="attachment-text">
          <summary>{{ view.title || 'Note text' }}</summary>
          <pre>{{ view.text }}</pre>
          @if (view.note) {
            <p class="attachment-note">{{ view.note }}</p>
          }
        </details>
      }
      @case ('download') {
        <p class="attachment-file">
          {{ view.title || 'Attached file' }} ({{ view.contentType || 'unknown type' }},
          {{ view.size }})
          <button mat-stroked-button type="button" (click)="save()">Download</button>
        </p>
      }
      @case ('link') {
        <p class="attachment-file">
          {{ view.title || 'Attached file' }} ({{ view.contentType || 'unknown type' }}):
          {{ view.where === 'fhir-server' ? 'stored on the FHIR server' : 'stored elsewhere' }} at
          <span class="attachment-url">{{ view.url }}</span>. It is not opened from here.
        </p>
      }
      @case ('unreadable') {
        <p class="attachment-note">{{ view.title || 'An attachment' }}: {{ view.reason }}</p>
      }
      @case ('empty') {
        <p class="attachment-note">{{ view.title || 'An attachment' }} has no content.</p>
      }
    }
  `,
})
export class AttachmentPanel {
  readonly attachment = input.required<RowAttachment>();

  /** Saves the decoded bytes as a file: the browser never renders them in this page. */
  protected save(): void {
    const { source } = this.attachment();
    const blob = attachmentBlob(source);
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = downloadName(source);
    link.click();
    URL.revokeObjectURL(url);
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { IdleSignOut } from './idle-sign-out';
import { SignOut } from './sign-out';

/**
 * The idle warning: a modal dialog (the browser's own, so focus moves into it, stays there and Escape
 * works) that counts down to the automatic sign-out of every tab.
 */
@Component({
  selector: 'app-idle-warning',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog
      #dialog
      class="idle-warning"
      aria-labelledby="idle-warning-title"
      aria-describedby="idle-warning-text"
      (cancel)="stay($event)"
    >
      <h2 id="idle-warning-title">Are you still there?</h2>
      <p id="idle-warning-text">
        To protect patient data on this workstation, every tab of this app signs out in
        <strong data-testid="idle-seconds-left">{{ secondsLeft() }} seconds</strong> unless you
        stay.
      </p>
      <div class="actions">
        <button #stayButton mat-flat-button type="button" (click)="stay()">Stay signed in</button>
        <button mat-stroked-button type="button" (click)="signOutNow()">Sign out now</button>
      </div>
    </dialog>
  `,
  styles: `
    .idle-warning {
      max-width: min(28rem, calc(100vw - 2rem));
      border: none;
      border-radius: 0.75rem;
      padding: 1.5rem;
      background: var(--mat-sys-surface-container-high, #fff);
      color: var(--mat-sys-on-surface, #1b1b1f);
    }
    .idle-warning::backdrop {
      background: rgb(0 0 0 / 0.45);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      margin-top: 1rem;
    }
  `,
})
export class IdleWarning {
  private readonly idle = inject(IdleSignOut);
  private readonly signOut = inject(SignOut);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly stayButton = viewChild.required('stayButton', {
    read: ElementRef<HTMLButtonElement>,
  });

  protected readonly secondsLeft = computed(() => {
    const phase = this.idle.phase();
    return phase.kind === 'warning' ? phase.secondsLeft : 0;
  });

  constructor() {
    effect(() => {
      const warning = this.idle.phase().kind === 'warning';
      const dialog = this.dialog().nativeElement;
      if (warning && !dialog.open) {
        dialog.showModal();
        this.stayButton().nativeElement.focus();
      } else if (!warning && dialog.open) {
        dialog.close();
      }
    });
  }

  /** Escape counts as staying: it is the user, at the keyboard. */
  protected stay(event?: Event): void {
    event?.preventDefault();
    this.idle.staySignedIn();
  }

  protected signOutNow(): void {
    void this.signOut.everywhere('user');
  }
}

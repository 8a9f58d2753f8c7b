import { Injectable, signal } from '@angular/core';

/** The last patient-list URL (search + page), so "Back to patients" returns to it. */
@Injectable({ providedIn: 'root' })
export class PatientListMemory {
  readonly lastListUrl = signal('/patients');
}

import { Injectable, inject } from '@angular/core';
import { Router } from '@angular/router';
import { LaunchSession } from './launch-session';
import { SmartStyle } from './smart-style';

/**
 * Where a new EHR session starts: the launch patient's chart (else the patient list on the EHR's
 * server), in the EHR's style.
 */
@Injectable({ providedIn: 'root' })
export class EhrLanding {
  private readonly router = inject(Router);
  private readonly launch = inject(LaunchSession);
  private readonly style = inject(SmartStyle);

  async open(): Promise<void> {
    this.style.apply();
    const patient = this.launch.context()?.patient;
    await this.router.navigate(patient ? ['/patients', patient] : ['/patients'], {
      replaceUrl: true,
    });
  }
}

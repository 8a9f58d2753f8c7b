import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { Fact, FactList } from '../shared/fact-list';
import { EhrSession } from './ehr-session';
import { LaunchContext } from './launch-context';

/** The token inspector's account of an EHR session: which EHR, how it was opened, its launch context. */
@Component({
  selector: 'app-launch-context-view',
  imports: [FactList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="ehr-heading" data-testid="ehr-session">
      <h2 id="ehr-heading">EHR</h2>
      <dl app-fact-list class="launch-facts" [facts]="ehrFacts()"></dl>
      <h3>Launch context</h3>
      @if (context(); as context) {
        <dl
          app-fact-list
          class="launch-facts"
          data-testid="launch-context"
          [facts]="contextFacts()"
        ></dl>
        @if (context.ignored.length > 0) {
          <p data-testid="launch-context-ignored">
            Sent by the EHR but not used: {{ context.ignored.join('; ') }}.
          </p>
        }
      } @else {
        <p>The EHR sent no launch context.</p>
      }
    </section>
  `,
})
export class LaunchContextView {
  readonly session = input.required<EhrSession>();
  readonly context = input<LaunchContext>();

  protected readonly ehrFacts = computed((): Fact[] => {
    const { ehr, launch, scopes, endpoints } = this.session();
    const asking = `asking for ${scopes.join(' ')}`;
    return [
      { term: 'EHR', value: ehr.name },
      { term: 'FHIR base (iss)', value: ehr.iss, code: true },
      { term: 'Client id', value: ehr.clientId, code: true },
      {
        term: 'Opened',
        value:
          launch === undefined
            ? `From the sign-in page (standalone launch), ${asking}`
            : `By the EHR (EHR launch), ${asking}`,
      },
      { term: 'Token endpoint', value: endpoints.tokenEndpoint, code: true },
    ];
  });

  protected readonly contextFacts = computed((): Fact[] => {
    const context = this.context();
    if (!context) return [];
    const none = 'not sent';
    const patient = context.patient
      ? `${context.patient}${context.patientFrom === 'access-token' ? ' (from the access token’s claim)' : ''}`
      : none;
    return [
      { term: 'Patient', value: patient },
      { term: 'Encounter', value: context.encounter ?? none },
      {
        term: 'Patient banner',
        value: context.needPatientBanner ? 'shown by fhirokta' : 'shown by the EHR',
      },
      { term: 'Style (smart_style_url)', value: context.smartStyleUrl ?? none },
      {
        term: 'Other resources (fhirContext)',
        value:
          context.fhirContext.map((item) => item.reference ?? item.canonical).join(', ') || none,
      },
      { term: 'Intent', value: context.intent ?? none },
      { term: 'Tenant', value: context.tenant ?? none },
    ];
  });
}

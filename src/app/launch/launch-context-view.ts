import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { EhrSession } from './ehr-session';
import { LaunchContext } from './launch-context';

/** The token inspector's account of an EHR session: which EHR, how it was opened, its launch context. */
@Component({
  selector: 'app-launch-context-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="ehr-heading" data-testid="ehr-session">
      <h2 id="ehr-heading">EHR</h2>
      <dl class="launch-facts">
        <div>
          <dt>EHR</dt>
          <dd>{{ session().ehr.name }}</dd>
        </div>
        <div>
          <dt>FHIR base (iss)</dt>
          <dd>
            <code>{{ session().ehr.iss }}</code>
          </dd>
        </div>
        <div>
          <dt>Client id</dt>
          <dd>
            <code>{{ session().ehr.clientId }}</code>
          </dd>
        </div>
        <div>
          <dt>Opened</dt>
          <dd>{{ opened() }}</dd>
        </div>
        <div>
          <dt>Token endpoint</dt>
          <dd>
            <code>{{ session().endpoints.tokenEndpoint }}</code>
          </dd>
        </div>
      </dl>
      <h3>Launch context</h3>
      @if (context(); as context) {
        <dl class="launch-facts" data-testid="launch-context">
          @for (fact of facts(); track fact.term) {
            <div>
              <dt>{{ fact.term }}</dt>
              <dd>{{ fact.value }}</dd>
            </div>
          }
        </dl>
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

  protected readonly opened = computed(() =>
    this.session().launch === undefined
      ? `From the sign-in page (standalone launch), asking for ${this.session().scopes.join(' ')}`
      : `By the EHR (EHR launch), asking for ${this.session().scopes.join(' ')}`,
  );

  protected readonly facts = computed(() => {
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

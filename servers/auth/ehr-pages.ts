/** The EHR simulator's pages: the patient list, and the launch form for one patient. */
import type { EncounterRow, PatientRow, Read } from './fhir-reader.ts';
import { escapeHtml, page } from './html.ts';
import {
  patientSearch,
  patientWords,
  problemBlock,
  type PatientSearchView,
} from './launch-pages.ts';

const NOTICE = `<p class="notice">Development only: a stand-in for an EHR, so that fhirokta can be
launched the way an EHR launches it (SMART App Launch).</p>`;

export interface EhrHeader {
  userName: string;
  /** Where a launch opens the app, shown so the developer knows what will happen. */
  appLaunchUrl: string;
}

const header = (view: EhrHeader) =>
  `<h1>EHR simulator</h1>
${NOTICE}
<p class="lead">Signed in as ${escapeHtml(view.userName)}.</p>`;

export function ehrPatientsPage(
  view: EhrHeader & PatientSearchView & { problem?: string },
): string {
  return page(
    'EHR simulator · fhirokta',
    `${header(view)}
${problemBlock(view.problem)}
<p>Choose the patient whose record the EHR has open.</p>
${patientSearch(view)}`,
  );
}

export interface EhrLaunchView extends EhrHeader {
  action: string;
  patient: PatientRow;
  encounters: Read<EncounterRow[]>;
  hidden: Record<string, string>;
  problem?: string;
}

function check(id: string, name: string, words: string, checked: boolean): string {
  return `<div class="check"><input type="checkbox" id="${id}" name="${name}" value="on"${checked ? ' checked' : ''}><label for="${id}">${words}</label></div>`;
}

function encounterChoices(encounters: Read<EncounterRow[]>): string {
  if (!encounters.ok) return `<p>No encounter can be chosen: ${escapeHtml(encounters.problem)}</p>`;
  const none = `<div class="check"><input type="radio" id="encounter-none" name="encounter" value="" checked><label for="encounter-none">No encounter</label></div>`;
  const rows = encounters.value.map(
    (e, i) =>
      `<div class="check"><input type="radio" id="encounter-${i}" name="encounter" value="${escapeHtml(e.id)}"><label for="encounter-${i}">${escapeHtml(e.summary)}</label></div>`,
  );
  const count = encounters.value.length
    ? `<p>The ${encounters.value.length} most recent encounters, newest first.</p>`
    : '<p>This patient has no encounters.</p>';
  return `${count}\n${[none, ...rows].join('\n')}`;
}

export function ehrLaunchPage(view: EhrLaunchView): string {
  const words = patientWords(view.patient);
  const hidden = Object.entries({ ...view.hidden, patient: view.patient.id })
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  return page(
    'Launch fhirokta · EHR simulator',
    `${header(view)}
<h2>Patient</h2>
<p><strong>${escapeHtml(words.name)}</strong>, ${escapeHtml(words.details)}</p>
<p><a href="?">Choose another patient</a></p>
${problemBlock(view.problem)}
<form method="post" action="${escapeHtml(view.action)}">${hidden}
<fieldset>
<legend>Encounter in context (optional)</legend>
${encounterChoices(view.encounters)}
</fieldset>
<fieldset>
<legend>Launch options</legend>
${check('banner', 'need_patient_banner', 'fhirokta shows its own patient banner (<code>need_patient_banner</code>); untick when the EHR shows it', true)}
${check('style', 'smart_style', 'Offer the EHR’s colours and fonts (<code>smart_style_url</code>)', false)}
${check('no-proxy', 'access_token_only', 'Okta without token proxy: the launch context only in the access token (<code>launch_response_*</code> claims), none in the token response', false)}
</fieldset>
<button type="submit">Launch fhirokta</button>
</form>
<p class="hint">Opens ${escapeHtml(view.appLaunchUrl)}</p>`,
  );
}

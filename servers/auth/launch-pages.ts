/**
 * The pages of a SMART launch, in the hosted sign-in page's manner (no JavaScript, labelled fields,
 * one h1, problems announced with role=alert): the patient picker and the consent page. The EHR
 * simulator lists patients with the same picker list.
 */
import { SMART_LAUNCH } from './defaults.ts';
import type { PatientPage, PatientRow } from './fhir-reader.ts';
import { escapeHtml, page } from './html.ts';
import type { ScopeLine } from './scope-words.ts';

export const problemBlock = (problem: string | undefined): string =>
  problem ? `<div class="error" role="alert">${escapeHtml(problem)}</div>` : '';

/** A patient as one line of words: name, then birth date, gender and MRN. */
export function patientWords(row: PatientRow): { name: string; details: string } {
  return {
    name: row.name,
    details: `born ${row.birthDate} · gender ${row.gender} · MRN ${row.mrn}`,
  };
}

/** What the list shows, said plainly: a first page says it is one, and how to narrow it. */
function countSentence(result: PatientPage, name: string): string {
  const shown = result.rows.length;
  const matching = name ? ` whose name starts with “${name}”` : '';
  if (shown === 0) return `No patient${matching} was found.`;
  if (result.total === undefined || result.total <= shown)
    return `${shown} patient${shown === 1 ? '' : 's'}${matching}.`;
  return `The first ${shown} of ${result.total} patients${matching}, by name. Type more of a name to find others.`;
}

export interface PatientSearchView {
  /** Where the search form goes (GET, `name`). */
  searchAction: string;
  /** Where a choice goes (`patient` = the id): posted, or for the simulator a GET (it changes nothing). */
  chooseAction: string;
  chooseMethod?: 'get' | 'post';
  name: string;
  result: PatientPage | { problem: string };
  /** Hidden fields the choice form carries (the simulator's form token). */
  hidden?: Record<string, string>;
}

/** The search form and the list of patients to choose from, each a button. */
export function patientSearch(view: PatientSearchView): string {
  const hidden = Object.entries(view.hidden ?? {})
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  const search = `<form method="get" action="${escapeHtml(view.searchAction)}" role="search">
  <label for="name">Patient name</label>
  <input id="name" name="name" type="search" autocomplete="off" maxlength="100" value="${escapeHtml(view.name)}" autofocus>
  <button type="submit">Search</button>
</form>`;
  if ('problem' in view.result)
    return `${search}\n<h2>Patients</h2>\n${problemBlock(view.result.problem)}`;
  const items = view.result.rows
    .map((row) => {
      const words = patientWords(row);
      return `<li><button type="submit" class="choice" name="patient" value="${escapeHtml(row.id)}"><strong>${escapeHtml(words.name)}</strong> ${escapeHtml(words.details)}</button></li>`;
    })
    .join('\n');
  return `${search}
<h2 id="patients-heading">Patients</h2>
<p role="status">${escapeHtml(countSentence(view.result, view.name.trim()))}</p>
${
  items
    ? `<form method="${view.chooseMethod ?? 'post'}" action="${escapeHtml(view.chooseAction)}">${hidden}
<ul class="plain" aria-labelledby="patients-heading">
${items}
</ul>
</form>`
    : ''
}`;
}

/** The standalone launch's picker: after sign-in, before consent; "Cancel" declines like consent's "Don't allow". */
export function pickerPage(
  view: PatientSearchView & { problem?: string; cancelAction: string },
): string {
  return page(
    'Choose a patient · fhirokta',
    `<h1>Choose a patient</h1>
<p class="lead">fhirokta will open the record of the patient you choose (up to ${SMART_LAUNCH.pickerPageSize} are listed at a time).</p>
${problemBlock(view.problem)}
${patientSearch(view)}
<form method="post" action="${escapeHtml(view.cancelAction)}">
<button type="submit" name="decision" value="deny" class="secondary">Cancel</button>
</form>`,
  );
}

export interface ConsentView {
  action: string;
  clientName: string;
  userName: string;
  /** The patient the launch opens, in words; undefined when it could not be read. */
  patient: PatientRow | undefined;
  patientId: string;
  scopes: ScopeLine[];
}

function scopeItem(line: ScopeLine, index: number): string {
  const words = `${escapeHtml(line.words)} <code>${escapeHtml(line.scope)}</code>`;
  if (line.required) return `<li>${words}</li>`;
  const id = `scope-${index}`;
  return `<li class="check"><input type="checkbox" id="${id}" name="scope" value="${escapeHtml(line.scope)}" checked><label for="${id}">${words}</label></li>`;
}

/** Okta's hosted consent, for a launch: what the app asks for, in words; optional ones can be unticked. */
export function consentPage(view: ConsentView): string {
  const patient = view.patient
    ? (() => {
        const words = patientWords(view.patient);
        return `<strong>${escapeHtml(words.name)}</strong>, ${escapeHtml(words.details)}`;
      })()
    : `Patient ${escapeHtml(view.patientId)} (their details could not be read just now)`;
  const required = view.scopes.filter((s) => s.required);
  const optional = view.scopes.filter((s) => !s.required);
  const optionalBlock = optional.length
    ? `<fieldset>
<legend>Also asked for: untick what ${escapeHtml(view.clientName)} should not have</legend>
<ul class="plain">
${optional.map((line, i) => scopeItem(line, i)).join('\n')}
</ul>
</fieldset>`
    : '';
  return page(
    `Allow ${view.clientName}? · fhirokta`,
    `<h1>Allow ${escapeHtml(view.clientName)} to open this record?</h1>
<p class="lead">Signed in as ${escapeHtml(view.userName)}.</p>
<p>Patient: ${patient}</p>
<form method="post" action="${escapeHtml(view.action)}">
<input type="hidden" name="patient" value="${escapeHtml(view.patientId)}">
<h2 id="required-heading">Always included</h2>
<ul class="plain" aria-labelledby="required-heading">
${required.map((line, i) => scopeItem(line, i)).join('\n')}
</ul>
${optionalBlock}
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny" class="secondary">Don’t allow</button>
</form>`,
  );
}

// Prints, in Chromium against the real local stack and the production build (run `npx ng build` first),
// how long each screen of a patient's record takes and what it reads, for the long-history patient (an
// ICU stay of --long-history observations, added to the stack's seeded store) beside an ordinary
// seeded one: click to chart rendered, the flowsheet's first window, the heart-rate trend as it opens
// and at each span, the observation list's first page. Each patient gets its own sign-in, then a cold
// journey and --runs warm ones. Timed in the page, from the click event to the first complete frame;
// FHIR requests and response bytes counted per screen: on the wire (compressed as Chromium asked and
// the server answered) and decoded. A printout, never an assertion.
// `node --import tsx bench/long-history.ts [--runs 5] [--long-history 100000]`
import type { Page } from '@playwright/test';
import { seedLongHistory, startStack } from '../e2e/stack.ts';
import { LONG_HISTORY_PATIENT } from '../servers/seed/long-history.ts';
import { positiveOption } from './args.ts';
import { fillHostedSignIn, launchChromium, submitHostedSignIn } from './browser-journey.ts';
import {
  type FhirTraffic,
  type ScreenFigures,
  chartRendered,
  fhirTraffic,
  observationsRendered,
  timedClick,
} from './screens.ts';

const runs = positiveOption('runs', 5);
const longHistory = positiveOption('long-history', 100_000);

/** The two patients and the name search that lists each. */
const PATIENTS = [
  { label: 'ordinary (pat-0001)', id: 'pat-0001', name: 'Taylor' },
  { label: `long history (${longHistory} obs.)`, id: LONG_HISTORY_PATIENT, name: 'Lindgren' },
];
/** Each span's choice, and the words the trend then says it shows. */
const SPANS = [
  ['24 hours', 'last 24 hours'],
  ['7 days', 'last 7 days'],
  ['30 days', 'last 30 days'],
  ['1 year', 'last year'],
  ['All', 'all dates'],
] as const;

type Journey = Map<string, ScreenFigures>;

/** From the patient list: chart, flowsheet, the heart-rate trend and its spans, the list; then back. */
async function journey(page: Page, id: string, traffic: FhirTraffic): Promise<Journey> {
  const figures: Journey = new Map();
  const chartPath = `/patients/${id}`;
  const path = `/observations/${id}`;
  const trend = { path, view: 'flowsheet', selector: '.trend-coverage' };
  const list = page.getByRole('table', { name: 'Patients' }).locator(`a[href="${chartPath}"]`);
  figures.set(
    'click to chart rendered',
    await timedClick(page, list, chartRendered, { path: chartPath }, traffic),
  );
  const flowsheetLink = page.getByRole('link', { name: 'Vitals and labs flowsheet' });
  const grid = { path, view: 'flowsheet', selector: '#flowsheet-caption' };
  figures.set(
    'flowsheet first window',
    await timedClick(page, flowsheetLink, observationsRendered, grid, traffic),
  );
  const heartRate = page
    .getByRole('table', { name: /^Flowsheet/ })
    .getByRole('button', { name: 'Heart rate' });
  figures.set(
    'trend as opened',
    await timedClick(page, heartRate, observationsRendered, trend, traffic),
  );
  // The span shown first is chosen last, so that every click reads its span.
  const opened = await page
    .getByRole('radio', { checked: true, name: /hours|days|year|All/ })
    .textContent();
  const order = [
    ...SPANS.filter(([label]) => label !== opened?.trim()),
    ...SPANS.filter(([label]) => label === opened?.trim()),
  ];
  for (const [label, words] of order) {
    const choice = page.getByRole('radio', { name: label, exact: true });
    figures.set(
      `trend: ${label}`,
      await timedClick(page, choice, observationsRendered, { ...trend, text: words }, traffic),
    );
  }
  const listView = page.getByRole('radio', { name: 'List' });
  const listed = { path, view: null, selector: '[data-testid="observation-total"]' };
  figures.set(
    'list first page',
    await timedClick(page, listView, observationsRendered, listed, traffic),
  );
  await page.getByRole('link', { name: 'Back to patients' }).click();
  return figures;
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const stack = await startStack({ variants: { redirect: {} } });
const results = new Map<string, { cold: Journey; warm: Journey[] }>();
const codings: ReturnType<FhirTraffic['codings']>[] = [];
try {
  process.stdout.write(`adding ${LONG_HISTORY_PATIENT} with ${longHistory} observations ...\n`);
  await seedLongHistory(stack, longHistory);
  for (const patient of PATIENTS) {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const listUrl = `${stack.apps['redirect'] ?? ''}/patients?name=${patient.name}`;
      await fillHostedSignIn(page, listUrl, 'clinician@example.com');
      await submitHostedSignIn(page);
      const traffic = fhirTraffic(page, stack.fhirBase);
      const cold = await journey(page, patient.id, traffic);
      const warm: Journey[] = [];
      for (let run = 0; run < runs; run++) warm.push(await journey(page, patient.id, traffic));
      results.set(patient.label, { cold, warm });
      codings.push(traffic.codings());
    } finally {
      await browser.close();
    }
  }
} finally {
  await stack.close();
}

const [ordinary, long] = PATIENTS.map((p) => results.get(p.label));
const cell = (r: { cold: Journey; warm: Journey[] } | undefined, screen: string) => {
  const warm = r?.warm.map((j) => j.get(screen)).filter((f) => f !== undefined) ?? [];
  const ms = median(warm.map((f) => f.ms));
  const requests = median(warm.map((f) => f.requests));
  const kb = (bytes: number) => (bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0);
  const wire = kb(median(warm.map((f) => f.bytes)));
  const raw = kb(median(warm.map((f) => f.rawBytes)));
  return {
    ms,
    text: `${ms.toFixed(0)} ms (cold ${r?.cold.get(screen)?.ms.toFixed(0)}), ${requests} req, ${wire} KB (${raw} raw)`,
  };
};
/** "gzip, deflate, br: 210; (none): 2" from the counts of every journey. */
const tally = (pick: (c: (typeof codings)[number]) => Map<string, number>) => {
  const all = new Map<string, number>();
  for (const c of codings) for (const [k, n] of pick(c)) all.set(k, (all.get(k) ?? 0) + n);
  return [...all].map(([k, n]) => `${k}: ${n}`).join('; ');
};
process.stdout.write(
  `\nmedian of ${runs} warm runs per screen; FHIR requests, and response KB on the wire (raw: decoded)\n` +
    `Chromium sent Accept-Encoding ${tally((c) => c.asked)}; the server answered ${tally((c) => c.answered)}\n`,
);
process.stdout.write(
  `${'screen'.padEnd(26)}${PATIENTS[0]?.label.padEnd(52)}${PATIENTS[1]?.label.padEnd(52)}ratio\n`,
);
for (const screen of ordinary?.cold.keys() ?? []) {
  const [a, b] = [cell(ordinary, screen), cell(long, screen)];
  process.stdout.write(
    `${screen.padEnd(26)}${a.text.padEnd(52)}${b.text.padEnd(52)}${(b.ms / a.ms).toFixed(2)}×\n`,
  );
}

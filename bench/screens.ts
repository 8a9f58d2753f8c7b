// Timing one screen in Chromium: from a click to the first frame in which the screen is complete, with
// the FHIR requests it made and the bytes they brought. The in-page conditions are self-contained
// functions (Playwright sends their source to the page).
import type { Locator, Page, Request } from '@playwright/test';

const CLICKED = 'screen:click';
const RENDERED = 'screen:rendered';

export interface Marks {
  readonly clicked: string;
  readonly rendered: string;
}

/** What the page holds at the end of a screen: a measure in ms, or false while it is not done. */
export type Settled<A> = (arg: A & Marks) => number | false;

export interface ScreenFigures {
  readonly ms: number;
  /** FHIR requests made between the click and the complete frame. */
  readonly requests: number;
  /** Their response bodies on the wire: as the server sent them, compressed if it compressed them. */
  readonly bytes: number;
  /** The same bodies decoded, as the app reads them. */
  readonly rawBytes: number;
}

export type Traffic = Omit<ScreenFigures, 'ms'>;

export interface FhirTraffic {
  /** The requests since the last call, and their bytes. */
  take(): Promise<Traffic>;
  /** The Accept-Encoding values Chromium sent and the Content-Encodings that came back, with counts. */
  codings(): { asked: Map<string, number>; answered: Map<string, number> };
}

/**
 * Counts the FHIR requests a page makes, screen by screen. Their sizes are asked of the browser in
 * `take`, after the screen is timed, so reading two megabytes of bodies back costs the timing nothing.
 */
export function fhirTraffic(page: Page, fhirBase: string): FhirTraffic {
  let finished: Request[] = [];
  const asked = new Map<string, number>();
  const answered = new Map<string, number>();
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  page.on('requestfinished', (request: Request) => {
    if (request.url().startsWith(fhirBase) && request.method() === 'GET') finished.push(request);
  });
  const measure = async (request: Request) => {
    const response = await request.response();
    const [sizes, body, sent, coding] = await Promise.all([
      request.sizes(),
      response?.body(),
      request.headerValue('accept-encoding'),
      response?.headerValue('content-encoding'),
    ]);
    count(asked, sent ?? '(none)');
    count(answered, coding ?? 'identity');
    return { bytes: sizes.responseBodySize, rawBytes: body?.length ?? 0 };
  };
  return {
    async take() {
      const taken = finished;
      finished = [];
      const sizes = await Promise.all(taken.map(measure));
      return {
        requests: sizes.length,
        bytes: sizes.reduce((sum, s) => sum + s.bytes, 0),
        rawBytes: sizes.reduce((sum, s) => sum + s.rawBytes, 0),
      };
    },
    codings: () => ({ asked, answered }),
  };
}

/** Clicks `target` and waits, frame by frame, for `settled`; the time between, in the page's clock. */
export async function timedClick<A extends object>(
  page: Page,
  target: Locator,
  settled: Settled<A>,
  arg: A,
  traffic: FhirTraffic,
): Promise<ScreenFigures> {
  await target.waitFor({ timeout: 60_000 });
  await traffic.take();
  await page.evaluate((clicked) => {
    performance.clearMarks();
    performance.clearMeasures();
    document.addEventListener('click', () => performance.mark(clicked), {
      capture: true,
      once: true,
    });
  }, CLICKED);
  await target.click();
  // Playwright's own argument type does not follow a generic through; the page gets `arg` as is.
  const measured = await page.waitForFunction(
    settled as unknown as (arg: unknown) => number | false,
    { ...arg, clicked: CLICKED, rendered: RENDERED },
    { polling: 'raf', timeout: 120_000 },
  );
  const ms = (await measured.jsonValue()) as number;
  return { ms, ...(await traffic.take()) };
}

/**
 * The condition of e2e/chart.spec.ts `expectChartLoaded`: the banner names the patient, its allergy
 * line has loaded and no section says "Loading …".
 */
export function chartRendered(marks: Marks & { path: string }): number | false {
  const heading = document.querySelector('h1')?.textContent?.trim();
  const allergyLine = document.querySelector('[data-testid="allergy-line"]')?.textContent;
  const stillLoading = [...document.querySelectorAll('[role="status"]')].some((status) =>
    status.textContent?.trim().startsWith('Loading '),
  );
  const complete =
    location.pathname === marks.path &&
    heading !== undefined &&
    heading !== 'Patient' &&
    allergyLine !== undefined &&
    allergyLine !== null &&
    !allergyLine.includes('loading') &&
    document.querySelector('app-latest-vitals-panel') !== null &&
    document.querySelector('app-chart-section') !== null &&
    !stillLoading;
  if (!complete) return false;
  performance.mark(marks.rendered);
  return performance.measure('screen', marks.clicked, marks.rendered).duration;
}

/**
 * A screen of the observations page is complete: on `path` with `view` (null: the list, the
 * default), nothing says "Loading …",
 * and `selector` shows text containing `text` (when given).
 */
export function observationsRendered(
  marks: Marks & { path: string; view: string | null; selector: string; text?: string },
): number | false {
  const stillLoading = [...document.querySelectorAll('[role="status"]')].some((status) =>
    status.textContent?.trim().startsWith('Loading '),
  );
  const shown = document.querySelector(marks.selector)?.textContent ?? undefined;
  const complete =
    location.pathname === marks.path &&
    new URLSearchParams(location.search).get('view') === marks.view &&
    shown !== undefined &&
    (marks.text === undefined || shown.includes(marks.text)) &&
    !stillLoading;
  if (!complete) return false;
  performance.mark(marks.rendered);
  return performance.measure('screen', marks.clicked, marks.rendered).duration;
}

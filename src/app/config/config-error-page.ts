import { ConfigProblem } from './config-rules';

/**
 * Shows a static page listing what is wrong with config.json, instead of a blank screen.
 * Built with DOM text nodes only, so nothing from the file is ever parsed as HTML.
 */
export function renderConfigErrorPage(host: HTMLElement, problems: readonly ConfigProblem[]): void {
  const doc = host.ownerDocument;
  const main = doc.createElement('main');
  main.className = 'config-error';
  main.setAttribute('role', 'alert');

  const heading = doc.createElement('h1');
  heading.textContent = 'The app is not configured correctly';
  const intro = doc.createElement('p');
  intro.textContent =
    'fhirokta reads config.json before it starts. Fix the following and reload the page:';

  const list = doc.createElement('ul');
  for (const problem of problems) {
    const item = doc.createElement('li');
    const field = doc.createElement('code');
    field.textContent = problem.field;
    const fix = doc.createElement('p');
    fix.textContent = problem.fix;
    item.append(field, doc.createTextNode(` ${problem.message}.`), fix);
    list.append(item);
  }
  main.append(heading, intro, list);
  host.replaceChildren(main);
}

/** Small HTML helpers for the server's own pages: escaping, one stylesheet, a strict CSP. */
import { createHash, randomBytes } from 'node:crypto';
import type { Response } from 'express';

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that is safe inside a <script> element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f6f8;color:#1d1d21;margin:0}
main{max-width:30rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.15)}
h1{font-size:1.4rem;margin:0 0 .25rem}p.lead{margin:0 0 1.5rem;color:#4a4a55}
label{display:block;font-weight:600;margin:1rem 0 .35rem}
input[type=text],input[type=email],input[type=password]{width:100%;box-sizing:border-box;padding:.6rem;border:1px solid #767684;border-radius:4px;font-size:1rem}
input:focus,button:focus{outline:3px solid #1662dd;outline-offset:1px}
button{margin-top:1.5rem;width:100%;padding:.7rem;font-size:1rem;font-weight:600;color:#fff;background:#1662dd;border:0;border-radius:4px;cursor:pointer}
.error{background:#fdecea;color:#8a1c13;border:1px solid #e0a29b;border-radius:4px;padding:.75rem;margin-bottom:1rem}
.hint{font-size:.85rem;color:#4a4a55;margin-top:1.5rem}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
input[type=search]{width:100%;box-sizing:border-box;padding:.6rem;border:1px solid #767684;border-radius:4px;font-size:1rem}
ul.plain{list-style:none;padding:0;margin:.5rem 0}ul.plain li{margin:.4rem 0}
button.choice{margin-top:0;text-align:left;color:#1d1d21;background:#fff;border:1px solid #767684;font-weight:400}
button.choice strong{display:block}
button.secondary{color:#1662dd;background:#fff;border:2px solid #1662dd}
fieldset{border:1px solid #c4c4cc;border-radius:4px;margin:1rem 0;padding:.5rem 1rem}legend{font-weight:600;padding:0 .25rem}
.check{display:flex;gap:.6rem;align-items:flex-start;margin:.6rem 0}.check input{margin-top:.25rem;width:1.1rem;height:1.1rem}
.check label{font-weight:400;margin:0}
code{font-size:.85rem;color:#4a4a55;word-break:break-all}
.notice{background:#fff6db;border:1px solid #b58a00;border-radius:4px;padding:.75rem;margin:1rem 0}
`;

const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

export interface CspOptions {
  /** Allows the one inline script carrying this nonce; otherwise no script at all. */
  nonce?: string;
  /** Origins a form may post or redirect to after posting (besides our own). */
  formTargets?: readonly string[];
  /** Origins that may frame the page; by default nobody may (clickjacking). */
  frameAncestors?: readonly string[];
}

/** A strict CSP: our one inline stylesheet, no script unless nonce'd, no framing unless asked. */
export function contentSecurityPolicy({
  nonce,
  formTargets = [],
  frameAncestors,
}: CspOptions = {}): string {
  const script = nonce ? `'nonce-${nonce}'` : "'none'";
  const frames = frameAncestors?.length ? frameAncestors.join(' ') : "'none'";
  return [
    "default-src 'none'",
    `style-src ${STYLE_HASH}`,
    `script-src ${script}`,
    `form-action ${["'self'", ...formTargets].join(' ')}`,
    "base-uri 'none'",
    `frame-ancestors ${frames}`,
  ].join('; ');
}

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export function page(title: string, body: string, nonce?: string, script?: string): string {
  const scriptTag = script && nonce ? `<script nonce="${nonce}">${script}</script>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
${scriptTag}
</body>
</html>`;
}

/** Sends one of our HTML pages: strict CSP, never cached, never framed. */
export function sendPage(
  res: Response,
  status: number,
  html: string,
  formTargets: readonly string[] = [],
): void {
  res.status(status).set({
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': contentSecurityPolicy({ formTargets }),
    'Cache-Control': 'no-store',
    'X-Frame-Options': 'DENY',
  });
  res.send(html);
}

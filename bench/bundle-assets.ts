// The production build's JavaScript and CSS, raw and gzip, and whether the first page load needs each.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const distDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '../dist/fhirokta/browser');

export interface BundleAsset {
  file: string;
  raw: number;
  gzip: number;
  initial: boolean;
}

/** A chunk's static imports (`import{…}from"./chunk-X.js"`, `import"./chunk-X.js"`), not `import(…)`. */
const STATIC_IMPORT = /\bimport\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([\w.-]+\.js)["']/g;

/**
 * What the first page load needs: the files index.html names, and every chunk they import statically.
 * index.html lists only some of them (Angular preloads at most ten), so the import graph is followed.
 */
function initialFiles(indexHtml: string, names: readonly string[]): Set<string> {
  const initial = new Set(names.filter((name) => indexHtml.includes(name)));
  const pending = [...initial].filter((name) => name.endsWith('.js'));
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    for (const [, imported] of readFileSync(join(distDir, name), 'utf8').matchAll(STATIC_IMPORT)) {
      if (imported && names.includes(imported) && !initial.has(imported)) {
        initial.add(imported);
        pending.push(imported);
      }
    }
  }
  return initial;
}

/** Initial assets first, then the largest: read from dist/, so run after `npm run build`. */
export function bundleAssets(): BundleAsset[] {
  const indexHtml = readFileSync(join(distDir, 'index.html'), 'utf8');
  const names = readdirSync(distDir).filter(
    (name) => /\.(js|css)$/.test(name) && statSync(join(distDir, name)).isFile(),
  );
  const initial = initialFiles(indexHtml, names);
  const assets = names.map((file) => {
    const content = readFileSync(join(distDir, file));
    return {
      file,
      raw: content.length,
      gzip: gzipSync(content, { level: 9 }).length,
      initial: initial.has(file),
    };
  });
  return assets.sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export const total = (assets: readonly BundleAsset[], key: 'raw' | 'gzip'): number =>
  assets.reduce((sum, asset) => sum + asset[key], 0);

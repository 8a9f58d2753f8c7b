// Prints the production bundle's sizes, raw and gzip: what index.html loads up front, and each lazy chunk.
// Run after `npm run build`: `node --import tsx bench/bundle-size.ts`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const distDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '../dist/fhirokta/browser');
const indexHtml = readFileSync(join(distDir, 'index.html'), 'utf8');
const assets = readdirSync(distDir).filter(
  (name) => /\.(js|css)$/.test(name) && statSync(join(distDir, name)).isFile(),
);

interface Row {
  file: string;
  raw: number;
  gzip: number;
  initial: boolean;
}

const rows: Row[] = assets.map((file) => {
  const content = readFileSync(join(distDir, file));
  return {
    file,
    raw: content.length,
    gzip: gzipSync(content, { level: 9 }).length,
    initial: indexHtml.includes(file),
  };
});
rows.sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const total = (selected: Row[], key: 'raw' | 'gzip'): number =>
  selected.reduce((sum, row) => sum + row[key], 0);
const initial = rows.filter((row) => row.initial);

process.stdout.write(`${'file'.padEnd(48)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}  loaded\n`);
for (const row of rows) {
  process.stdout.write(
    `${row.file.padEnd(48)} ${kb(row.raw).padStart(10)} ${kb(row.gzip).padStart(10)}  ${row.initial ? 'initial' : 'lazy'}\n`,
  );
}
process.stdout.write(
  `\ninitial total: ${kb(total(initial, 'raw'))} raw, ${kb(total(initial, 'gzip'))} gzip\n`,
);
process.stdout.write(
  `all assets:    ${kb(total(rows, 'raw'))} raw, ${kb(total(rows, 'gzip'))} gzip\n`,
);

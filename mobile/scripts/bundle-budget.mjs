// The start-up JavaScript budget: the gzip size of what dist/index.html loads before the first
// screen (its module scripts and modulepreloads) must stay within 150 kB. Lazy route chunks
// are not counted: they load when their page is first shown.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 150 * 1000;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const indexHtml = join(dist, 'index.html');

if (!existsSync(indexHtml)) {
  console.error('bundle budget: dist/index.html is missing; run `npm run build` first');
  process.exit(1);
}

const html = readFileSync(indexHtml, 'utf8');
const tagPattern = /<(script|link)\b[^>]*>/g;
const attribute = (tag, name) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const files = new Set();
for (const [tag, kind] of html.matchAll(tagPattern)) {
  if (kind === 'script' && attribute(tag, 'type') === 'module' && attribute(tag, 'src')) files.add(attribute(tag, 'src'));
  if (kind === 'link' && attribute(tag, 'rel') === 'modulepreload' && attribute(tag, 'href')) files.add(attribute(tag, 'href'));
}
if (files.size === 0) {
  console.error('bundle budget: dist/index.html loads no module script');
  process.exit(1);
}

let total = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(join(dist, file.replace(/^\//, ''))), { level: 9 }).length;
  total += size;
  console.log(`  ${(size / 1000).toFixed(1).padStart(7)} kB  ${file}`);
}
const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(`bundle budget: ${(total / 1000).toFixed(1)} kB gzip of start-up JavaScript, ${verdict} ${BUDGET_BYTES / 1000} kB`);
process.exit(total <= BUDGET_BYTES ? 0 : 1);

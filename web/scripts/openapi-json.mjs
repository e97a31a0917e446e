// Converts ../docs/openapi.yaml (the API contract) to dist/openapi.json at build time.
// Skips quietly while the contract file does not exist yet.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(web, '../docs/openapi.yaml');
const target = resolve(web, 'dist/openapi.json');

if (!existsSync(source)) process.exit(0);

let document;
try {
  document = parse(readFileSync(source, 'utf8'), { prettyErrors: true });
} catch (error) {
  console.error(`openapi-json: ${source} is not valid YAML:\n${error.message}`);
  process.exit(1);
}
if (!document || typeof document !== 'object' || !document.openapi) {
  console.error(`openapi-json: ${source} has no "openapi" version field`);
  process.exit(1);
}
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(document)}\n`);
console.log(`openapi-json: wrote ${target}`);

// `npm start`: installs what is missing, generates the sample province (about a million
// dossiers up to yesterday, reused when already there), builds the site and serves it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ensureDeps } from './ensure-deps.mjs';

ensureDeps();
const size = process.env.SAMPLE_SIZE ?? String(JSON.parse(readFileSync('data/sample/settings.json', 'utf8')).defaultSize);
execFileSync('node_modules/.bin/tsx', ['scripts/generate.ts', '--size', size, '--out', 'data/generated'], { stdio: 'inherit' });
const { buildSite, computePublicFigures, copyData } = await import('./build.mjs');
buildSite({ publicFigures: computePublicFigures('data/generated', '.svelte-kit/public-figures.json') });
copyData('data/generated');
const { serve } = await import('./serve.mjs');
const port = Number(process.env.PORT ?? 4173);
await serve({ root: 'build', port });
console.log(`\nThe dashboard is running at http://127.0.0.1:${port}/  (Ctrl+C to stop)`);
console.log(`Wall screen: http://127.0.0.1:${port}/wall · public page: http://127.0.0.1:${port}/public`);

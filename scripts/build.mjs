// Builds the static site into build/ with its data: `npm run build [-- --data DIR | --no-data]`.
// DIR holds manifest.json and the database it names (default data/generated, generated with
// the default sample when missing). build/ is the folder a province copies to its web server.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * Builds the site; `publicFigures` is the JSON the public pages are prerendered from (none: they say so).
 * @param {{ publicFigures?: string | null, out?: string }} [options]
 */
export function buildSite({ publicFigures = null, out = 'build' } = {}) {
	/** @type {Record<string, string | undefined>} */
	const env = { ...process.env, SITE_OUT: out };
	if (publicFigures) env.PUBLIC_FIGURES = publicFigures;
	else delete env.PUBLIC_FIGURES;
	execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit', env });
}

/**
 * The public page's figures from the database in `dir`, written to `out` (scripts/public-figures.ts).
 * @param {string} dir
 * @param {string} out
 * @param {string} [threshold] the smallest group published on its own (default 5)
 */
export function computePublicFigures(dir, out, threshold) {
	const args = ['scripts/public-figures.ts', '--data', dir, '--out', out, ...(threshold ? ['--threshold', threshold] : [])];
	execFileSync('node_modules/.bin/tsx', args, { stdio: 'inherit' });
	return out;
}

/**
 * Copies the data into the site, with the dashboard's first view computed from it (scripts/first-view.ts).
 * @param {string} dir
 */
export function copyData(dir, out = 'build') {
	const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
	execFileSync('node_modules/.bin/tsx', ['scripts/first-view.ts', '--data', dir], { stdio: 'inherit' });
	mkdirSync(join(out, 'data'), { recursive: true });
	for (const f of ['manifest.json', manifest.database, 'first-view.json']) copyFileSync(join(dir, f), join(out, 'data', f));
	return manifest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { values } = parseArgs({ options: { data: { type: 'string', default: 'data/generated' }, 'no-data': { type: 'boolean', default: false } } });
	if (!values['no-data'] && !existsSync(join(values.data, 'manifest.json'))) {
		execFileSync('node_modules/.bin/tsx', ['scripts/generate.ts', '--out', values.data], { stdio: 'inherit' });
	}
	buildSite({ publicFigures: values['no-data'] ? null : computePublicFigures(values.data, '.svelte-kit/public-figures.json') });
	if (!values['no-data']) {
		const m = copyData(values.data);
		console.log(`build/: the site with ${m.size} dossiers of ${m.province} up to ${m.dataAsOf}`);
	}
}

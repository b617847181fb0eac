// Builds the static site with its data: `npm run build [-- --data DIR | --no-data] [--out PATH]`.
// DIR holds manifest.json and the database it names (default data/generated, generated with
// the default sample when missing; or a folder `npm run ingest` keeps). PATH (default build/)
// is the folder a province copies to its web server; the public page is built from the same data.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
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
 * Copies the data into the site, with the dashboard's first view computed from it
 * (scripts/first-view.ts). The database is named by its content (`province-<hash>.duckdb`):
 * the page reads it in place, range by range, so new data deployed under the old name would
 * be read half old, half new by a page already open. Under a new name, a page open on the old
 * data goes on reading the old file, or is told it is gone.
 * @param {string} dir
 */
export function copyData(dir, out = 'build') {
	const source = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
	execFileSync('node_modules/.bin/tsx', ['scripts/first-view.ts', '--data', dir], { stdio: 'inherit' });
	const database = `${basename(source.database, '.duckdb')}-${contentHash(join(dir, source.database))}.duckdb`;
	// The data folder's own file is named too: deploy/rollback.sh points the folder back at it.
	const manifest = { ...source, database, sourceDatabase: source.database };
	const firstView = JSON.parse(readFileSync(join(dir, 'first-view.json'), 'utf8'));
	mkdirSync(join(out, 'data'), { recursive: true });
	copyFileSync(join(dir, source.database), join(out, 'data', database));
	writeFileSync(join(out, 'data', 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
	writeFileSync(join(out, 'data', 'first-view.json'), JSON.stringify({ ...firstView, source: { ...firstView.source, database } }));
	return manifest;
}

/**
 * The first 16 hex digits of a file's SHA-256, read in pieces (the file may be hundreds of MB).
 * @param {string} file
 */
function contentHash(file) {
	const hash = createHash('sha256');
	const fd = openSync(file, 'r');
	const buffer = Buffer.alloc(1 << 24);
	try {
		for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0;) hash.update(buffer.subarray(0, n));
	} finally {
		closeSync(fd);
	}
	return hash.digest('hex').slice(0, 16);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { values } = parseArgs({
		options: { data: { type: 'string', default: 'data/generated' }, 'no-data': { type: 'boolean', default: false }, out: { type: 'string', default: 'build' } }
	});
	const out = values.out;
	if (!values['no-data'] && !existsSync(join(values.data, 'manifest.json'))) {
		execFileSync('node_modules/.bin/tsx', ['scripts/generate.ts', '--out', values.data], { stdio: 'inherit' });
	}
	buildSite({ publicFigures: values['no-data'] ? null : computePublicFigures(values.data, '.svelte-kit/public-figures.json'), out });
	if (!values['no-data']) {
		const m = copyData(values.data, out);
		console.log(`${out}/: the site with ${m.size} dossiers of ${m.province} up to ${m.dataAsOf}`);
	}
}

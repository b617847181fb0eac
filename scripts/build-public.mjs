// Builds the public transparency page and its widget on their own, for a province's public
// web server: `npm run build:public [-- --data DIR|FILE.duckdb --out build-public --threshold 5]`. DIR
// holds manifest.json and the dossier database it names (default data/generated); or give
// the database file itself. The output
// holds the prerendered public pages and the styles and fonts they use, nothing else: no
// script, no analyst dashboard, no database.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite, computePublicFigures } from './build.mjs';

const PUBLIC_PAGES = ['public.html', 'public/en.html', 'public/widget.html', 'public/widget/en.html'];

/**
 * The files a page needs: its stylesheets, images and icons, and the fonts those stylesheets name.
 * @param {string} site
 * @param {string} page
 */
function closure(site, page) {
	const files = new Set([page]);
	const queue = [page];
	for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
		const text = readFileSync(join(site, file), 'utf8');
		const refs = file.endsWith('.css') ? [...text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((m) => m[1]) : [...text.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]);
		for (const ref of refs) {
			if (/^(https?:|data:|#|mailto:)/.test(ref)) continue;
			const target = normalize(join(dirname(file), ref.split(/[?#]/)[0]));
			if (target.startsWith('..') || files.has(target) || !existsSync(join(site, target)) || target.endsWith('/') || !/\.\w+$/.test(target)) continue;
			files.add(target);
			if (target.endsWith('.css')) queue.push(target);
		}
	}
	return files;
}

/** @param {{ data?: string, out?: string, threshold?: string }} [options] */
export function buildPublic({ data = 'data/generated', out = 'build-public', threshold } = {}) {
	const site = '.svelte-kit/public-site';
	const figures = computePublicFigures(data, '.svelte-kit/public-only-figures.json', threshold);
	rmSync(site, { recursive: true, force: true });
	buildSite({ publicFigures: figures, out: site });
	rmSync(out, { recursive: true, force: true });
	const keep = new Set(PUBLIC_PAGES.flatMap((p) => [...closure(site, p)]));
	for (const file of keep) {
		mkdirSync(dirname(join(out, file)), { recursive: true });
		copyFileSync(join(site, file), join(out, file));
	}
	rmSync(site, { recursive: true, force: true });
	return [...keep].map((f) => relative('.', join(out, f)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { values } = parseArgs({
		options: { data: { type: 'string', default: 'data/generated' }, out: { type: 'string', default: 'build-public' }, threshold: { type: 'string' } }
	});
	if (!values.data.endsWith('.duckdb') && !existsSync(join(values.data, 'manifest.json'))) {
		execFileSync('node_modules/.bin/tsx', ['scripts/generate.ts', '--out', values.data], { stdio: 'inherit' });
	}
	const files = buildPublic(values);
	console.log(`${values.out}/: the public page and its widget, ${files.length} files`);
}

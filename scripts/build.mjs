// Builds the static site into build/ with its data: `npm run build [-- --data DIR | --no-data]`.
// DIR holds manifest.json and the database it names (default data/generated, generated with
// the default sample when missing). build/ is the folder a province copies to its web server.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export function buildSite() {
	execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
}

export function copyData(dir, out = 'build') {
	const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
	mkdirSync(join(out, 'data'), { recursive: true });
	for (const f of ['manifest.json', manifest.database]) copyFileSync(join(dir, f), join(out, 'data', f));
	return manifest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { values } = parseArgs({ options: { data: { type: 'string', default: 'data/generated' }, 'no-data': { type: 'boolean', default: false } } });
	if (!values['no-data'] && !existsSync(join(values.data, 'manifest.json'))) {
		execFileSync('node_modules/.bin/tsx', ['scripts/generate.ts', '--out', values.data], { stdio: 'inherit' });
	}
	buildSite();
	if (!values['no-data']) {
		const m = copyData(values.data);
		console.log(`build/: the site with ${m.size} dossiers of ${m.province} up to ${m.dataAsOf}`);
	}
}

// `npm test`: installs what is missing (npm packages; Debian's Chromium when run as root),
// runs ESLint and the Prettier check (one test each), the unit tests under two time zones
// (the two vitest projects of vite.config.ts, in one run) and the browser tests against the
// built site, and ends with one line `tests: N passed, M failed` over all runners. Exits
// non-zero on any failure.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureDeps } from './ensure-deps.mjs';

const OUT = 'tests/.out';
const CHROMIUM = '/usr/bin/chromium';

function ensureChromium() {
	if (process.env.CHROMIUM_PATH || existsSync(CHROMIUM)) return true;
	if (process.getuid?.() === 0) {
		console.log("Installing Debian's Chromium for the browser tests (apt-get install chromium)…");
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
		const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'], { stdio: 'inherit', env });
		if (install && install.status === 0 && existsSync(CHROMIUM)) return true;
	}
	console.error(`\nThe browser tests need Chromium at ${CHROMIUM} and none was found.\n` + 'Install it with `sudo apt-get install chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium executable.\n');
	return false;
}

const polyfills = '--import ./scripts/node20-polyfills.mjs';
const nodeOptions = [process.env.NODE_OPTIONS, polyfills].filter(Boolean).join(' ');

/** Lint: ESLint and the Prettier check, each counted as one test. */
function lint(name, command, args) {
	console.log(`\n── ${name}`);
	const run = spawnSync(command, args, { stdio: 'inherit' });
	if (run.status === 0) return { name, passed: 1, failed: 0 };
	console.error(`${name} failed (exit status ${run.status ?? run.signal}): counted as 1 failed test.`);
	return { name, passed: 0, failed: 1 };
}

/** Unit tests (vitest, real DuckDB): one run, each file once per time zone (the projects of vite.config.ts). */
function unit() {
	const file = `${OUT}/unit.json`;
	console.log('\n── unit tests, under each time zone');
	const run = spawnSync('node_modules/.bin/vitest', ['run', '--reporter=default', '--reporter=./scripts/unit-reporter.mjs'], {
		stdio: 'inherit',
		env: { ...process.env, UNIT_SUMMARY: file }
	});
	if (!existsSync(file)) return [{ name: 'unit tests', passed: 0, failed: 1 }];
	const { projects, unhandledErrors } = JSON.parse(readFileSync(file, 'utf8'));
	const results = Object.entries(projects).map(([project, c]) => {
		for (const broken of c.brokenFiles) console.error(`${project}: ${broken} failed without a failed test (it did not load, or a hook failed): counted as 1 failed test.`);
		return { name: `unit tests, ${project}`, passed: c.passed, failed: c.failed };
	});
	// Errors outside any test, or vitest failing for a reason the counts do not show, are one failure.
	if (unhandledErrors > 0 || (run.status !== 0 && results.every((r) => r.failed === 0))) {
		console.error(`vitest exited with status ${run.status ?? run.signal} and ${unhandledErrors} unhandled error(s): counted as 1 failed test.`);
		results.push({ name: 'unit tests, vitest run', passed: 0, failed: 1 });
	}
	return results;
}

/** Browser tests (Playwright on Debian's Chromium) against the built site. */
function e2e() {
	console.log('\n── building the site and the browser tests’ data');
	try {
		execFileSync('node', ['scripts/build.mjs', '--no-data'], { stdio: 'inherit' });
		execFileSync('node_modules/.bin/tsx', ['tests/e2e/prepare.ts'], { stdio: 'inherit' });
	} catch {
		console.error('The site or the test data could not be built: the browser tests did not run.');
		return { name: 'browser tests', passed: 0, failed: 1 };
	}
	console.log('\n── browser tests');
	const file = `${OUT}/e2e.json`;
	spawnSync('node_modules/.bin/playwright', ['test', '--reporter=list,json'], {
		stdio: 'inherit',
		env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: file, NODE_OPTIONS: nodeOptions }
	});
	if (!existsSync(file)) return { name: 'browser tests', passed: 0, failed: 1 };
	const s = JSON.parse(readFileSync(file, 'utf8')).stats;
	return { name: 'browser tests', passed: s.expected + s.flaky, failed: s.unexpected + (s.expected + s.unexpected + s.flaky === 0 ? 1 : 0) };
}

ensureDeps();
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const results = [lint('ESLint', 'node_modules/.bin/eslint', ['.']), lint('Prettier check', 'node_modules/.bin/prettier', ['--check', '.']), ...unit()];
results.push(ensureChromium() ? e2e() : { name: 'browser tests', passed: 0, failed: 1 });
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
console.log('\n── summary');
for (const r of results) console.log(`  ${r.name.padEnd(32)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(5)} failed`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

// `npm test`: installs what is missing (npm packages; Debian's Chromium when run as root),
// runs the unit tests under two time zones and the browser tests against the built site,
// and ends with one line `tests: N passed, M failed` over all runners. Exits non-zero on
// any failure.
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
	console.error(
		`\nThe browser tests need Chromium at ${CHROMIUM} and none was found.\n` +
			'Install it with `sudo apt-get install chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium executable.\n'
	);
	return false;
}

const polyfills = '--import ./scripts/node20-polyfills.mjs';
const nodeOptions = [process.env.NODE_OPTIONS, polyfills].filter(Boolean).join(' ');

/** Unit tests (vitest, real DuckDB), once per time zone: the figures must not depend on it. */
function unit(zone) {
	const file = `${OUT}/unit-${zone.replace('/', '_')}.json`;
	console.log(`\n── unit tests under TZ=${zone}`);
	spawnSync('node_modules/.bin/vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], {
		stdio: 'inherit',
		env: { ...process.env, TZ: zone, NODE_OPTIONS: nodeOptions }
	});
	if (!existsSync(file)) return { passed: 0, failed: 1 };
	const r = JSON.parse(readFileSync(file, 'utf8'));
	// A file that failed to load counts as a failure even when it held no test.
	const brokenFiles = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
	return { passed: r.numPassedTests, failed: r.numFailedTests + brokenFiles };
}

/** Browser tests (Playwright on Debian's Chromium) against the built site. */
function e2e() {
	console.log('\n── building the site and the browser tests’ data');
	try {
		execFileSync('node', ['scripts/build.mjs', '--no-data'], { stdio: 'inherit' });
		execFileSync('node_modules/.bin/tsx', ['tests/e2e/prepare.ts'], { stdio: 'inherit' });
	} catch {
		console.error('The site or the test data could not be built: the browser tests did not run.');
		return { passed: 0, failed: 1 };
	}
	console.log('\n── browser tests');
	const file = `${OUT}/e2e.json`;
	spawnSync('node_modules/.bin/playwright', ['test', '--reporter=list,json'], {
		stdio: 'inherit',
		env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: file, NODE_OPTIONS: nodeOptions }
	});
	if (!existsSync(file)) return { passed: 0, failed: 1 };
	const s = JSON.parse(readFileSync(file, 'utf8')).stats;
	return { passed: s.expected + s.flaky, failed: s.unexpected + (s.expected + s.unexpected + s.flaky === 0 ? 1 : 0) };
}

ensureDeps();
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const results = [unit('America/Los_Angeles'), unit('Asia/Ho_Chi_Minh')];
results.push(ensureChromium() ? e2e() : { passed: 0, failed: 1 });
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

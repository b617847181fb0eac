/**
 * Long-run check of the wall screen (not part of npm test): the wall runs in headless
 * Chromium in accelerated time, a scene every 0.1 s and a read of the source every 1.5 s,
 * while this script switches the site's data between two databases before every read, so
 * that every read is a real refresh (a new engine, new figures). It runs until at least
 * 2,000 scene changes and 200 data refreshes, and reports at the start, the middle and the
 * end, after a garbage collection:
 *   - the page's JS heap (V8, main thread) and its array buffers,
 *   - the DuckDB workers alive: the wall holds no engine between refreshes (wall/feed.ts),
 *     so none should be, and no WebAssembly memory with them,
 *   - the renderer process's resident memory (everything the tab holds, the WebAssembly
 *     memory of a refresh under way included); its peak is sampled during every refresh.
 * The end must be within 20% of the middle. Writes bench/wall-longrun.json.
 *
 *   npm run longrun:wall
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSample } from './generate';
import { serve } from './serve.mjs';
import { launch } from './bench/common';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const SCENE_CHANGES = 2000;
const REFRESHES = 200;
const PORT = 4426;
const ROOT = 'data/longrun';

// Two versions of a small province: the data before and after a day's export.
for (const end of ['2026-11-19', '2026-11-20']) {
	const dir = join(ROOT, end);
	if (!existsSync(join(dir, 'province.duckdb'))) await generateSample({ size: 20_000, end, out: dir });
}
const site = join(ROOT, 'site');
mkdirSync(site, { recursive: true });
const versions = ['2026-11-19', '2026-11-20'].map((end) => {
	copyFileSync(join(ROOT, end, 'province.duckdb'), join(site, `province-${end}.duckdb`));
	const manifest = JSON.parse(readFileSync(join(ROOT, end, 'manifest.json'), 'utf8'));
	return JSON.stringify({ ...manifest, database: `province-${end}.duckdb` });
});
let current = 0;
const publish = () => writeFileSync(join(site, 'manifest.json'), versions[current]);
publish();

if (!existsSync('build/index.html')) execFileSync('node', ['scripts/build.mjs', '--no-data'], { stdio: 'inherit' });
const server = await serve({ root: 'build', data: site, port: PORT });
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
const cdp = await page.context().newCDPSession(page);
const browserCdp = await browser.newBrowserCDPSession();

/** The workers alive in the browser: a DuckDB-WASM engine is one, with its WebAssembly memory. */
async function workerCount(): Promise<number> {
	const { targetInfos } = await browserCdp.send('Target.getTargets');
	return targetInfos.filter((t) => t.type === 'worker').length;
}

async function rendererRss(): Promise<number> {
	const { processInfo } = (await browserCdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
	let rss = 0;
	for (const p of processInfo.filter((p) => p.type === 'renderer')) {
		try {
			const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p.id}/status`, 'utf8'));
			if (kb) rss += Number(kb[1]) * 1024;
		} catch {
			// The process ended between the two calls.
		}
	}
	return rss;
}

const MB = (n: number) => Math.round((n / 2 ** 20) * 10) / 10;
async function measure(label: string) {
	await cdp.send('HeapProfiler.collectGarbage');
	const page_ = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
	const wall = await page.locator('.wall').evaluate((e) => ({ changes: Number(e.dataset.changes), updated: e.dataset.updated }));
	return {
		label,
		sceneChanges: wall.changes,
		refreshes,
		jsHeapMB: MB(page_.usedSize),
		pageArrayBuffersMB: MB(page_.backingStorageSize ?? 0),
		/** Live workers: none between refreshes means no WebAssembly memory is held. */
		duckdbWorkers: await workerCount(),
		rendererRssMB: MB(await rendererRss())
	};
}

await page.goto(`http://127.0.0.1:${PORT}/wall?seconds=0.1&refresh=1.5&stale=1000000`);
await page.locator('.wall[data-scene]').waitFor({ timeout: 120_000 });

let refreshes = 0;
let lastUpdated = await page.locator('.wall').getAttribute('data-updated');
const samples: Awaited<ReturnType<typeof measure>>[] = [await measure('start')];
let peakRss = 0;
const t0 = Date.now();
while (true) {
	// A new version for the wall's next read.
	current = 1 - current;
	publish();
	const deadline = Date.now() + 15_000;
	let updated = lastUpdated;
	// While the engine works, its WebAssembly memory is part of the renderer's: the peak is taken then.
	while (updated === lastUpdated && Date.now() < deadline) {
		await page.waitForTimeout(200);
		peakRss = Math.max(peakRss, MB(await rendererRss()));
		updated = await page.locator('.wall').getAttribute('data-updated');
	}
	if (updated === lastUpdated) throw new Error('the wall did not pick up the new data within 15 s');
	lastUpdated = updated;
	refreshes++;
	if (refreshes % 10 === 0) {
		const s = await measure('poll');
		console.log(`${Math.round((Date.now() - t0) / 1000)} s: ${s.sceneChanges} scene changes, ${refreshes} refreshes, JS heap ${s.jsHeapMB} MB, DuckDB workers ${s.duckdbWorkers}, renderer ${s.rendererRssMB} MB`);
	}
	if (refreshes === REFRESHES / 2) samples.push(await measure('middle'));
	const changes = Number(await page.locator('.wall').getAttribute('data-changes'));
	if (refreshes >= REFRESHES && changes >= SCENE_CHANGES) break;
}
samples.push(await measure('end'));
await browser.close();
server.close();

const [, middle, end] = samples;
const within = (a: number, b: number) => a <= b * 1.2;
const result = {
	date: new Date().toISOString(),
	minutes: Math.round((Date.now() - t0) / 6000) / 10,
	samples,
	peakRendererRssMB: peakRss,
	endWithin20PercentOfMiddle: {
		jsHeap: within(end.jsHeapMB, middle.jsHeapMB),
		rendererRss: within(end.rendererRssMB, middle.rendererRssMB),
		pageArrayBuffers: within(end.pageArrayBuffersMB, middle.pageArrayBuffersMB),
		noEngineHeldBetweenRefreshes: end.duckdbWorkers === 0 && middle.duckdbWorkers === 0
	}
};
mkdirSync('bench', { recursive: true });
writeFileSync('bench/wall-longrun.json', JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
const ok = Object.values(result.endWithin20PercentOfMiddle).every(Boolean);
console.log(ok ? 'Memory is bounded: the end is within 20% of the middle.' : 'Memory grew by more than 20% between the middle and the end.');
process.exit(ok ? 0 : 1);

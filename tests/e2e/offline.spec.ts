/**
 * A wall screen switched off and on with the network down (src/service-worker.ts): the browser
 * keeps its profile (a persistent context, as the TV's browser does), the server is stopped,
 * and the wall opens on its last figures, saying the server cannot be reached, of which day the
 * data is and when it was read; the server comes back with new data and the figures change with
 * no reload. Only the wall is served by the worker: the other pages never are.
 * Figures: tests/fixtures/basic (quarter I/2023: 20 received), and the same with one dossier more.
 */
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sirv from 'sirv';
import { serve } from '../../scripts/serve.mjs';
import { SCENES } from '../../src/lib/wall/settings';
import { writeFixture } from './fixture-data';

const PORT = 4320 + Number(process.env.E2E_PORT_OFFSET ?? 0);
const url = (path: string) => `http://127.0.0.1:${PORT}${path}`;
const FIRST = 'tests/.out/offline/first';
const SECOND = 'tests/.out/offline/second';
// One more dossier in quarter I/2023 (as in wall.spec.ts): F23 at P1, online, resolved on time, rated 5.
const F23 = 'F23,1.000001,P1,2023-03-01 09:00:00,2023-03-03 23:59:59.999999,2023-03-02 10:00:00,,resolved,online_full,200000,true,true,true,5,false\n';

const figure = (page: Page, id: string) => page.locator(`[data-metric=${id}] .value`);
const WALL = '/wall?pin=headline&refresh=1';

/** What the wall's service worker keeps, by path: the page, the manifest, the database, the engine's files. */
async function keptPaths(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const paths: string[] = [];
		for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) paths.push(new URL(r.url).pathname);
		return paths.sort();
	});
}

let server: Server | null = null;
async function start(data: string, root = 'build') {
	server = await serve({ root, data, port: PORT });
}
async function stop() {
	const running = server;
	if (!running) return;
	server = null;
	running.closeAllConnections();
	await new Promise((resolve) => running.close(resolve));
}

test.beforeAll(async () => {
	await writeFixture('basic', FIRST);
	await writeFixture('basic', SECOND, F23);
});
test.afterAll(stop);

test('switched off and on with the network down, the wall shows its last figures and says so; new data comes in with no reload', async () => {
	test.setTimeout(180_000);
	const { launchOptions } = test.info().project.use;
	const profile = mkdtempSync(join(tmpdir(), 'wall-profile-'));
	const launch = (width: number, height: number): Promise<BrowserContext> => chromium.launchPersistentContext(profile, { ...launchOptions, viewport: { width, height } });
	try {
		// The evening: the wall runs online, and its worker takes control and keeps what it uses.
		await start(FIRST);
		let context = await launch(1920, 1080);
		let page = context.pages()[0] ?? (await context.newPage());
		await page.goto(url(WALL));
		await expect(figure(page, 'received')).toHaveText('20', { timeout: 45_000 });
		await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true);
		await expect
			.poll(() => keptPaths(page), { timeout: 60_000 })
			.toEqual(expect.arrayContaining(['/wall', '/data/manifest.json', '/data/province.duckdb', expect.stringMatching(/duckdb-eh\..*\.wasm$/), expect.stringMatching(/duckdb-browser-eh\.worker\..*\.js$/)]));
		const kept = await keptPaths(page);
		// Only what the wall uses: not the other bundle of the engine, not the other pages' code.
		expect(kept.filter((p) => /duckdb-mvp|duckdb-browser-mvp/.test(p))).toEqual([]);

		// The other pages are never controlled, even after the wall.
		const other = await context.newPage();
		for (const path of ['/', '/report', '/data']) {
			await other.goto(url(path));
			expect(await other.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
		}
		await context.close();

		// The night: the TV is off, and in the morning the network is not there.
		await stop();
		context = await launch(3840, 2160);
		page = context.pages()[0] ?? (await context.newPage());
		await page.goto(url(WALL));
		await expect(figure(page, 'received')).toHaveText('20', { timeout: 45_000 });
		await expect(figure(page, 'on_time_rate')).toHaveText('83,3%'); // 10 of 12
		const warning = page.getByTestId('stale');
		await expect(warning).toContainText('Không kết nối được máy chủ từ');
		await expect(warning).toContainText('đang hiện bản lưu trên màn hình: số liệu đến hết ngày 31/3/2023, đọc lúc');
		// 31/3/2023 is long past the default 36 hours.
		await expect(warning).toContainText('Số liệu đã cũ: chưa có dữ liệu sau ngày 31/3/2023');
		await expect(page.locator('.wall')).toHaveAttribute('data-failing', 'true');
		await page.screenshot({ path: 'tests/.out/screenshots/wall-offline-3840x2160.png' });
		await page.setViewportSize({ width: 1920, height: 1080 });
		await page.screenshot({ path: 'tests/.out/screenshots/wall-offline-1920x1080.png' });
		// Every scene from the copy, under the two warnings, at the TV's size; nothing scrolls.
		await page.setViewportSize({ width: 3840, height: 2160 });
		for (const scene of SCENES.filter((s) => s !== 'headline')) {
			await page.goto(url(`/wall?pin=${scene}`));
			await expect(page.locator('.wall')).toHaveAttribute('data-scene', scene, { timeout: 45_000 });
			await expect(page.locator('.wall')).toHaveAttribute('data-failing', 'true');
			expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
			await page.screenshot({ path: `tests/.out/screenshots/wall-offline-${scene}-3840x2160.png` });
		}
		await page.goto(url(WALL));
		await expect(figure(page, 'received')).toHaveText('20', { timeout: 45_000 });

		// The network comes back with the night's new data: the figures change in the same document.
		await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
		await start(SECOND);
		await expect(figure(page, 'received')).toHaveText('21', { timeout: 30_000 });
		await expect(figure(page, 'on_time_rate')).toHaveText('84,6%'); // 11 of 13
		await expect(page.locator('.wall')).toHaveAttribute('data-failing', 'false');
		await expect(warning).not.toContainText('Không kết nối được máy chủ');
		expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
		await context.close();
	} finally {
		await stop();
		rmSync(profile, { recursive: true, force: true });
	}
});

test('a new build takes over from the old one, keeps the engine’s files, and the wall reloads itself between scenes', async ({ page }) => {
	test.setTimeout(120_000);
	// The same site built from other code: its service worker has another version.
	const next = mkdtempSync(join(tmpdir(), 'wall-next-build-'));
	try {
		cpSync('build', next, { recursive: true });
		const { version } = JSON.parse(readFileSync('build/_app/version.json', 'utf8')) as { version: string };
		const worker = readFileSync('build/service-worker.js', 'utf8');
		expect(worker).toContain(version);
		writeFileSync(join(next, 'service-worker.js'), worker.replaceAll(version, 'next-build'));

		await start(FIRST);
		await page.goto(url('/wall?scenes=headline,overdue&seconds=1&refresh=1'));
		await expect(figure(page, 'received')).toHaveText('20', { timeout: 45_000 });
		const engineFiles = (paths: string[]) => paths.filter((p) => /duckdb-eh\..*\.wasm$/.test(p));
		await expect.poll(async () => engineFiles(await keptPaths(page)), { timeout: 60_000 }).toHaveLength(1);
		await expect.poll(() => keptPaths(page), { timeout: 60_000 }).toContain('/data/province.duckdb');
		expect(await page.evaluate(() => caches.keys())).toEqual(expect.arrayContaining([`wall-code-${version}`, 'wall-kept']));
		await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

		// The new build is published: the wall finds it at a read, and reloads at a change of scene.
		let loads = 0;
		page.on('load', () => loads++);
		await stop();
		// The nightly publishing takes the server down a moment: the wall notices before it comes back.
		await expect(page.locator('.wall')).toHaveAttribute('data-failing', 'true', { timeout: 30_000 });
		await start(FIRST, next);
		await expect.poll(() => loads, { timeout: 30_000 }).toBeGreaterThan(0);
		await expect(figure(page, 'received').or(page.getByTestId('overdue-total'))).toBeVisible({ timeout: 45_000 });
		expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBeUndefined();
		expect(loads).toBe(1); // once, not again and again
		// Only the new code's cache is left, with the engine's files carried over from the old one.
		expect((await page.evaluate(() => caches.keys())).sort()).toEqual(['wall-code-next-build', 'wall-kept']);
		const carried = await page.evaluate(async () => (await (await caches.open('wall-code-next-build')).keys()).map((r) => new URL(r.url).pathname));
		expect(engineFiles(carried)).toHaveLength(1);
	} finally {
		await stop();
		rmSync(next, { recursive: true, force: true });
	}
});

test('a site copied under a sub-path: the worker and its scope are the sub-path’s, and its copies too', async ({ page }) => {
	// The built site served under /mc/, as a province may publish it beside other sites.
	const site = sirv('build', { dev: false, etag: true });
	const data = sirv(FIRST, { dev: true, etag: true });
	server = createServer((req, res) => {
		const url = req.url ?? '/';
		if (!url.startsWith('/mc/')) return void res.writeHead(404).end();
		req.url = url.slice('/mc'.length);
		if (req.url.startsWith('/data/')) {
			req.url = req.url.slice('/data'.length);
			return data(req, res, () => void res.writeHead(404).end());
		}
		site(req, res, () => void res.writeHead(404).end());
	});
	await new Promise<void>((resolve) => server!.listen(PORT, '127.0.0.1', () => resolve()));
	await page.goto(url('/mc/wall?pin=headline&refresh=1'));
	await expect(figure(page, 'received')).toHaveText('20', { timeout: 45_000 });
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null), { timeout: 30_000 }).toBe(url('/mc/service-worker.js'));
	expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)).toBe(url('/mc/wall'));
	await expect.poll(() => keptPaths(page), { timeout: 60_000 }).toEqual(expect.arrayContaining(['/mc/wall', '/mc/data/manifest.json', '/mc/data/province.duckdb']));
	await page.goto(url('/mc/'));
	expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
	await stop();
});

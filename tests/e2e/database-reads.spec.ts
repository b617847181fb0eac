/**
 * How the page reads the site's database file (engine/browser.ts): in place, with HTTP range
 * requests, where the server serves ranges; whole, with one GET, where it does not. The
 * figures are native DuckDB's on the same file either way. The test serves the sample itself,
 * to see the requests DuckDB-WASM's worker makes (the page's routes do not see them).
 */
import { expect, test } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import { latestCompletePeriod } from '../../src/lib/core/domain/periods';
import { queryMetrics } from '../../src/lib/core/engine/metrics';
import { NodeEngine } from '../../src/lib/core/engine/node';
import { settled } from './helpers';
import { E2E_SERVERS, SAMPLE_END } from './servers';

const PORT = 4317 + Number(process.env.E2E_PORT_OFFSET ?? 0);
let server: Server;
let servesRanges = true;
let reads: { method: string; range: string | null; status: number }[] = [];

test.beforeAll(async () => {
	const site = sirv('build', { dev: false, etag: true });
	const data = sirv(E2E_SERVERS.sample.data, { dev: true, etag: true });
	server = createServer((req, res) => {
		const url = req.url ?? '/';
		if (!url.startsWith('/data/')) return site(req, res, () => void res.writeHead(404).end());
		if (!servesRanges) delete req.headers.range; // a server that ignores ranges answers with the whole file
		if (url.startsWith('/data/province.duckdb')) {
			const range = req.headers.range ?? null;
			res.on('finish', () => reads.push({ method: req.method ?? '', range, status: res.statusCode }));
		}
		req.url = url.slice('/data'.length);
		data(req, res, () => void res.writeHead(404).end());
	});
	await new Promise<void>((r) => server.listen(PORT, '127.0.0.1', () => r()));
});
test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function receivedOnScreen(page: import('@playwright/test').Page): Promise<number> {
	await page.goto(`http://127.0.0.1:${PORT}/`);
	await settled(page);
	return Number(await page.locator('.tiles [data-metric="received"]').getAttribute('data-value'));
}

async function nativeReceived(): Promise<number> {
	const engine = await NodeEngine.open(join(E2E_SERVERS.sample.data, 'province.duckdb'), { access_mode: 'READ_ONLY' });
	const [native] = await queryMetrics(engine, { periods: [latestCompletePeriod(SAMPLE_END, 'reporting', 'quarter', 15)] });
	await engine.close();
	return native.counts.received;
}

test.describe.serial('the database file', () => {
	test('is read in place, range by range, where the server serves ranges', async ({ page }) => {
		servesRanges = true;
		reads = [];
		expect(await receivedOnScreen(page)).toBe(await nativeReceived());
		const gets = reads.filter((r) => r.method === 'GET');
		expect(gets.length).toBeGreaterThan(1);
		for (const g of gets) {
			expect(g.range).toMatch(/^bytes=\d+-\d+$/);
			expect(g.status).toBe(206);
		}
	});

	test('is downloaded whole where the server ignores ranges, with the same figures', async ({ page }) => {
		servesRanges = false;
		reads = [];
		expect(await receivedOnScreen(page)).toBe(await nativeReceived());
		expect(reads.filter((r) => r.method === 'GET')).toEqual([{ method: 'GET', range: null, status: 200 }]);
	});
});

/**
 * Benchmark, not a test: how long the dashboard takes to redraw after a filter change or a
 * drill click, on the sample province at 1 million dossiers (`SIZE=` to change), in headless
 * Debian Chromium on this machine. `npm run bench:dashboard`.
 *
 * Each interaction is timed inside the page, from the click (or the select's change) to the
 * frame after every chart of the new view is drawn: the address has changed and the page
 * marks the new view as on screen (main[data-view] and data-ready). The script visits new
 * views first (nothing cached), then goes back over them (the query cache answers).
 * Beside it, native DuckDB (one thread, same machine) computes the figures of the same
 * views with the same code, for the ratio of the browser's redraw to the bare queries.
 * Writes bench/dashboard.json and prints a summary.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { datasetInfo } from '../../src/lib/engine/source';
import { NodeEngine } from '../../src/lib/engine/node';
import { parseView } from '../../src/lib/state/view';
import { dashboardData, dossierPage } from '../../src/lib/views/dashboard';
import { choose, click, launch, median, p95, serveSample, timed } from './common';

const SIZE = Number(process.env.SIZE ?? 1_000_000);
const PORT = 4420;

type Step = { name: string; kind: 'drill' | 'filter' | 'back'; action: string };

const firstRow = '[data-testid="ranking"] tbody tr:first-child th a';
const crumb = (i: number) => `[data-testid="breadcrumb"] li:nth-child(${i}) a`;

const SCRIPT: Step[] = [
	{ name: 'level: communes (bar of the levels chart)', kind: 'drill', action: click('[data-chart="compare"] rect.hit[data-key="commune"]') },
	{ name: 'agency: first of the ranking', kind: 'drill', action: click(firstRow) },
	{ name: 'field: first of the ranking', kind: 'drill', action: click(firstRow) },
	{ name: 'procedure: first of the ranking', kind: 'drill', action: click(firstRow) },
	{ name: 'dossier list', kind: 'drill', action: click('a.dossiers-link') },
	{ name: 'breadcrumb: back to the agency', kind: 'drill', action: click(crumb(3)) },
	{ name: 'breadcrumb: back to the province', kind: 'drill', action: click(crumb(1)) },
	{ name: 'filter: channel online (full)', kind: 'filter', action: choose('channel', 'online_full') },
	{ name: 'filter: level province', kind: 'filter', action: choose('level', 'province') },
	{ name: 'filter: channel in person', kind: 'filter', action: choose('channel', 'in_person') },
	{ name: 'filter: clear', kind: 'filter', action: click('button.clear') },
	{ name: 'period: reporting month', kind: 'filter', action: choose('span', 'month') },
	{ name: 'period: reporting year', kind: 'filter', action: choose('span', 'year') },
	{ name: 'period: calendar year', kind: 'filter', action: choose('kind', 'calendar') },
	{ name: 'period: calendar quarter', kind: 'filter', action: choose('span', 'quarter') },
	{ name: 'period: a month of the trend', kind: 'filter', action: click('[data-chart="trend-volume"] rect.hit:last-of-type') },
	{ name: 'sort: by received', kind: 'filter', action: click('a[data-sort="received"]') },
	{ name: 'level: province (bar)', kind: 'drill', action: click('[data-chart="compare"] rect.hit[data-key="province"]') },
	{ name: 'agency: first of the ranking', kind: 'drill', action: click(firstRow) }
];

const { server, data } = await serveSample(SIZE, PORT);
const browser = await launch();
try {
	const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
	const t0 = Date.now();
	await page.goto(`http://127.0.0.1:${PORT}/`);
	await page.locator('figure.chart svg').first().waitFor({ timeout: 120_000 });
	const firstChart = Date.now() - t0;

	const cold: { name: string; kind: string; ms: number; nativeMs?: number }[] = [];
	const views: string[] = [];
	for (const step of SCRIPT) {
		cold.push({ name: step.name, kind: step.kind, ms: await timed(page, step.action) });
		views.push(new URL(page.url()).search);
	}
	// Back over the same views: the query cache answers.
	const warm: number[] = [];
	for (let i = 0; i < SCRIPT.length - 1; i++) {
		warm.push(await timed(page, 'history.back()'));
	}
	// The same views' figures on native DuckDB, each on a fresh connection (no cache), median of five.
	const native = await NodeEngine.open(`${data}/province.duckdb`, { threads: '1', access_mode: 'READ_ONLY' });
	const info = await datasetInfo(native);
	for (const [i, search] of views.entries()) {
		const view = parseView(new URLSearchParams(search));
		const runs: number[] = [];
		for (let r = 0; r < 5; r++) {
			const t = performance.now();
			await Promise.all([dashboardData(native, view, info), view.dossiers ? dossierPage(native, view, info) : null]);
			runs.push(performance.now() - t);
		}
		cold[i].nativeMs = median(runs);
	}
	await native.close();
	const ms = cold.map((c) => c.ms);
	const nativeMedian = median(cold.map((c) => c.nativeMs!));
	const result = {
		size: SIZE,
		machine: `${(await import('node:os')).cpus().length} cores`,
		firstChartMs: firstChart,
		cold: { median: median(ms), p95: p95(ms), steps: cold },
		nativeQueries: { median: nativeMedian, ratio: median(ms) / nativeMedian },
		drill: median(cold.filter((c) => c.kind === 'drill').map((c) => c.ms)),
		filter: median(cold.filter((c) => c.kind === 'filter').map((c) => c.ms)),
		backCached: { median: median(warm), p95: p95(warm) }
	};
	mkdirSync('bench', { recursive: true });
	writeFileSync('bench/dashboard.json', JSON.stringify(result, null, 2));
	console.log(`\n${SIZE.toLocaleString('en')} dossiers · first chart ${firstChart} ms after navigation`);
	for (const c of cold) console.log(`  ${c.ms.toFixed(0).padStart(6)} ms  (native queries ${c.nativeMs!.toFixed(0).padStart(4)} ms)  ${c.name}`);
	console.log(`new views: median ${result.cold.median.toFixed(0)} ms, p95 ${result.cold.p95.toFixed(0)} ms (drill ${result.drill.toFixed(0)}, filter ${result.filter.toFixed(0)})`);
	console.log(`native DuckDB, the same views' queries: median ${nativeMedian.toFixed(0)} ms; the browser's redraw takes ${result.nativeQueries.ratio.toFixed(1)}×`);
	console.log(`back over cached views: median ${result.backCached.median.toFixed(0)} ms, p95 ${result.backCached.p95.toFixed(0)} ms`);
} finally {
	await browser.close();
	server.close();
}

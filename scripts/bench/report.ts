/**
 * Benchmark, not a test: how long the report page (Biểu 06) takes to show a new report,
 * years above all, on the sample province at 1 million dossiers (`SIZE=` to change), in
 * headless Debian Chromium on this machine. `npm run bench:report`.
 *
 * Each step changes one option, as a user does, and is timed from the change to the frame
 * after the new form is drawn; then until its annex of late dossiers, which follows the
 * form, is drawn too (timed from Node, so a few milliseconds of overhead). Beside it, native
 * DuckDB (one thread, same machine) computes the same forms with the same code.
 * Writes bench/report.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { LEVEL_NAMES } from '../../src/lib/core/i18n/messages';
import { loadCatalog } from '../../src/lib/core/engine/catalog';
import { NodeEngine } from '../../src/lib/core/engine/node';
import { datasetInfo } from '../../src/lib/core/engine/source';
import { parsePeriodKey, latestCompletePeriod } from '../../src/lib/core/domain/periods';
import { reportData } from '../../src/lib/report/data';
import { parseReport } from '../../src/lib/report/address';
import { benchPort, choose, click, launch, median, p95, serveSample, timed } from './common';

const SIZE = Number(process.env.SIZE ?? 1_000_000);
const PORT = benchPort(4421);

const check = (name: string) => click(`input[name=${name}]`);
const SCRIPT: { name: string; year: boolean; action: string }[] = [
	{ name: 'reporting year 2025', year: true, action: choose('span', 'year') },
	{ name: 'year 2025, compared', year: true, action: check('compare') },
	{ name: 'year 2025 by field, compared', year: true, action: click('input[name=group][value=field]') },
	{ name: 'year 2024 by field, compared', year: true, action: choose('year', '2024') },
	{ name: 'year 2024 by agency, compared', year: true, action: click('input[name=group][value=agency]') },
	{ name: 'year 2024', year: true, action: check('compare') },
	{ name: 'year 2023', year: true, action: choose('year', '2023') },
	{ name: 'year 2023 without communes', year: true, action: click('input[name=levels][value=commune]') },
	{ name: 'calendar year 2023 without communes', year: true, action: choose('kind', 'calendar') },
	{ name: 'calendar year 2022 without communes', year: true, action: choose('year', '2022') },
	{ name: 'calendar quarter IV 2022 without communes', year: false, action: choose('span', 'quarter') },
	{ name: 'reporting quarter IV 2022 without communes', year: false, action: choose('kind', 'reporting') }
];

const { server, data } = await serveSample(SIZE, PORT);
const browser = await launch();
try {
	const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
	const t0 = Date.now();
	await page.goto(`http://127.0.0.1:${PORT}/report`);
	await page.locator('main[data-ready=true] [data-testid=report-form]').waitFor({ timeout: 120_000 });
	const firstReport = Date.now() - t0;

	const steps: { name: string; year: boolean; ms: number; withAnnexMs: number; nativeMs?: number; annex: number; search?: string }[] = [];
	for (const s of SCRIPT) {
		const start = performance.now();
		const ms = await timed(page, s.action);
		await page.locator('article.annex[data-ready=true]').waitFor({ timeout: 120_000 });
		const withAnnexMs = performance.now() - start;
		const annex = Number(await page.locator('article.annex').getAttribute('data-dossiers'));
		steps.push({ name: s.name, year: s.year, ms, withAnnexMs, annex, search: new URL(page.url()).search });
	}

	// The same reports on native DuckDB, each on a fresh connection (no cache), median of five.
	const native = await NodeEngine.open(`${data}/province.duckdb`, { threads: '1', access_mode: 'READ_ONLY' });
	const info = await datasetInfo(native);
	const catalog = await loadCatalog(native);
	const names = { level: (l: keyof (typeof LEVEL_NAMES)['vi'] | null) => (l ? LEVEL_NAMES.vi[l] : '?'), unknown: '?', total: 'Tổng cộng' };
	for (const step of steps) {
		const q = parseReport(new URLSearchParams(step.search));
		const period = q.period ? parsePeriodKey(q.period) : latestCompletePeriod(info.dataAsOf, 'reporting', 'quarter', info.cutoffDay);
		const runs: number[] = [];
		for (let r = 0; r < 5; r++) {
			const t = performance.now();
			await reportData(native, { period, levels: q.levels, grouping: q.grouping, compare: q.compare }, info.aggregated, catalog, names);
			runs.push(performance.now() - t);
		}
		step.nativeMs = median(runs);
	}
	await native.close();

	const years = steps.filter((s) => s.year);
	const result = {
		size: SIZE,
		machine: `${cpus().length} cores`,
		firstReportMs: firstReport,
		year: { median: median(years.map((s) => s.ms)), p95: p95(years.map((s) => s.ms)) },
		yearWithAnnex: { median: median(years.map((s) => s.withAnnexMs)), p95: p95(years.map((s) => s.withAnnexMs)) },
		nativeYear: { median: median(years.map((s) => s.nativeMs!)) },
		steps: steps.map(({ search: _, ...s }) => s)
	};
	mkdirSync('bench', { recursive: true });
	writeFileSync('bench/report.json', JSON.stringify(result, null, 2));
	console.log(`\n${SIZE.toLocaleString('en')} dossiers · first report ${firstReport} ms after navigation`);
	for (const s of steps) {
		console.log(
			`  ${s.ms.toFixed(0).padStart(6)} ms form (native ${s.nativeMs!.toFixed(0).padStart(3)} ms) · ${s.withAnnexMs.toFixed(0).padStart(5)} ms with its annex of ${String(s.annex).padStart(5)} dossiers  ${s.name}`
		);
	}
	console.log(`a year's form: median ${result.year.median.toFixed(0)} ms, p95 ${result.year.p95.toFixed(0)} ms (native DuckDB: median ${result.nativeYear.median.toFixed(0)} ms)`);
	console.log(`with the annex: median ${result.yearWithAnnex.median.toFixed(0)} ms, p95 ${result.yearWithAnnex.p95.toFixed(0)} ms`);
} finally {
	await browser.close();
	server.close();
}

/**
 * Benchmark (not a test): loading a one-million-row CSV export through the data page, in
 * headless Debian Chromium. The export is written from the 1M sample in a vendor's format
 * (Vietnamese headers, dd/mm/yyyy hh:mm dates, channels and statuses in words) and kept in
 * data/bench/. Reports, timed in the page from the click, the median of three loads (each in
 * a fresh browser context): the file read (the last progress), the data on screen, the
 * pre-aggregates built (in the background, views count the dossiers until then) and the
 * data kept in the browser; each run's progress updates and longest main-thread task, while
 * reading and at all (the page's responsiveness); and native DuckDB reading the same file
 * beside it. Writes bench/load.json.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { NodeEngine } from '../../src/lib/core/engine/node';
import { benchPort, launch, serveSample } from './common';

const SIZE = 1_000_000;
const PORT = benchPort(4422);
const { server, data } = await serveSample(SIZE, PORT);
const csv = `data/bench/export-${SIZE}.csv`;

if (!existsSync(csv)) {
	const engine = await NodeEngine.open();
	await engine.run(`ATTACH '${data}/province.duckdb' AS p (READ_ONLY)`);
	await engine.run(`COPY (
  SELECT d.id AS "Mã hồ sơ",
    strftime(d.received_at, '%d/%m/%Y %H:%M') AS "Ngày tiếp nhận",
    strftime(d.due_at, '%d/%m/%Y') AS "Ngày hẹn trả",
    strftime(coalesce(d.resolved_at, d.withdrawn_at), '%d/%m/%Y %H:%M') AS "Ngày trả kết quả",
    a.name AS "Cơ quan",
    CASE a.level WHEN 'province' THEN 'Cấp tỉnh' WHEN 'district' THEN 'Cấp huyện' ELSE 'Cấp xã' END AS "Cấp",
    pr.field AS "Lĩnh vực", pr.name AS "Thủ tục",
    CASE d.channel WHEN 'in_person' THEN 'Trực tiếp' WHEN 'postal' THEN 'Bưu chính công ích'
      WHEN 'online_partial' THEN 'Trực tuyến một phần' ELSE 'Trực tuyến toàn trình' END AS "Hình thức nộp",
    CASE d.status WHEN 'resolved' THEN 'Đã trả kết quả' WHEN 'withdrawn' THEN 'Đã rút' ELSE 'Đang xử lý' END AS "Trạng thái",
    CASE d.rating WHEN 5 THEN 'Rất hài lòng' WHEN 4 THEN 'Hài lòng' WHEN 3 THEN 'Bình thường' WHEN 2 THEN 'Không hài lòng' WHEN 1 THEN 'Rất không hài lòng' END AS "Đánh giá"
  FROM p.dossiers d JOIN p.agencies a ON a.id = d.agency_id JOIN p.procedures pr ON pr.code = d.procedure_code
  ORDER BY d.received_at
) TO '${csv}' (HEADER)`);
	await engine.close();
}
const bytes = statSync(csv).size;

// Native DuckDB reading the same file, one thread: the floor for parsing it.
const native = await NodeEngine.open(':memory:', { threads: '1' });
const n0 = performance.now();
await native.run(`CREATE TABLE t AS SELECT * FROM read_csv('${csv}', header = true, all_varchar = true)`);
const nativeMs = performance.now() - n0;
await native.close();

const RUNS = 3;
const browser = await launch();
/** One load in a fresh context (empty browser storage), timed in the page from the click. */
async function run() {
	const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
	const page = await context.newPage();
	await page.goto(`http://127.0.0.1:${PORT}/data`);
	await page.getByTestId('data-now').waitFor({ timeout: 60_000 });
	await page.evaluate(`(() => {
	window.__longest = 0;
	window.__longestReading = 0;
	window.__progress = new Set();
	window.__at = {};
	new PerformanceObserver((l) => {
		for (const e of l.getEntries()) {
			window.__longest = Math.max(window.__longest, e.duration);
			if (window.__at.click !== undefined && window.__at.shown === undefined && e.startTime > window.__at.click) window.__longestReading = Math.max(window.__longestReading, e.duration);
		}
	}).observe({ type: 'longtask' });
	new MutationObserver(() => {
		const p = document.querySelector('[data-testid=progress] p');
		if (p && p.textContent && !window.__progress.has(p.textContent)) {
			window.__progress.add(p.textContent);
			window.__at.lastProgress = performance.now();
		}
		if (document.querySelector('[data-testid=outcome]')) window.__at.shown ??= performance.now();
		const state = document.querySelector('[data-testid=finishing]')?.dataset.state;
		if (state) window.__at[state] ??= performance.now();
	}).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
})()`);
	await page.getByTestId('file-input').setInputFiles(csv);
	await page.getByTestId('load').waitFor();
	await page.evaluate(`document.querySelector('[data-testid=load]').addEventListener('click', () => (window.__at.click = performance.now()), { capture: true })`);
	await page.getByTestId('load').click();
	await page.locator('[data-testid=finishing][data-state=saved], [data-testid=finishing][data-state=failed]').waitFor({ timeout: 600_000 });
	const r = (await page.evaluate(`({
	outcome: document.querySelector('[data-testid=outcome]').dataset.kind,
	finishing: document.querySelector('[data-testid=finishing]').dataset.state,
	read: document.querySelector('[data-count=read]').textContent,
	new: document.querySelector('[data-count=new]').textContent,
	rejected: document.querySelector('[data-count=rejected]').textContent,
	progressUpdates: window.__progress.size,
	longestTaskMs: Math.round(window.__longest),
	longestTaskWhileReadingMs: Math.round(window.__longestReading),
	at: window.__at
})`)) as { at: Record<string, number> } & Record<string, unknown>;
	await context.close();
	const since = (k: string) => (r.at[k] === undefined ? null : Math.round(r.at[k] - r.at.click));
	const { at: _, ...rest } = r;
	return { readMs: since('lastProgress'), onScreenMs: since('shown'), aggregatedMs: since('saving'), savedMs: since('saved'), ...rest };
}
const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await run());
await browser.close();
server.close();

const median = (k: 'readMs' | 'onScreenMs' | 'aggregatedMs' | 'savedMs') => runs.map((r) => r[k] ?? Infinity).sort((a, b) => a - b)[Math.floor(RUNS / 2)];
const timings = { readMs: median('readMs'), onScreenMs: median('onScreenMs'), aggregatedMs: median('aggregatedMs'), savedMs: median('savedMs') };
const out = { date: new Date().toISOString(), rows: SIZE, megabytes: +(bytes / 2 ** 20).toFixed(1), medianOf: RUNS, ...timings, nativeReadCsvMs: Math.round(nativeMs), runs };
mkdirSync('bench', { recursive: true });
writeFileSync('bench/load.json', JSON.stringify(out, null, 2) + '\n');
console.log(out);

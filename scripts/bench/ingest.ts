/**
 * Benchmark (not a test): `npm run ingest` on a province's export, beside native DuckDB.
 *
 * From the sample province at SIZE dossiers (10 million by default; data/bench/<size>), an
 * export in a vendor's format (Vietnamese headers, dd/mm/yyyy dates, statuses, channels and
 * ratings in words, agency and procedure by code and name) is written once and kept. Then:
 * - the whole export ingested into a new data folder, as a process (`node --import tsx
 *   scripts/ingest.ts`): wall time and peak memory, against native DuckDB's own `read_csv`
 *   loading the same file into a table (all threads, the same machine, the same run);
 * - a day's update (DAY rows, 20,000 by default: a quarter of them dossiers of the export
 *   resolved on the day after the export, the rest new) ingested into that folder, and the site built on it
 *   (`npm run build -- --data DIR --out DIR`): each step's time, and the two together.
 * RUNS runs of each (median kept, every run listed). Writes bench/ingest.json, one entry per size.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { generateSample } from '../generate';
import { NodeEngine } from '../../src/lib/core/engine/node';
import { median } from './common';

const SIZE = Number(process.env.SIZE ?? 10_000_000);
const DAY = Number(process.env.DAY ?? 20_000);
const RUNS = Number(process.env.RUNS ?? 3);
const END = '2026-11-20';
const dir = `data/bench/${SIZE}`;
const csv = `data/bench/export-full-${SIZE}.csv`;
const update = `data/bench/export-day-${SIZE}.csv`;

/** The export's columns, in a vendor's words, from a table shaped like `dossiers` joined to its units and procedures. */
const EXPORT_COLUMNS = `d.id AS "Mã hồ sơ",
    strftime(d.received_at, '%d/%m/%Y %H:%M:%S') AS "Ngày tiếp nhận",
    strftime(d.due_at, '%d/%m/%Y') AS "Ngày hẹn trả",
    strftime(d.resolved_at, '%d/%m/%Y %H:%M:%S') AS "Ngày trả kết quả",
    strftime(d.withdrawn_at, '%d/%m/%Y %H:%M:%S') AS "Ngày rút",
    CASE WHEN d.resolved_at IS NOT NULL THEN 'Đã trả kết quả' WHEN d.withdrawn_at IS NOT NULL THEN 'Đã rút' ELSE 'Đang xử lý' END AS "Trạng thái",
    a.id AS "Mã đơn vị", a.name AS "Cơ quan",
    CASE a.level WHEN 'province' THEN 'Cấp tỉnh' WHEN 'district' THEN 'Cấp huyện' ELSE 'Cấp xã' END AS "Cấp",
    pr.code AS "Mã thủ tục", pr.name AS "Thủ tục", pr.field AS "Lĩnh vực",
    CASE d.channel WHEN 'in_person' THEN 'Trực tiếp' WHEN 'postal' THEN 'Bưu chính công ích'
      WHEN 'online_partial' THEN 'Trực tuyến một phần' ELSE 'Trực tuyến toàn trình' END AS "Hình thức nộp",
    d.fee AS "Phí",
    CASE WHEN d.paid_online THEN 'Có' ELSE 'Không' END AS "Thanh toán trực tuyến",
    CASE WHEN d.digitised THEN 'Có' ELSE 'Không' END AS "Số hóa",
    CASE WHEN d.result_electronic THEN 'Có' ELSE 'Không' END AS "Kết quả điện tử",
    CASE d.rating WHEN 5 THEN 'Rất hài lòng' WHEN 4 THEN 'Hài lòng' WHEN 3 THEN 'Bình thường' WHEN 2 THEN 'Không hài lòng' WHEN 1 THEN 'Rất không hài lòng' END AS "Đánh giá"`;

async function writeExports(): Promise<void> {
	await generateSample({ size: SIZE, end: END, out: dir });
	if (existsSync(csv) && existsSync(update)) return;
	const engine = await NodeEngine.open();
	try {
		await engine.run(`ATTACH '${dir}/province.duckdb' AS p (READ_ONLY)`);
		const from = (table: string) => `FROM ${table} d JOIN p.agencies a ON a.id = d.agency_id JOIN p.procedures pr ON pr.code = d.procedure_code`;
		await engine.run(`COPY (SELECT ${EXPORT_COLUMNS} ${from('p.dossiers')} ORDER BY d.received_at) TO '${csv}' (HEADER)`);
		// The next day: a quarter of the update resolves dossiers still open (that day at 9:00), the rest are new
		// dossiers received that day (copies of the export's last ones under new ids).
		const resolved = Math.round(DAY / 4);
		await engine.run(`CREATE TABLE day AS
SELECT * REPLACE (TIMESTAMP '${END} 09:00:00' + INTERVAL 1 DAY AS resolved_at, 'resolved' AS status)
FROM (SELECT * FROM p.dossiers WHERE resolved_at IS NULL AND withdrawn_at IS NULL ORDER BY received_at DESC LIMIT ${resolved})
UNION ALL
SELECT * REPLACE ('N-' || id AS id, received_at + INTERVAL 1 DAY AS received_at, due_at + INTERVAL 1 DAY AS due_at, NULL::TIMESTAMP AS resolved_at, NULL::TIMESTAMP AS withdrawn_at, 'in_progress' AS status)
FROM (SELECT * FROM p.dossiers ORDER BY received_at DESC LIMIT ${DAY - resolved})`);
		await engine.run(`COPY (SELECT ${EXPORT_COLUMNS} ${from('day')}) TO '${update}' (HEADER)`);
	} finally {
		await engine.close();
	}
}

interface Measured {
	seconds: number;
	/** The largest resident memory of the process, MB. */
	peakMb: number;
	status: number | null;
}

/** A command as a process: its wall time, and its peak memory polled from /proc (VmHWM, the kernel's own high-water mark). */
function measure(command: string, args: string[]): Promise<Measured> {
	return new Promise((resolve) => {
		const started = performance.now();
		const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
		let peakKb = 0;
		const poll = setInterval(() => {
			try {
				const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
				if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
			} catch {
				// the process has ended between two looks
			}
		}, 100);
		child.on('exit', (status) => {
			clearInterval(poll);
			resolve({ seconds: (performance.now() - started) / 1000, peakMb: Math.round(peakKb / 1024), status });
		});
	});
}

async function nativeReadCsv(): Promise<number> {
	const engine = await NodeEngine.open();
	try {
		const t0 = performance.now();
		await engine.run(`CREATE TABLE t AS SELECT * FROM read_csv('${csv}', header = true)`);
		return (performance.now() - t0) / 1000;
	} finally {
		await engine.close();
	}
}

const ingestArgs = (out: string, file: string) => ['--import', 'tsx', 'scripts/ingest.ts', '--out', out, '--province', 'Quảng Ngãi', file];

await writeExports();
const runs: { native: number; full: Measured; day: Measured; build: Measured }[] = [];
for (let i = 0; i < RUNS; i++) {
	const out = `data/bench/ingest-${SIZE}`;
	rmSync(out, { recursive: true, force: true });
	const native = await nativeReadCsv();
	const full = await measure('node', ingestArgs(out, csv));
	const day = await measure('node', ingestArgs(out, update));
	const build = await measure('node', ['scripts/build.mjs', '--data', out, '--out', `data/bench/site-${SIZE}`]);
	if (full.status !== 0 || day.status !== 0 || build.status !== 0) throw new Error(`a step failed: ${JSON.stringify({ full, day, build })}`);
	runs.push({ native, full, day, build });
	console.log(`run ${i + 1}: native read_csv ${native.toFixed(1)} s; ingest ${full.seconds.toFixed(1)} s (${full.peakMb} MB); day ${day.seconds.toFixed(1)} s + build ${build.seconds.toFixed(1)} s`);
}
const m = (f: (r: (typeof runs)[number]) => number) => median(runs.map(f));
const result = {
	size: SIZE,
	exportBytes: statSync(csv).size,
	dayRows: DAY,
	runs: RUNS,
	median: {
		nativeReadCsvSeconds: m((r) => r.native),
		ingestSeconds: m((r) => r.full.seconds),
		ratioToNative: m((r) => r.full.seconds / r.native),
		ingestPeakMb: m((r) => r.full.peakMb),
		dayIngestSeconds: m((r) => r.day.seconds),
		dayIngestPeakMb: m((r) => r.day.peakMb),
		dayBuildSeconds: m((r) => r.build.seconds),
		dayPublishedSeconds: m((r) => r.day.seconds + r.build.seconds)
	},
	each: runs,
	measuredAt: new Date().toISOString()
};
// One entry per size, so runs at other sizes stay beside this one.
mkdirSync('bench', { recursive: true });
const file = 'bench/ingest.json';
const earlier = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { bySize?: Record<string, unknown> }) : {};
writeFileSync(file, JSON.stringify({ bySize: { ...(earlier.bySize ?? {}), [SIZE]: result } }, null, 2) + '\n');
console.log(JSON.stringify(result.median, null, 2));

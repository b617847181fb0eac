/**
 * The loader on the file corpus (tests/fixtures/ingest), on native DuckDB: every good file
 * gives the same eight dossiers, every bad row its reason, every bad file its error, and the
 * loaded data the figures worked out by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { latestCompletePeriod, period as makePeriod, periodKey } from '../../src/lib/core/domain/periods';
import { NodeEngine } from '../../src/lib/core/engine/node';
import { aggregatedPeriods, queryMetrics } from '../../src/lib/core/engine/metrics';
import { loadCatalog } from '../../src/lib/core/engine/catalog';
import { datasetInfo } from '../../src/lib/core/engine/source';
import { proposeMapping } from '../../src/lib/ingest/headers';
import { loadFiles, type LoadOptions } from '../../src/lib/ingest/load';
import { FileError, openSource } from '../../src/lib/ingest/sources';
import { assemble, buildAggregates, restoreUserTables, savedTables } from '../../src/lib/ingest/store';
import { ACCOUNTS, AGENCIES, BAD_FILES, BAD_ROWS, DOSSIERS, GOOD_FILES, HEADER_LINES, MARCH_2025, MIXED, DOSSIER_SQL } from '../fixtures/ingest/expected';

const DIR = 'tests/fixtures/ingest';
const fixtureFile = (name: string) => new File([readFileSync(join(DIR, name))], name);

async function plan(name: string) {
	const file = fixtureFile(name);
	const inspection = await (await openSource(file)).inspect();
	return { inspection, planned: { name, file, encoding: null, headerLine: null, headers: inspection.headers, mapping: proposeMapping(inspection.headers) } };
}

const REPLACE: LoadOptions = { mode: 'replace', province: 'Thử nghiệm', cutoffDay: 15, base: 'none', baseAsOf: null, current: null };

let engine: NodeEngine | null = null;
afterEach(async () => {
	await engine?.close();
	engine = null;
});

async function load(name: string, options = REPLACE) {
	engine ??= await NodeEngine.open();
	const { planned } = await plan(name);
	return loadFiles(engine, [planned], options, () => {});
}

describe('every good file gives the eight dossiers', () => {
	for (const [name, want] of Object.entries(GOOD_FILES)) {
		it(name, async () => {
			const { inspection } = await plan(name);
			expect({ format: inspection.format, encoding: inspection.encoding }).toEqual(want);
			const result = await load(name);
			expect([result.tally.rowsRead, result.tally.rowsLoaded, result.tally.rowsRejected]).toEqual([8, 8, 0]);
			const rows = await engine!.query(DOSSIER_SQL);
			expect(rows).toEqual(DOSSIERS);
			const agencies = await engine!.query<{ name: string; level: string }>('SELECT name, level FROM agencies ORDER BY name');
			expect(Object.fromEntries(agencies.map((a) => [a.name, a.level]))).toEqual(AGENCIES);
		});
	}
});

describe('the header row is proposed below title rows, and can be chosen', () => {
	for (const [name, line] of Object.entries(HEADER_LINES)) {
		it(`${name}: line ${line}`, async () => {
			const { inspection } = await plan(name);
			expect(inspection.headerLine).toBe(line);
			expect(inspection.headers[0]).toMatch(/^(Mã hồ sơ|Số hồ sơ|id|ma_ho_so)$/);
			// Delimited text and .xlsx offer the choice; the other formats name their columns.
			expect(inspection.headerChoices.some((c) => c.line === line)).toBe(line > 0);
		});
	}

	it('a header row chosen by the user: the rows are those after it', async () => {
		engine ??= await NodeEngine.open();
		const file = fixtureFile('title-rows.csv');
		// Line 5 (HS-001) as the header: nothing maps, the choices still list line 4.
		const wrong = await (await openSource(file, null, 5)).inspect();
		expect([wrong.headerLine, wrong.headers[0], wrong.sample[0][0]]).toEqual([5, 'HS-001', 'HS-002']);
		expect(wrong.headerChoices.map((c) => c.line)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
		// Back to line 4 by choice: the eight dossiers, lines 5–12.
		const inspection = await (await openSource(file, null, 4)).inspect();
		const planned = { name: 'title-rows.csv', file, encoding: null, headerLine: 4, headers: inspection.headers, mapping: proposeMapping(inspection.headers) };
		const { tally } = await loadFiles(engine, [planned], REPLACE, () => {});
		expect([tally.rowsRead, tally.rowsLoaded]).toEqual([8, 8]);
	});
});

describe('hostile files: every line accounted for, the figures those of the clean twin', () => {
	for (const [name, want] of Object.entries(ACCOUNTS)) {
		it(name, async () => {
			const { tally } = await load(name);
			expect([tally.rowsRead, tally.rowsLoaded, tally.rowsRejected]).toEqual([want.rowsRead, want.rowsLoaded, want.rejected.length]);
			expect(tally.rowsRead).toBe(tally.rowsLoaded + tally.rowsRejected);
			const pick = (ps: typeof tally.rejected, wanted: typeof want.rejected) => ps.map((p, i) => ({ line: p.line, column: p.column, reason: p.reason, ...(wanted[i]?.value === undefined ? {} : { value: p.value }) }));
			expect(pick(tally.rejected, want.rejected)).toEqual(want.rejected);
			expect(pick(tally.warnings, want.warnings)).toEqual(want.warnings);
			expect(await engine!.query(DOSSIER_SQL)).toEqual(want.dossiers);
		});
	}
});

describe('the loaded data gives the figures worked out by hand', () => {
	it('custom period 01/03/2025 – 31/03/2025, by agency and in total', async () => {
		await load('vendor-a-utf8.csv');
		const catalog = await loadCatalog(engine!);
		const period = makePeriod({ kind: 'custom', first: '2025-03-01', last: '2025-03-31' });
		const [total] = await queryMetrics(engine!, { periods: [period] });
		const byAgency = await queryMetrics(engine!, { periods: [period], groupBy: ['agency'] });
		const pick = (m: Record<string, number>) => ({
			received: m.received,
			online: m.online,
			carried: m.carried,
			new: m.new,
			resolved: m.resolved,
			early: m.early,
			on_time: m.on_time,
			late: m.late,
			withdrawn: m.withdrawn,
			in_progress: m.in_progress,
			not_yet_due: m.not_yet_due,
			overdue: m.overdue
		});
		const want = (w: (typeof MARCH_2025)[keyof typeof MARCH_2025]) => ({
			received: w.received,
			online: w.online,
			carried: w.carried,
			new: w.new,
			resolved: w.resolved,
			early: w.early,
			on_time: w.on_time,
			late: w.late,
			withdrawn: w.withdrawn,
			in_progress: w.in_progress,
			not_yet_due: w.not_yet_due,
			overdue: w.overdue
		});
		expect(pick(total.counts as never)).toEqual(want(MARCH_2025.total));
		// One row for each of the three agencies worked out by hand, no more, no fewer.
		expect(byAgency.map((row) => catalog.agencies.get(row.keys.agency!)!.name).sort()).toEqual(['Sở Tư pháp', 'UBND huyện Sơn Tịnh', 'UBND xã Tịnh Hà']);
		for (const row of byAgency) {
			const name = catalog.agencies.get(row.keys.agency!)!.name as keyof typeof MARCH_2025;
			expect(pick(row.counts as never), name).toEqual(want(MARCH_2025[name]));
		}
		const [{ value }] = await engine!.query<{ value: string }>("SELECT value FROM dataset WHERE key = 'data_as_of'");
		expect(value).toBe('2025-03-20'); // the last day anything happened to a loaded dossier
		// Eight dossiers, the first received on 25/02 (HS-008): kept in the dataset, not counted at every start.
		expect(await datasetInfo(engine!)).toMatchObject({ dataAsOf: '2025-03-20', dataFrom: '2025-02-25', dossiers: 8 });
		const facts = await engine!.query<{ key: string; value: string }>("SELECT key, value FROM dataset WHERE key IN ('dossiers', 'data_from') ORDER BY key");
		expect(facts).toEqual([
			{ key: 'data_from', value: '2025-02-25' },
			{ key: 'dossiers', value: '8' }
		]);
	});

	it('kept as a database file and restored in another engine, then pre-aggregated: the same figures', async () => {
		await load('vendor-a-utf8.csv');
		const file = await savedTables(engine!);
		const other = await NodeEngine.open();
		try {
			await restoreUserTables(other, file);
			await assemble(other, { base: 'none', province: 'Thử nghiệm', cutoffDay: 15, baseAsOf: null });
			expect(await aggregatedPeriods(other)).toEqual(new Set()); // counted from the dossiers until built
			await buildAggregates(other);
			// March 2025 by reporting cut-off (15/2 – 14/3) is a standard period: read from the aggregates.
			const march = latestCompletePeriod('2025-03-20', 'reporting', 'month', 15);
			const aggregated = await aggregatedPeriods(other);
			expect(aggregated.has(periodKey(march))).toBe(true);
			const [fromAggregates] = await queryMetrics(other, { periods: [march] }, aggregated);
			const [fromDossiers] = await queryMetrics(engine!, { periods: [march] });
			expect(fromAggregates.counts).toEqual(fromDossiers.counts);
			const [{ n }] = await other.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM dossiers');
			expect(n).toBe(8);
		} finally {
			await other.close();
		}
	});
});

describe('bad rows are rejected with line, column and reason; odd rows load with a warning', () => {
	it('bad-rows.csv', async () => {
		const { tally } = await load('bad-rows.csv');
		expect([tally.rowsRead, tally.rowsNew, tally.rowsUnchanged, tally.rowsRejected]).toEqual([BAD_ROWS.rowsRead, BAD_ROWS.rowsNew, BAD_ROWS.rowsUnchanged, BAD_ROWS.rejected.length]);
		expect(tally.rejected.map(({ line, column, reason }) => ({ line, column, reason }))).toEqual(BAD_ROWS.rejected);
		expect(tally.warnings.map(({ line, column, reason }) => ({ line, column, reason }))).toEqual(BAD_ROWS.warnings);
		expect(tally.rowsRead).toBe(tally.rowsLoaded + tally.rowsRejected);
		const [{ n }] = await engine!.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM dossiers');
		expect(n).toBe(BAD_ROWS.rowsNew);
	});

	it('mixed-encodings.csv: rows in another encoding are rejected as garbled', async () => {
		const { tally } = await load('mixed-encodings.csv');
		expect([tally.rowsRead, tally.rowsLoaded]).toEqual([MIXED.rowsRead, MIXED.rowsLoaded]);
		expect(tally.rejected.map(({ line, reason }) => ({ line, reason }))).toEqual(MIXED.rejected);
	});

	it('adding a file to data that already holds its dossiers as they are finds each unchanged, and changes nothing', async () => {
		await load('vendor-a-utf8.csv');
		const catalog = await loadCatalog(engine!);
		const { tally, changed } = await load('vendor-b-utf8-bom-semicolon.csv', { ...REPLACE, mode: 'add', current: catalog });
		expect([tally.rowsRead, tally.rowsNew, tally.rowsUpdated, tally.rowsUnchanged, tally.rowsRejected, changed]).toEqual([8, 0, 0, 8, 0, false]);
		const [{ n }] = await engine!.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM dossiers');
		expect(n).toBe(8);
	});
});

describe('a load that loads nothing, or fails, leaves the data as it was', () => {
	it('adding a file whose every row is rejected changes nothing and lists each row', async () => {
		await load('vendor-a-utf8.csv');
		const catalog = await loadCatalog(engine!);
		// Three rows with no due date: each rejected as missing_due, in the due column, at lines 2–4.
		const text =
			'Mã hồ sơ,Ngày tiếp nhận,Ngày hẹn trả,Cơ quan,Cấp,Hình thức nộp\nX-1,03/03/2025,,Sở Tư pháp,Cấp tỉnh,Trực tiếp\nX-2,04/03/2025,,Sở Tư pháp,Cấp tỉnh,Trực tiếp\nX-3,05/03/2025,,UBND xã A,Cấp xã,Trực tuyến toàn trình\n';
		const file = new File([text], 'no-due.csv');
		const inspection = await (await openSource(file)).inspect();
		const planned = { name: 'no-due.csv', file, encoding: null, headerLine: null, headers: inspection.headers, mapping: proposeMapping(inspection.headers) };
		const { tally, changed } = await loadFiles(engine!, [planned], { ...REPLACE, mode: 'add', current: catalog }, () => {});
		expect([tally.rowsRead, tally.rowsLoaded, tally.rowsRejected, changed]).toEqual([3, 0, 3, false]);
		expect(tally.rejected.map(({ line, column, reason }) => ({ line, column, reason }))).toEqual([2, 3, 4].map((line) => ({ line, column: 'Ngày hẹn trả', reason: 'missing_due' })));
		const [{ n }] = await engine!.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM dossiers');
		expect(n).toBe(8);
	});

	it('a load failing at its second file keeps no batch of the first, and the next load is whole', async () => {
		engine ??= await NodeEngine.open();
		const good = (await plan('vendor-a-utf8.csv')).planned;
		const truncated = { ...good, name: 'truncated.xlsx', file: fixtureFile('truncated.xlsx') };
		const error = await loadFiles(engine, [good, truncated], REPLACE, () => {}).then(
			() => null,
			(e) => e
		);
		expect(error).toBeInstanceOf(FileError);
		expect(error.code).toBe('bad_xlsx');
		const [{ staged }] = await engine.query<{ staged: number }>("SELECT count(*)::INTEGER AS staged FROM duckdb_tables() WHERE table_name LIKE 'staged%'");
		expect(staged).toBe(0);
		const { tally } = await load('vendor-b-utf8-bom-semicolon.csv');
		expect([tally.rowsRead, tally.rowsLoaded]).toEqual([8, 8]);
		const [{ n }] = await engine.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM dossiers');
		expect(n).toBe(8);
	});
});

describe('bad files are refused whole with a reason', () => {
	for (const [name, code] of Object.entries(BAD_FILES)) {
		it(name, async () => {
			const error = await plan(name).then(
				() => null,
				(e) => e
			);
			expect(error).toBeInstanceOf(FileError);
			expect(error.code).toBe(code);
		});
	}

	it('damaged JSON names its line: the last, where the text stops', async () => {
		const error = await plan('json-damaged.json').catch((e) => e);
		expect(error.line).toBe(readFileSync(join(DIR, 'json-damaged.json'), 'utf8').split('\n').length);
	});

	it('a file failing while it loads is named in the error', async () => {
		engine ??= await NodeEngine.open();
		const good = (await plan('vendor-a-utf8.csv')).planned;
		const error = await loadFiles(engine, [good, { ...good, name: 'title-only.csv', file: fixtureFile('title-only.csv') }], REPLACE, () => {}).catch((e) => e);
		expect([error.code, error.file]).toEqual(['no_header', 'title-only.csv']);
	});
});

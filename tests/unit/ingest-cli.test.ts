/**
 * `npm run ingest`: the data page's readers, account and merge on native DuckDB, writing a
 * data folder the site publishes. The same expectations as the data page's tests
 * (tests/fixtures/updates and tests/fixtures/ingest, worked out by hand); the command run as
 * a process where its exit code, its output or its death matters.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest, REWRITE_ABOVE, type IngestOptions } from '../../scripts/ingest/run';
import { IngestError } from '../../scripts/ingest/plan';
import { period as makePeriod, periodKey } from '../../src/lib/core/domain/periods';
import { loadCatalog } from '../../src/lib/core/engine/catalog';
import { aggregatedPeriods, queryMetrics } from '../../src/lib/core/engine/metrics';
import { NodeEngine } from '../../src/lib/core/engine/node';
import { ACCOUNTS, BAD_FILES, BAD_ROWS, DOSSIER_SQL, DOSSIERS, GOOD_FILES, MIXED } from '../fixtures/ingest/expected';
import { APRIL_2025, CORRECTIONS, Q1_2025, REGISTER, REJECTED, UPDATE_ACCOUNTS } from '../fixtures/updates/expected';

const UPDATES = 'tests/fixtures/updates';
const CORPUS = 'tests/fixtures/ingest';
const root = mkdtempSync(join(tmpdir(), 'ingest-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
const newFolder = () => join(root, `data-${++folders}`);

const options = (out: string, files: string[], more: Partial<IngestOptions> = {}): IngestOptions => ({
	out,
	files,
	agencies: null,
	mapping: null,
	headerLine: null,
	province: 'Tỉnh Thử nghiệm',
	cutoffDay: null,
	keep: 7,
	rewriteAbove: REWRITE_ABOVE,
	locale: 'vi',
	say: () => {},
	...more
});
const account = (r: Awaited<ReturnType<typeof ingest>>) => ({ read: r.tally.rowsRead, new: r.tally.rowsNew, updated: r.tally.rowsUpdated, unchanged: r.tally.rowsUnchanged, rejected: r.tally.rowsRejected });

/** The command as an office runs it. */
function command(args: string[], env: Record<string, string> = {}) {
	const r = spawnSync('node_modules/.bin/tsx', ['scripts/ingest.ts', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
	return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Every file of a folder with its bytes, logs aside. */
function snapshot(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const f of readdirSync(dir)) if (f.endsWith('.duckdb') || f.endsWith('.json') || f.endsWith('.csv')) out[f] = readFileSync(join(dir, f)).toString('base64');
	return out;
}

const COUNTED = ['received', 'online', 'carried', 'new', 'resolved', 'early', 'on_time', 'late', 'withdrawn', 'in_progress', 'not_yet_due', 'overdue'] as const;
const pick = (m: Readonly<Record<string, number | null>>) => Object.fromEntries(COUNTED.map((k) => [k, m[k]]));
const want = (table: Readonly<Record<string, Readonly<Record<string, number | null>>>>) => Object.fromEntries(Object.entries(table).map(([k, row]) => [k, pick(row)]));

/** A period's counts by agency name and in total, from the folder's current database (its aggregates when the period is standard). */
async function figures(dir: string, spec: Parameters<typeof makePeriod>[0]) {
	const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
	const engine = await NodeEngine.open(join(dir, manifest.database), { access_mode: 'READ_ONLY' });
	try {
		const catalog = await loadCatalog(engine);
		const aggregated = await aggregatedPeriods(engine);
		const period = makePeriod(spec);
		if (spec.kind !== 'custom') expect(aggregated.has(periodKey(period))).toBe(true);
		const [total] = await queryMetrics(engine, { periods: [period] }, aggregated);
		const out: Record<string, ReturnType<typeof pick>> = { total: pick(total.counts as never) };
		for (const row of await queryMetrics(engine, { periods: [period], groupBy: ['agency'] }, aggregated)) out[catalog.agencies.get(row.keys.agency!)!.name] = pick(row.counts as never);
		return out;
	} finally {
		await engine.close();
	}
}

describe('two successive exports give the figures of the full export, through the command line', () => {
	it('export-1, then export-2 into the same folder; then export-2 again changes nothing', async () => {
		const dir = newFolder();
		const first = await ingest(options(dir, [join(UPDATES, 'export-1.csv')]));
		expect(account(first)).toEqual(UPDATE_ACCOUNTS['export-1.csv']);
		const second = await ingest(options(dir, [join(UPDATES, 'export-2.csv')]));
		expect(account(second)).toEqual(UPDATE_ACCOUNTS['export-2.csv']);
		expect(second.tally.rejected.map(({ line, column, reason }) => ({ line, column, reason }))).toEqual(REJECTED);
		const corrections = second.tally.warnings.filter((w) => w.previous !== undefined);
		expect(corrections.map(({ line, reason, column, previous, value }) => ({ line, reason, column, previous, value }))).toEqual(CORRECTIONS);
		expect(second.manifest).toMatchObject({ size: 11, dataAsOf: '2025-04-22', previous: first.manifest!.database });
		expect(await figures(dir, { kind: 'custom', first: '2025-04-01', last: '2025-04-30' })).toEqual(want(APRIL_2025));
		// The first quarter and April are standard periods: read from the aggregates written with the data.
		expect(await figures(dir, { kind: 'calendar', span: 'quarter', year: 2025, index: 1 })).toEqual(want(Q1_2025));
		expect(await figures(dir, { kind: 'calendar', span: 'month', year: 2025, index: 4 })).toEqual(want(APRIL_2025));

		const before = snapshot(dir);
		const again = await ingest(options(dir, [join(UPDATES, 'export-2.csv')]));
		expect([again.changed, account(again)]).toEqual([false, UPDATE_ACCOUNTS.again]);
		expect(snapshot(dir)).toEqual(before);
		// Another province name is a change of its own, though no dossier changed.
		const renamed = await ingest(options(dir, [join(UPDATES, 'export-2.csv')], { province: 'Tỉnh Khác' }));
		expect([renamed.changed, renamed.manifest!.province]).toEqual([true, 'Tỉnh Khác']);
		// The run's log: the account, the rejected row and the warnings, as the data page's downloads.
		const log = readFileSync(join(second.log, 'warnings.csv'), 'utf8');
		expect(log.startsWith('\uFEFF')).toBe(true);
		expect(log).toContain('export-2.csv,10,Ngày trả kết quả,11/03/2025 09:00,13/03/2025 09:00,corrected_closed,');
		expect(readFileSync(join(second.log, 'rejected.csv'), 'utf8')).toContain('export-2.csv,12,Ngày hẹn trả,,,missing_due,thiếu ngày hẹn trả');
		expect(readFileSync(join(second.log, 'account.csv'), 'utf8').split('\r\n')[1]).toMatch(/^[^,]+,export-2\.csv,11,3,6,1,1,2,province-[^,]+\.duckdb,11,2025-04-22$/);
	});

	it('the full export alone, in one run, gives the same figures', async () => {
		const dir = newFolder();
		expect(account(await ingest(options(dir, [join(UPDATES, 'full.csv')])))).toEqual(UPDATE_ACCOUNTS['full.csv']);
		expect(await figures(dir, { kind: 'custom', first: '2025-04-01', last: '2025-04-30' })).toEqual(want(APRIL_2025));
		expect(await figures(dir, { kind: 'calendar', span: 'quarter', year: 2025, index: 1 })).toEqual(want(Q1_2025));
	});
});

describe('a database brought up to date in a copy of the previous one', () => {
	/** Every table of a folder's current database, rows in one order, the facts of how it was written aside. */
	async function contents(dir: string) {
		const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
		const engine = await NodeEngine.open(join(dir, manifest.database), { access_mode: 'READ_ONLY' });
		try {
			const tables = ['dossiers', 'agencies', 'agency_successors', 'procedures', 'period_counts', 'period_level_counts', 'current_units', 'late_dossiers', 'aggregated_periods', 'dataset'];
			const out: Record<string, unknown[]> = {};
			for (const t of tables) {
				const where = t === 'dataset' ? " WHERE key <> 'appended_since_rewrite'" : '';
				out[t] = await engine.query(`SELECT * FROM ${t}${where} ORDER BY ALL`);
			}
			return out;
		} finally {
			await engine.close();
		}
	}

	it('holds what the same data written whole holds, table for table, and the hand-worked figures', async () => {
		const [copied, whole] = [newFolder(), newFolder()];
		for (const dir of [copied, whole]) await ingest(options(dir, [join(UPDATES, 'export-1.csv')]));
		// export-2 changes 9 of 8 dossiers: in the copy only because the share allowed is raised.
		await ingest(options(copied, [join(UPDATES, 'export-2.csv')], { rewriteAbove: 100 }));
		await ingest(options(whole, [join(UPDATES, 'export-2.csv')], { rewriteAbove: 0 }));
		// How each was written: 9 dossiers changed in the copy (U-02 … U-11 less U-04), none out of order in the other.
		const appended = async (dir: string) => {
			const engine = await NodeEngine.open(join(dir, JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).database), { access_mode: 'READ_ONLY' });
			try {
				return (await engine.query<{ value: string }>("SELECT value FROM dataset WHERE key = 'appended_since_rewrite'"))[0].value;
			} finally {
				await engine.close();
			}
		};
		expect([await appended(copied), await appended(whole)]).toEqual(['9', '0']);
		const [a, b] = [await contents(copied), await contents(whole)];
		expect(a.period_counts.length).toBeGreaterThan(50); // the comparison compares something
		// One record per dossier: the file has no unique index, the merge is what keeps ids unique.
		expect(new Set(a.dossiers.map((d) => (d as { id: string }).id)).size).toBe(11);
		expect(a.dossiers).toHaveLength(11);
		expect(a).toEqual(b);
		expect(await figures(copied, { kind: 'calendar', span: 'quarter', year: 2025, index: 1 })).toEqual(want(Q1_2025));
		expect(await figures(copied, { kind: 'calendar', span: 'month', year: 2025, index: 4 })).toEqual(want(APRIL_2025));
	});
});

describe('every file of the corpus gives the data page’s account through the command line', () => {
	for (const name of Object.keys(GOOD_FILES)) {
		it(name, async () => {
			const dir = newFolder();
			const r = await ingest(options(dir, [join(CORPUS, name)]));
			expect(account(r)).toEqual({ read: 8, new: 8, updated: 0, unchanged: 0, rejected: 0 });
			const engine = await NodeEngine.open(join(dir, r.manifest!.database), { access_mode: 'READ_ONLY' });
			try {
				expect(await engine.query(DOSSIER_SQL)).toEqual(DOSSIERS);
			} finally {
				await engine.close();
			}
		});
	}
	for (const [name, want] of Object.entries(ACCOUNTS)) {
		it(name, async () => {
			const dir = newFolder();
			const r = await ingest(options(dir, [join(CORPUS, name)]));
			// Distinct ids into a new folder: every row that loads is new.
			expect(account(r)).toEqual({ read: want.rowsRead, new: want.rowsLoaded, updated: 0, unchanged: 0, rejected: want.rejected.length });
			const pick = (ps: typeof r.tally.rejected, wanted: typeof want.rejected) => ps.map((p, i) => ({ line: p.line, column: p.column, reason: p.reason, ...(wanted[i]?.value === undefined ? {} : { value: p.value }) }));
			expect(pick(r.tally.rejected, want.rejected)).toEqual(want.rejected);
			expect(pick(r.tally.warnings, want.warnings)).toEqual(want.warnings);
			const engine = await NodeEngine.open(join(dir, r.manifest!.database), { access_mode: 'READ_ONLY' });
			try {
				expect(await engine.query(DOSSIER_SQL)).toEqual(want.dossiers);
			} finally {
				await engine.close();
			}
		});
	}
	it('bad-rows.csv', async () => {
		const r = await ingest(options(newFolder(), [join(CORPUS, 'bad-rows.csv')]));
		expect(account(r)).toEqual({ read: BAD_ROWS.rowsRead, new: BAD_ROWS.rowsNew, updated: 0, unchanged: BAD_ROWS.rowsUnchanged, rejected: BAD_ROWS.rejected.length });
		expect(r.tally.rejected.map(({ line, column, reason }) => ({ line, column, reason }))).toEqual(BAD_ROWS.rejected);
		expect(r.tally.warnings.map(({ line, column, reason }) => ({ line, column, reason }))).toEqual(BAD_ROWS.warnings);
	});
	it('mixed-encodings.csv', async () => {
		const r = await ingest(options(newFolder(), [join(CORPUS, 'mixed-encodings.csv')]));
		expect([r.tally.rowsRead, r.tally.rowsNew]).toEqual([MIXED.rowsRead, MIXED.rowsLoaded]);
		expect(r.tally.rejected.map(({ line, reason }) => ({ line, reason }))).toEqual(MIXED.rejected);
	});
	for (const [name, code] of Object.entries(BAD_FILES)) {
		it(`${name} is refused, naming the file and the cause, and the folder is not created`, async () => {
			const dir = newFolder();
			const error = await ingest(options(dir, [join(CORPUS, name)])).catch((e) => e);
			expect(error).toBeInstanceOf(IngestError);
			expect(error.message).toContain(name);
			const words: Record<(typeof BAD_FILES)[keyof typeof BAD_FILES], string> = {
				empty_file: 'tệp rỗng',
				no_rows: 'chỉ có dòng tiêu đề',
				binary_file: 'nhị phân',
				bad_xlsx: 'Excel bị hỏng',
				no_header: 'không tìm thấy dòng tiêu đề',
				json_no_records: 'không chứa danh sách hồ sơ',
				bad_json: 'JSON bị hỏng',
				bad_parquet: 'Parquet bị hỏng'
			};
			expect(error.message).toContain(words[code]);
			expect(existsSync(dir)).toBe(false);
		});
	}
});

describe('the agency register and the mapping file', () => {
	it('units come from the register: its codes, levels and successors; its bad rows are rejected with their reasons; the folder keeps it', async () => {
		const dir = newFolder();
		const r = await ingest(options(dir, [join(UPDATES, 'export-1.csv')], { agencies: join(UPDATES, 'agencies.csv') }));
		expect(r.registerRejected.map(({ line, column, reason }) => ({ line, column, reason }))).toEqual(REGISTER.rejected);
		const engine = await NodeEngine.open(join(dir, r.manifest!.database), { access_mode: 'READ_ONLY' });
		try {
			const units = await engine.query<{ id: string; name: string }>('SELECT id, name FROM agencies ORDER BY id');
			expect(Object.fromEntries(units.map((u) => [u.id, u.name]))).toEqual(REGISTER.units);
			expect(await engine.query('SELECT agency_id, successor_id FROM agency_successors ORDER BY agency_id')).toEqual(REGISTER.successors);
			const byUnit = await engine.query<{ agency_id: string; n: number }>('SELECT agency_id, count(*)::INTEGER AS n FROM dossiers GROUP BY agency_id ORDER BY agency_id');
			expect(Object.fromEntries(byUnit.map((u) => [u.agency_id, u.n]))).toEqual(REGISTER.dossiers);
		} finally {
			await engine.close();
		}
		// The folder's register: the four units, read again by the next run without --agencies.
		const register = readFileSync(join(dir, 'agencies.csv'), 'utf8')
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(register[0]).toBe('Mã đơn vị,Tên đầy đủ,Tên ngắn,Cấp,Mã đơn vị cấp trên,Hiệu lực từ,Hiệu lực đến,Mã đơn vị kế thừa,Cấp suy đoán');
		expect(register.slice(1).sort()).toEqual([
			'HST,Ủy ban nhân dân huyện Sơn Tịnh,UBND huyện Sơn Tịnh,huyện,,01/01/2020,30/06/2025,XTH2,',
			'STP,Sở Tư pháp,Sở Tư pháp,tỉnh,,01/01/2020,,,',
			'XTH,Ủy ban nhân dân xã Tịnh Hà,UBND xã Tịnh Hà,xã,HST,01/01/2020,30/06/2025,XTH2,',
			'XTH2,Ủy ban nhân dân xã Tịnh Hà mới,UBND xã Tịnh Hà mới,xã,,01/07/2025,,,'
		]);
		expect(readFileSync(join(r.log, 'register-rejected.csv'), 'utf8').trim().split('\r\n')).toHaveLength(1 + REGISTER.rejected.length);
		const next = await ingest(options(dir, [join(UPDATES, 'export-2.csv')]));
		expect(account(next)).toEqual(UPDATE_ACCOUNTS['export-2.csv']);
		expect(next.registerRejected).toEqual([]);
		// The office renames a unit in the folder's register: the next run applies it though no dossier changed.
		const file = join(dir, 'agencies.csv');
		writeFileSync(file, readFileSync(file, 'utf8').replace('Ủy ban nhân dân xã Tịnh Hà mới', 'Ủy ban nhân dân xã Tịnh Hà Đông'));
		const renamed = await ingest(options(dir, [join(UPDATES, 'export-2.csv')]));
		expect([renamed.changed, account(renamed)]).toEqual([true, UPDATE_ACCOUNTS.again]);
		const after = await NodeEngine.open(join(dir, renamed.manifest!.database), { access_mode: 'READ_ONLY' });
		try {
			expect(await after.query("SELECT name FROM agencies WHERE id = 'XTH2'")).toEqual([{ name: 'Ủy ban nhân dân xã Tịnh Hà Đông' }]);
		} finally {
			await after.close();
		}
		// Nothing edited since: nothing written.
		expect((await ingest(options(dir, [join(UPDATES, 'export-2.csv')]))).changed).toBe(false);
	});

	it('keeps a unit’s successors in the register’s order, the first the primary one: written whole, brought up to date, and over a file older than the ranks', async () => {
		const dir = newFolder();
		const file = join(root, 'split-register.csv');
		// HST and XTH pass their work to two new communes, XTH2 first though XTA sorts before it; HST names XTH2 twice.
		writeFileSync(
			file,
			[
				'Mã đơn vị,Tên đầy đủ,Tên ngắn,Cấp,Mã đơn vị cấp trên,Hiệu lực từ,Hiệu lực đến,Mã đơn vị kế thừa',
				'STP,Sở Tư pháp,Sở Tư pháp,tỉnh,,01/01/2020,,',
				'XTH,Ủy ban nhân dân xã Tịnh Hà,UBND xã Tịnh Hà,xã,HST,01/01/2020,30/06/2025,XTH2; XTA',
				'HST,Ủy ban nhân dân huyện Sơn Tịnh,UBND huyện Sơn Tịnh,huyện,,01/01/2020,30/06/2025,XTH2;XTA;XTH2',
				'XTH2,Ủy ban nhân dân xã Tịnh Hà mới,UBND xã Tịnh Hà mới,xã,,01/07/2025,,',
				'XTA,Ủy ban nhân dân xã Tịnh Ấn,UBND xã Tịnh Ấn,xã,,01/07/2025,,'
			].join('\n')
		);
		const ranked = [
			{ agency_id: 'HST', successor_id: 'XTA', rank: 2 },
			{ agency_id: 'HST', successor_id: 'XTH2', rank: 1 },
			{ agency_id: 'XTH', successor_id: 'XTA', rank: 2 },
			{ agency_id: 'XTH', successor_id: 'XTH2', rank: 1 }
		];
		const database = () => join(dir, JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).database);
		const successors = async () => {
			const engine = await NodeEngine.open(database(), { access_mode: 'READ_ONLY' });
			try {
				const today = (await loadCatalog(engine)).agencies.get('XTH')!.currentId;
				return { rows: await engine.query('SELECT agency_id, successor_id, rank FROM agency_successors ORDER BY ALL'), today };
			} finally {
				await engine.close();
			}
		};
		await ingest(options(dir, [join(UPDATES, 'export-1.csv')], { agencies: file }));
		expect(await successors()).toEqual({ rows: ranked, today: 'XTH2' });
		const register = readFileSync(join(dir, 'agencies.csv'), 'utf8')
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		// Quoted: the folder's CSV quotes a cell holding the ';' spreadsheets may split on.
		expect(register.filter((l) => /^(HST|XTH),/.test(l)).map((l) => l.split(',')[7])).toEqual(['"XTH2; XTA"', '"XTH2; XTA"']);
		// The database as a version before the ranks wrote it: no rank, no table of today's units. The next run writes it
		// again though no dossier changed, in a copy of it (the update of a few dossiers), with the ranks and that table.
		const old = await NodeEngine.open(database());
		await old.run('CREATE OR REPLACE TABLE agency_successors AS SELECT agency_id, successor_id FROM agency_successors; DROP TABLE current_units; CHECKPOINT');
		expect(await aggregatedPeriods(old)).toEqual(new Set());
		await old.close();
		const again = await ingest(options(dir, [join(UPDATES, 'export-1.csv')]));
		expect([again.changed, again.tally.rowsNew + again.tally.rowsUpdated]).toEqual([true, 0]);
		expect(await successors()).toEqual({ rows: ranked, today: 'XTH2' });
		const rewritten = await NodeEngine.open(database(), { access_mode: 'READ_ONLY' });
		expect((await aggregatedPeriods(rewritten)).size).toBeGreaterThan(0);
		await rewritten.close();
		// The register and the database agree on the order: nothing to write, then or after new dossiers.
		expect((await ingest(options(dir, [join(UPDATES, 'export-1.csv')]))).changed).toBe(false);
		await ingest(options(dir, [join(UPDATES, 'export-2.csv')]));
		expect(await successors()).toEqual({ rows: ranked, today: 'XTH2' });
		expect((await ingest(options(dir, [join(UPDATES, 'export-2.csv')]))).changed).toBe(false);
	});

	it('a first ingest writes a starting register, marking the levels it inferred from a unit’s name', async () => {
		const dir = newFolder();
		const file = join(root, 'no-level.csv');
		// No level column: "Sở …" is a province department, "UBND xã …" a commune, by their names.
		writeFileSync(file, 'Mã hồ sơ,Ngày tiếp nhận,Ngày hẹn trả,Cơ quan,Hình thức nộp\nN-1,03/03/2025 08:00,10/03/2025,Sở Tư pháp,Trực tiếp\nN-2,04/03/2025 08:00,11/03/2025,UBND xã Tịnh Hà,Trực tiếp\n');
		await ingest(options(dir, [file]));
		const register = readFileSync(join(dir, 'agencies.csv'), 'utf8')
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(register.slice(1)).toEqual(['Sở Tư pháp,Sở Tư pháp,Sở Tư pháp,tỉnh,,03/03/2025,,,có', 'UBND xã Tịnh Hà,UBND xã Tịnh Hà,UBND xã Tịnh Hà,xã,,04/03/2025,,,có']);
	});

	it('a mapping file downloaded from the data page maps a vendor’s columns, its header row included', async () => {
		const file = join(root, 'vendor-x.csv');
		// A title line, then headers the proposal does not know for the due date and the channel.
		writeFileSync(file, 'DANH SÁCH HỒ SƠ\nMã hồ sơ,Ngày tiếp nhận,Hạn chót,Cơ quan,Cấp,Kênh\nX-1,03/03/2025 08:00,10/03/2025,Sở Tư pháp,Cấp tỉnh,Trực tiếp\n');
		const error = await ingest(options(newFolder(), [file])).catch((e) => e);
		expect(error).toBeInstanceOf(IngestError);
		expect(error.message).toContain('"Ngày hẹn trả", "Hình thức nộp"');
		const mapping = join(root, 'vendor-x.mapping.json');
		writeFileSync(mapping, JSON.stringify({ format: 'one-stop-dashboard/mapping', version: 1, headerLine: 2, fields: { due_at: 'Hạn chót', channel: 'Kênh', rating: null } }));
		const r = await ingest(options(newFolder(), [file], { mapping }));
		expect(account(r)).toEqual({ read: 1, new: 1, updated: 0, unchanged: 0, rejected: 0 });
		writeFileSync(mapping, JSON.stringify({ format: 'one-stop-dashboard/mapping', version: 1, fields: { due_at: 'Hạn xử lý' } }));
		const missing = await ingest(options(newFolder(), [file], { mapping })).catch((e) => e);
		expect(missing.message).toBe(`Tệp ${file} không có cột "Hạn xử lý" mà tệp ghép cột ${mapping} chỉ ra. Hãy sửa tệp ghép cột, hoặc bỏ --mapping để dùng cách ghép tự động.`);
	});
});

describe('the holiday calendar', () => {
	/** The days off of the folder's current database. */
	async function heldDays(dir: string): Promise<{ day: string; name: string }[]> {
		const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
		const engine = await NodeEngine.open(join(dir, manifest.database), { access_mode: 'READ_ONLY' });
		try {
			return await engine.query(`SELECT strftime(day, '%Y-%m-%d') AS day, name FROM holidays ORDER BY day`);
		} finally {
			await engine.close();
		}
	}

	it('is written from the file given, kept in the folder, read again by the next run, and an edit to it alone is a change', async () => {
		const dir = newFolder();
		const file = join(root, 'ngay-nghi.csv');
		// Two ways of writing a day, a name with a comma, a day written twice (kept once, its first name), an empty line.
		writeFileSync(file, '\uFEFFNgày,Tên ngày nghỉ\r\n30/04/2025,"Giải phóng miền Nam, Quốc tế Lao động"\r\n2025-05-01,Quốc tế Lao động\r\n30/4/2025,Lặp lại\r\n,\r\n02/09/2025,Quốc khánh\r\n');
		const said: string[] = [];
		await ingest(options(dir, [join(UPDATES, 'export-1.csv')], { holidays: file, say: (l) => said.push(l) }));
		const days = [
			{ day: '2025-04-30', name: 'Giải phóng miền Nam, Quốc tế Lao động' },
			{ day: '2025-05-01', name: 'Quốc tế Lao động' },
			{ day: '2025-09-02', name: 'Quốc khánh' }
		];
		expect(await heldDays(dir)).toEqual(days);
		expect(said).toContain(`Lịch nghỉ lễ ${file}: 3 ngày nghỉ.`);
		expect(readFileSync(join(dir, 'holidays.csv'), 'utf8')).toBe('\uFEFFNgày,Tên ngày nghỉ\r\n30/4/2025,"Giải phóng miền Nam, Quốc tế Lao động"\r\n1/5/2025,Quốc tế Lao động\r\n2/9/2025,Quốc khánh\r\n');

		// The next run reads the folder's copy: nothing changed, nothing written.
		const again = await ingest(options(dir, [join(UPDATES, 'export-1.csv')]));
		expect(again.changed).toBe(false);
		// The calendar edited (a day added) is a change, though no dossier changed; the database is brought up to date.
		writeFileSync(join(dir, 'holidays.csv'), readFileSync(join(dir, 'holidays.csv'), 'utf8') + '1/9/2025,Quốc khánh\r\n');
		const edited = await ingest(options(dir, [join(UPDATES, 'export-1.csv')]));
		expect(edited.changed).toBe(true);
		expect((await heldDays(dir)).map((h) => h.day)).toEqual(['2025-04-30', '2025-05-01', '2025-09-01', '2025-09-02']);
		// Without any file, the next run keeps the database's calendar.
		rmSync(join(dir, 'holidays.csv'));
		const kept = await ingest(options(dir, [join(UPDATES, 'export-2.csv')]));
		expect(kept.changed).toBe(true);
		expect((await heldDays(dir)).map((h) => h.day)).toEqual(['2025-04-30', '2025-05-01', '2025-09-01', '2025-09-02']);
	});

	it('a calendar with a day that is not a day is refused, naming the line, and nothing is written', async () => {
		const dir = newFolder();
		await ingest(options(dir, [join(UPDATES, 'export-1.csv')]));
		const before = snapshot(dir);
		const file = join(root, 'ngay-nghi-sai.csv');
		writeFileSync(file, 'Ngày,Tên ngày nghỉ\n30/04/2025,Giải phóng\n31/04/2025,Không có ngày này\n');
		await expect(ingest(options(dir, [join(UPDATES, 'export-2.csv')], { holidays: file }))).rejects.toThrow(
			new IngestError(`Lịch nghỉ lễ ${file}, dòng 3: "31/04/2025" không phải là một ngày (dd/mm/yyyy). Chưa ghi gì; hãy sửa dòng đó rồi chạy lại.`)
		);
		writeFileSync(file, 'Ngày lễ,Ghi chú\n30/04/2025,x\n');
		await expect(ingest(options(dir, [join(UPDATES, 'export-2.csv')], { holidays: file }))).rejects.toThrow(/thiếu cột "Ngày", "Tên ngày nghỉ"/);
		expect(snapshot(dir)).toEqual(before);
	});
});

describe('the command as a process', () => {
	it('prints one line of the account and exits 0; a file that cannot be mapped exits 1 naming the file and the field, and the folder is as it was', () => {
		const dir = newFolder();
		const ok = command(['--out', dir, '--province', 'Tỉnh Thử nghiệm', join(UPDATES, 'export-1.csv')]);
		expect(ok.status).toBe(0);
		expect(ok.stdout.trim()).toBe(`${join(UPDATES, 'export-1.csv')}: 8 dòng đã đọc = 8 mới + 0 cập nhật + 0 không đổi + 0 bị loại; 0 cảnh báo.`);
		const before = snapshot(dir);
		const noDue = join(root, 'no-due.csv');
		writeFileSync(noDue, 'Mã hồ sơ,Ngày tiếp nhận,Cơ quan,Cấp,Hình thức nộp\nX-1,03/03/2025,Sở Tư pháp,Cấp tỉnh,Trực tiếp\n');
		const bad = command(['--out', dir, noDue]);
		expect(bad.status).toBe(1);
		expect(bad.stderr).toContain(`Tệp ${noDue}: không tìm thấy cột cho "Ngày hẹn trả"`);
		expect(bad.stderr).toContain('--mapping');
		expect(bad.stderr).toContain('dữ liệu trong');
		expect(snapshot(dir)).toEqual(before);
		expect(command(['--out', dir]).status).toBe(2);
	});

	for (const stage of ['read', 'write', 'manifest']) {
		it(`killed ${{ read: 'mid-read', write: 'mid-write', manifest: 'before the manifest' }[stage]}: the previous database and manifest are whole, byte for byte, and the next run works`, () => {
			const dir = newFolder();
			expect(command(['--out', dir, '--province', 'Tỉnh Thử nghiệm', join(UPDATES, 'export-1.csv')]).status).toBe(0);
			const before = snapshot(dir);
			const killed = command(['--out', dir, join(UPDATES, 'export-2.csv')], { INGEST_STOP_AT: stage });
			// Killed outright (tsx, which runs the script in a child, reports that as 128 + 9).
			expect(killed.signal === 'SIGKILL' || killed.status === 137).toBe(true);
			const after = snapshot(dir);
			const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
			expect(after['manifest.json']).toBe(before['manifest.json']);
			expect(after[manifest.database]).toBe(before[manifest.database]);
			const next = command(['--out', dir, join(UPDATES, 'export-2.csv')]);
			expect(next.status).toBe(0);
			expect(next.stdout).toContain('11 dòng đã đọc = 3 mới + 6 cập nhật + 1 không đổi + 1 bị loại');
		});
	}
});

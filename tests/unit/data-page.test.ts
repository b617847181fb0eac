/**
 * The data page without its markup: its words and records (data/model.ts), and its whole
 * sequence (data/page.svelte.ts) on native DuckDB behind the coordinator: files chosen and
 * read, a load through `db.change`, the data then sorted, aggregated and saved in the
 * background, a load that changes nothing, a file that cannot be read, and clearing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CUTOFF_DAY } from '../../src/lib/core/domain/periods';
import { loadCatalog } from '../../src/lib/core/engine/catalog';
import { Coordinator } from '../../src/lib/core/engine/coordinator';
import { NodeEngine } from '../../src/lib/core/engine/node';
import { datasetInfo } from '../../src/lib/core/engine/source';
import type { Locale } from '../../src/lib/core/format/format';
import { proposeMapping } from '../../src/lib/ingest/headers';
import { readFiles, type Reader } from '../../src/lib/ingest/ingest';
import { FileError } from '../../src/lib/ingest/sources';
import { assemble, resetUserTables } from '../../src/lib/ingest/store';
import { Tally } from '../../src/lib/ingest/tally';
import type { LoadAccount, SavedLoads } from '../../src/lib/session/saved';
import type { Session } from '../../src/lib/session/session';
import { accountOf, canLoad, dataNowKey, dataNowText, fileErrorText, loadFailedText, mappingFileName, newEntry, readyEntries, savedAfter, sizeText, type Entry } from '../../src/lib/data/model';
import { DataPage, type DataServices } from '../../src/lib/data/page.svelte';
import { BAD_ROWS } from '../fixtures/ingest/expected';

const DIR = 'tests/fixtures/ingest';
const fixtureFile = (name: string) => new File([readFileSync(join(DIR, name))], name);

const INFO = { province: 'Thử nghiệm', dataAsOf: '2025-03-20', cutoffDay: 15, dossiers: 1234 } as Session['info'];
const session = (s: Partial<Session>): Session => ({ info: INFO, base: 'sample', siteAsOf: '2023-03-31', saved: null, ...s }) as Session;
const account = (files: string[]): LoadAccount =>
	({ files, loadedAt: '', rowsRead: 0, rowsNew: 0, rowsUpdated: 0, rowsUnchanged: 0, rowsRejected: 0, rejected: [], warnings: [], quality: [], newAgencies: [] }) satisfies LoadAccount;

describe('the data page in words', () => {
	it('says what the data on screen is made of: the site, nothing, the user’s files, or both', () => {
		const saved = (base: 'sample' | 'none'): SavedLoads => ({ base, province: 'Thử nghiệm', cutoffDay: 15, loads: [account(['a.csv']), account(['b.csv', 'c.xlsx'])] });
		expect(dataNowKey(session({}))).toBe('dataNowSite');
		expect(dataNowKey(session({ base: 'none', siteAsOf: null }))).toBe('dataNowEmpty');
		expect(dataNowKey(session({ base: 'none', saved: saved('none') }))).toBe('dataNowLoaded');
		expect(dataNowKey(session({ saved: saved('sample') }))).toBe('dataNowAdded');
		expect(dataNowText('vi', session({}))).toBe('Dữ liệu mẫu của trang: 1.234 hồ sơ, đến hết ngày 20/3/2025.');
		expect(dataNowText('vi', session({ base: 'none', saved: saved('none') }))).toBe('Dữ liệu bạn đã tải lên (a.csv, b.csv, c.xlsx): 1.234 hồ sơ, đến hết ngày 20/3/2025.');
		expect(dataNowText('en', session({ saved: saved('sample') }))).toBe("The site's sample data with data you loaded (a.csv, b.csv, c.xlsx): 1,234 dossiers, up to the end of 20/3/2025.");
	});

	it('names a file’s problem in words, and the file when a load fails because of it', () => {
		expect(fileErrorText('vi', new FileError('binary_file'))).toBe('đây không phải tệp văn bản, Excel, Parquet hay JSON (nội dung nhị phân). Có thể tệp bị đổi đuôi.');
		const failing = new FileError('empty_file');
		failing.file = 'rong.csv';
		expect(loadFailedText('vi', failing)).toBe('Không tải được dữ liệu: Không đọc được tệp rong.csv: tệp rỗng.. Dữ liệu đang dùng giữ nguyên.');
		// Anything else: never a library's message (it goes to the console for developers).
		const error = console.error;
		console.error = () => {};
		try {
			expect(fileErrorText('en', new TypeError('x is undefined'))).toBe('an unexpected error while reading the file. Try again; if it persists, open the file in Excel and save it as .xlsx or CSV UTF-8, then load that.');
		} finally {
			console.error = error;
		}
		expect(mappingFileName('xuat.thang.3.csv')).toBe('xuat.thang.3.mapping.json');
		expect(sizeText('vi', 1_500_000)).toBe('1.465 KB');
	});

	it('records a load’s account from its tally, and keeps it with the earlier loads only when adding', () => {
		const tally = new Tally();
		tally.rowsRead = 10;
		tally.rowsNew = 6;
		tally.rowsUpdated = 2;
		tally.rowsUnchanged = 1;
		const problem = { file: 'x.csv', line: 7, column: 'Mã hồ sơ', value: '', reason: 'missing_id', agency: 'Sở Tư pháp', month: '2025-03' } as const;
		tally.reject(problem);
		const a = accountOf(['x.csv'], { tally, newAgencies: ['Sở Tư pháp'] }, new Date('2025-04-01T03:00:00Z'));
		expect(a).toEqual({
			...account(['x.csv']),
			loadedAt: '2025-04-01T03:00:00.000Z',
			rowsRead: 10,
			rowsNew: 6,
			rowsUpdated: 2,
			rowsUnchanged: 1,
			rowsRejected: 1,
			rejected: [problem],
			quality: [{ reason: 'missing_id', agency: 'Sở Tư pháp', month: '2025-03', count: 1 }],
			newAgencies: ['Sở Tư pháp']
		});
		const before = session({ saved: { base: 'sample', province: 'Cũ', cutoffDay: 15, loads: [account(['old.csv'])] } });
		expect(savedAfter(before, { base: 'sample' }, 'add', 'Mới', a)).toEqual({ base: 'sample', province: 'Mới', cutoffDay: 15, loads: [account(['old.csv']), a] });
		expect(savedAfter(before, { base: 'none' }, 'replace', 'Mới', a)).toEqual({ base: 'none', province: 'Mới', cutoffDay: 15, loads: [a] });
	});

	it('loads only when every readable file is mapped and nothing else runs', () => {
		const mapped = (key: number, headers: string[]): Entry => {
			const inspection = { headers } as Entry['inspection'];
			return { ...newEntry(key, new File([''], `${key}.csv`)), inspection, mapping: proposeMapping(headers) };
		};
		const full = mapped(1, ['Mã hồ sơ', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Cơ quan', 'Hình thức nộp']);
		const partial = mapped(2, ['Mã hồ sơ', 'Cơ quan']);
		const broken = { ...newEntry(3, new File([''], '3.csv')), error: 'tệp rỗng.' };
		expect(readyEntries([full, partial, broken])).toEqual([full]);
		expect(canLoad([full, broken], false)).toBe(true);
		expect(canLoad([full, broken], true)).toBe(false);
		expect(canLoad([full, partial], false)).toBe(false);
		expect(canLoad([broken], false)).toBe(false);
	});
});

describe('the data page’s sequence on native DuckDB', () => {
	let engine: NodeEngine | null = null;
	afterEach(async () => {
		await engine?.close();
		engine = null;
	});

	/** A site without data, as session.ts opens it: empty tables behind the coordinator. */
	async function emptySite(): Promise<Session> {
		engine = await NodeEngine.open();
		await resetUserTables(engine);
		await assemble(engine, { base: 'none', province: '', cutoffDay: DEFAULT_CUTOFF_DAY, baseAsOf: null });
		const db = new Coordinator(engine);
		const [info, catalog] = await Promise.all([datasetInfo(db), loadCatalog(db)]);
		return { db, info, catalog, base: 'none', siteAsOf: null, saved: null };
	}

	function page(start: Session, locale: Locale = 'vi', read: Reader = readFiles) {
		const host = { session: start as Session | null, address: locale, replaced: 0, replace: (s: Session) => ((host.session = s), host.replaced++) };
		const record = { saved: [] as { loads: SavedLoads; tables: string[] }[], asked: 0, forgotten: 0, reloaded: 0, answer: false };
		const services: DataServices = {
			read,
			save: async (loads, tables) => void record.saved.push({ loads, tables: Object.keys(tables).sort() }),
			forget: async () => record.forgotten++,
			ask: () => (record.asked++, record.answer),
			reload: () => record.reloaded++,
			download: () => {}
		};
		return { host, record, data: new DataPage(host, services) };
	}

	it('reads the chosen files, loads them alone, then aggregates and saves them in the background', async () => {
		const { host, record, data } = page(await emptySite());
		expect(data.nowText).toBe('Trang này chưa có dữ liệu. Hãy tải lên tệp xuất từ hệ thống một cửa của bạn.');
		expect(data.ready).toBe(true);
		expect(data.canLoad).toBe(false);

		await data.addFiles([fixtureFile('bad-rows.csv'), fixtureFile('binary-renamed.csv')]);
		expect(data.entries.map((e) => [e.file.name, e.error])).toEqual([
			['bad-rows.csv', null],
			['binary-renamed.csv', 'đây không phải tệp văn bản, Excel, Parquet hay JSON (nội dung nhị phân). Có thể tệp bị đổi đuôi.']
		]);
		expect(data.entries[0].inspection?.format).toBe('delimited');
		// A file that cannot be read does not hold the others back.
		expect(data.canLoad).toBe(true);
		data.province = '  Tỉnh Thử nghiệm ';

		await data.load();
		expect(data.outcome).toEqual({ kind: 'done', text: 'Đã tải xong.' });
		expect(data.progress).toBeNull();
		expect(data.entries).toEqual([]);
		expect(data.account).toMatchObject({ files: ['bad-rows.csv'], rowsRead: BAD_ROWS.rowsRead, rowsNew: BAD_ROWS.rowsNew, rowsUnchanged: BAD_ROWS.rowsUnchanged, rowsRejected: BAD_ROWS.rejected.length });
		expect(data.account!.rejected.map((r) => [r.line, r.reason])).toEqual(BAD_ROWS.rejected.map((r) => [r.line, r.reason]));
		// The data is on screen before it is aggregated and saved.
		expect(data.finishing).toBe('aggregating');
		expect(data.busyFinishing).toBe(true);
		expect(data.canLoad).toBe(false);
		expect(host.replaced).toBe(1);
		expect(host.session!.info).toMatchObject({ province: 'Tỉnh Thử nghiệm', dossiers: BAD_ROWS.rowsNew });

		await data.finished;
		expect(data.finishing).toBe('saved');
		expect(host.replaced).toBe(2);
		expect(record.saved).toHaveLength(1);
		expect(record.saved[0].loads).toMatchObject({ base: 'none', province: 'Tỉnh Thử nghiệm', loads: [{ files: ['bad-rows.csv'] }] });
		expect(record.saved[0].tables).toEqual(['user_agencies', 'user_dossiers', 'user_procedures', 'user_replaced']);
		expect(data.nowText).toMatch(/^Dữ liệu bạn đã tải lên \(bad-rows\.csv\): 5 hồ sơ, đến hết ngày \d+\/\d+\/\d{4}\.$/);
		// The aggregates exist now, read through the same coordinator.
		const [{ n }] = await host.session!.db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM memory.period_counts');
		expect(n).toBeGreaterThan(0);

		// The same rows again, added: nothing new or changed, so nothing on screen changes.
		data.mode = 'add';
		await data.addFiles([fixtureFile('bad-rows.csv')]);
		await data.load();
		expect(data.outcome).toEqual({ kind: 'nothing', text: 'Không có hồ sơ nào mới hoặc thay đổi: dữ liệu đang dùng giữ nguyên.' });
		expect(data.account).toMatchObject({ rowsNew: 0, rowsUnchanged: BAD_ROWS.rowsNew + BAD_ROWS.rowsUnchanged });
		expect(data.finishing).toBeNull();
		expect(host.replaced).toBe(2);
		expect(data.entries).toHaveLength(1); // the file stays chosen
	});

	it('a load that fails names the file and keeps the data; clearing asks first', async () => {
		// The second file fails while it is read (a file changed on disk since it was chosen, say).
		const failing: Reader = async (files, known, stage, onProgress) => {
			await readFiles(files.slice(0, 1), known, stage, onProgress);
			const e = new FileError('no_header');
			e.file = files[1].name;
			throw e;
		};
		const { host, record, data } = page(await emptySite(), 'vi', failing);
		const before = host.session;
		await data.addFiles([fixtureFile('vendor-a-utf8.csv'), fixtureFile('title-rows.csv')]);
		await data.load();
		expect(data.outcome?.kind).toBe('failed');
		expect(data.outcome?.text).toMatch(/^Không tải được dữ liệu: Không đọc được tệp title-rows\.csv: không tìm thấy dòng tiêu đề/);
		expect(host.session).toBe(before);
		expect(data.finishing).toBeNull();
		expect(data.progress).toBeNull();

		expect(data.entries).toHaveLength(2); // the files stay chosen
		data.remove(data.entries[1]);
		expect(data.entries.map((e) => e.file.name)).toEqual(['vendor-a-utf8.csv']);
		expect(data.nowText).toBe('Trang này chưa có dữ liệu. Hãy tải lên tệp xuất từ hệ thống một cửa của bạn.');

		await data.clear();
		expect(record).toMatchObject({ asked: 1, forgotten: 0, reloaded: 0 });
		record.answer = true;
		await data.clear();
		expect(record).toMatchObject({ asked: 2, forgotten: 1, reloaded: 1 });
	});

	it('a header row or an encoding chosen reads the file again', async () => {
		const { data } = page(await emptySite());
		await data.addFiles([fixtureFile('title-rows.csv')]);
		const entry = data.entries[0];
		const proposed = entry.inspection!.headerLine;
		expect(proposed).toBeGreaterThan(0);
		await data.setHeaderLine(entry, proposed + 1);
		expect(entry.inspection!.headerLine).toBe(proposed + 1);
		expect(entry.inspection!.headers[0]).not.toBe('Mã hồ sơ');
		await data.setHeaderLine(entry, proposed);
		expect(entry.inspection!.headers[0]).toBe('Mã hồ sơ');
		await data.setEncoding(entry, 'windows-1258');
		expect(entry.inspection!.encoding).toBe('windows-1258');
		expect(entry.inspection!.headers[0]).not.toBe('Mã hồ sơ'); // UTF-8 read as Windows-1258
	});
});

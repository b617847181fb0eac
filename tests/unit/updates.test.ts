/**
 * Updates, not duplicates: two successive exports loaded one after the other give every
 * figure of the one full export they were cut from (tests/fixtures/updates, worked out by
 * hand), with the account read = new + updated + unchanged + rejected and the corrections
 * listed with their old and new values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { period as makePeriod } from '../../src/lib/core/domain/periods';
import { loadCatalog } from '../../src/lib/core/engine/catalog';
import { queryMetrics } from '../../src/lib/core/engine/metrics';
import { NodeEngine } from '../../src/lib/core/engine/node';
import { proposeMapping } from '../../src/lib/ingest/headers';
import { loadFiles, type LoadOptions } from '../../src/lib/ingest/load';
import { openSource } from '../../src/lib/ingest/sources';
import type { Tally } from '../../src/lib/ingest/tally';
import { APRIL_2025, CORRECTIONS, Q1_2025, REJECTED, UPDATE_ACCOUNTS } from '../fixtures/updates/expected';

const DIR = 'tests/fixtures/updates';
const REPLACE: LoadOptions = { mode: 'replace', province: 'Thử nghiệm', cutoffDay: 15, base: 'none', baseAsOf: null, current: null };

async function planned(name: string, text = readFileSync(join(DIR, name))) {
	const file = new File([text], name);
	const { headers } = await (await openSource(file)).inspect();
	return { name, file, encoding: null, headerLine: null, headers, mapping: proposeMapping(headers) };
}

const account = (t: Tally) => ({ read: t.rowsRead, new: t.rowsNew, updated: t.rowsUpdated, unchanged: t.rowsUnchanged, rejected: t.rowsRejected });

let engines: NodeEngine[] = [];
afterEach(async () => {
	for (const e of engines) await e.close();
	engines = [];
});
async function engine() {
	const e = await NodeEngine.open();
	engines.push(e);
	return e;
}

async function add(e: NodeEngine, name: string) {
	return loadFiles(e, [await planned(name)], { ...REPLACE, mode: 'add', current: await loadCatalog(e) }, () => {});
}

const COUNTED = ['received', 'online', 'carried', 'new', 'resolved', 'early', 'on_time', 'late', 'withdrawn', 'in_progress', 'not_yet_due', 'overdue'] as const;
const pick = (m: Readonly<Record<string, number | null>>) => Object.fromEntries(COUNTED.map((k) => [k, m[k]]));
const want = (table: Readonly<Record<string, Readonly<Record<string, number | null>>>>) => Object.fromEntries(Object.entries(table).map(([k, row]) => [k, pick(row)]));

/** The counts of a period by agency name and in total. */
async function figures(e: NodeEngine, first: string, last: string) {
	const catalog = await loadCatalog(e);
	const period = makePeriod({ kind: 'custom', first, last });
	const [total] = await queryMetrics(e, { periods: [period] });
	const out: Record<string, ReturnType<typeof pick>> = { total: pick(total.counts as never) };
	for (const row of await queryMetrics(e, { periods: [period], groupBy: ['agency'] })) out[catalog.agencies.get(row.keys.agency!)!.name] = pick(row.counts as never);
	return out;
}

describe('two successive exports give the figures of the full export', () => {
	it('export-1 then export-2 added: the accounts, the corrections and the hand-worked figures', async () => {
		const e = await engine();
		const first = await loadFiles(e, [await planned('export-1.csv')], REPLACE, () => {});
		expect(account(first.tally)).toEqual(UPDATE_ACCOUNTS['export-1.csv']);
		const second = await add(e, 'export-2.csv');
		expect(second.changed).toBe(true);
		expect(account(second.tally)).toEqual(UPDATE_ACCOUNTS['export-2.csv']);
		expect(second.tally.rejected.map(({ line, column, reason }) => ({ line, column, reason }))).toEqual(REJECTED);
		const corrections = second.tally.warnings.filter((w) => w.previous !== undefined);
		expect(corrections.map(({ line, reason, column, previous, value }) => ({ line, reason, column, previous, value }))).toEqual(CORRECTIONS);
		const [{ n, ids }] = await e.query<{ n: number; ids: number }>('SELECT count(*)::INTEGER AS n, count(DISTINCT id)::INTEGER AS ids FROM dossiers');
		expect([n, ids]).toEqual([11, 11]);
		expect(await figures(e, '2025-04-01', '2025-04-30')).toEqual(want(APRIL_2025));
		expect(await figures(e, '2025-01-01', '2025-03-31')).toEqual(want(Q1_2025));
	});

	it('the full export alone gives the same figures', async () => {
		const e = await engine();
		const { tally } = await loadFiles(e, [await planned('full.csv')], REPLACE, () => {});
		expect(account(tally)).toEqual(UPDATE_ACCOUNTS['full.csv']);
		expect(await figures(e, '2025-04-01', '2025-04-30')).toEqual(want(APRIL_2025));
		expect(await figures(e, '2025-01-01', '2025-03-31')).toEqual(want(Q1_2025));
	});

	it('both exports in one load, in order: the same figures, the later file winning', async () => {
		const e = await engine();
		const { tally } = await loadFiles(e, [await planned('export-1.csv'), await planned('export-2.csv')], REPLACE, () => {});
		// Eleven dossiers: export-1's eight are new, then export-2 as when added.
		expect(account(tally)).toEqual({ read: 19, new: 11, updated: 6, unchanged: 1, rejected: 1 });
		expect(await figures(e, '2025-04-01', '2025-04-30')).toEqual(want(APRIL_2025));
	});

	it('adding export-2 again changes nothing: every row unchanged, and the data stays as it was', async () => {
		const e = await engine();
		await loadFiles(e, [await planned('export-1.csv')], REPLACE, () => {});
		await add(e, 'export-2.csv');
		const again = await add(e, 'export-2.csv');
		expect(again.changed).toBe(false);
		expect(account(again.tally)).toEqual(UPDATE_ACCOUNTS.again);
		expect(again.tally.warnings.filter((w) => w.previous !== undefined)).toEqual([]);
		expect(await figures(e, '2025-04-01', '2025-04-30')).toEqual(want(APRIL_2025));
	});

	it('a later row of the same file replaces an earlier one', async () => {
		const e = await engine();
		const header = readFileSync(join(DIR, 'export-1.csv'), 'utf8').split('\n')[0];
		// Line 2: U-04 in progress; line 3: U-04 resolved on 19/03, before its due day (early).
		const text = `${header}\nU-04,10/03/2025 10:00,20/03/2025,,,Đang xử lý,UBND xã Tịnh Hà,Cấp xã,Trực tiếp,\nU-04,10/03/2025 10:00,20/03/2025,19/03/2025 08:00,,Đã trả kết quả,UBND xã Tịnh Hà,Cấp xã,Trực tiếp,\n`;
		const { tally } = await loadFiles(e, [await planned('twice.csv', Buffer.from(text))], REPLACE, () => {});
		expect(account(tally)).toEqual({ read: 2, new: 1, updated: 1, unchanged: 0, rejected: 0 });
		const rows = await e.query("SELECT id, strftime(resolved_at, '%d/%m/%Y') AS resolved, status FROM dossiers");
		expect(rows).toEqual([{ id: 'U-04', resolved: '19/03/2025', status: 'resolved' }]);
	});
});

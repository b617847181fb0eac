/**
 * Due soon (docs/METRICS.md, "Due soon"): the working-day rule, and the counts and list on
 * the hand-counted `duesoon` fixture (tests/fixtures/duesoon/expected.ts) on real DuckDB.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDatabase } from '../../scripts/sample/write-db';
import { NodeEngine } from '../../src/lib/core/engine/node';
import { assemble } from '../../src/lib/ingest/store';
import { dueSoonReference, dueSoonWindow, isWorkingDay, parseDueSoonDays, workingDaysAfter } from '../../src/lib/core/domain/workdays';
import { referencePeriod, type DueSoonRequest } from '../../src/lib/core/domain/query';
import type { Engine } from '../../src/lib/core/engine/types';
import { aggregatedPeriods, queryDossiers, queryDueSoon, queryHolidays } from '../../src/lib/core/engine/metrics';
import { AS_OF, AT_AS_OF_N1, AT_AS_OF_N2, AT_AS_OF_N3, AT_MONTH_END_N2, HOLIDAY, WEEKENDS_ONLY_N2 } from '../fixtures/duesoon/expected';
import { openFixture } from './helpers';

describe('working days', () => {
	const holidays = new Set([HOLIDAY]);
	it('are Monday to Friday except holidays', () => {
		// Thu 30/3/2023, Fri 31/3, Sat 1/4, Sun 2/4, Mon 3/4 (a holiday), Tue 4/4.
		expect(['2023-03-30', '2023-03-31', '2023-04-01', '2023-04-02', '2023-04-03', '2023-04-04'].map((d) => isWorkingDay(d, holidays))).toEqual([true, true, false, false, false, true]);
		expect(isWorkingDay(HOLIDAY, new Set())).toBe(true);
	});
	it('are counted after the day, skipping the weekend and a holiday', () => {
		expect(workingDaysAfter('2023-03-30', 3, holidays)).toEqual(['2023-03-31', '2023-04-04', '2023-04-05']);
		// From a Friday: the Monday after the weekend.
		expect(workingDaysAfter('2023-03-24', 1, new Set())).toEqual(['2023-03-27']);
		// From a Saturday: Monday, then Tuesday.
		expect(workingDaysAfter('2023-04-01', 2, new Set())).toEqual(['2023-04-03', '2023-04-04']);
	});
	it('are judged on the data’s last day for the current period, the last day for a past one', () => {
		expect(dueSoonReference('2023-03-31', AS_OF)).toBe(AS_OF);
		expect(dueSoonReference('2023-03-14', AS_OF)).toBe('2023-03-14');
	});
	it('reads the setting from an address, whole days from 1 to 20, else 2', () => {
		expect([null, '', '3', '0', '2.5', '21', 'x', '20'].map(parseDueSoonDays)).toEqual([2, 2, 3, 2, 2, 2, 2, 20]);
	});
});

describe('due soon on the fixture', () => {
	let engine: NodeEngine;
	let holidays: string[];
	beforeAll(async () => {
		engine = await openFixture('duesoon', AS_OF);
		holidays = await queryHolidays(engine);
	});
	afterAll(() => engine.close());

	/**
	 * The rows of both roads, which must agree: every dossier's state, and (where the ever-late
	 * dossiers are kept) only those and the dossiers due within the window; the SQL each read.
	 */
	const bothRoads = async (req: DueSoonRequest) => {
		const read: string[] = [];
		const watched = { query: (sql: string) => (read.push(sql), engine.query(sql)) } as unknown as Engine;
		const aggregated = await aggregatedPeriods(engine);
		const all = await queryDueSoon(watched, req);
		// A custom range's reference day (none of the standard periods'), and a standard one's.
		const candidates = await queryDueSoon(watched, req, { aggregated: new Set(['c-month-2022-1']), dataAsOf: AS_OF, holidays });
		const kept = await queryDueSoon(watched, req, { aggregated, dataAsOf: AS_OF, holidays });
		expect(read[0]).not.toContain('late_dossiers');
		expect(read[1]).toContain('FROM late_dossiers UNION ALL');
		// The counts kept serve the windows of the database's own calendar.
		const ofCalendar = req.window.days.join() === dueSoonWindow(req.window.reference, req.window.days.length, holidays).days.join();
		expect(read[2]).toContain(ofCalendar ? 'FROM due_soon_counts d' : 'FROM late_dossiers UNION ALL');
		if (ofCalendar) expect(read[2]).not.toContain('dossiers UNION');
		expect(candidates).toEqual(all);
		expect(kept).toEqual(all);
		return all;
	};
	const byAgency = async (w: ReturnType<typeof dueSoonWindow>) => {
		const rows = await bothRoads({ window: w, groupBy: ['agency'] });
		return Object.fromEntries(rows.map((r) => [r.keys.agency, { due_soon: r.due_soon, overdue: r.overdue }]));
	};
	const total = async (w: ReturnType<typeof dueSoonWindow>) => {
		const [r] = await bothRoads({ window: w });
		return { due_soon: r.due_soon, overdue: r.overdue };
	};

	it('reads the holidays table', () => {
		expect(holidays).toEqual(['2023-01-02', HOLIDAY]);
	});

	it('counts by agency and in all as counted by hand, N = 2', async () => {
		const w = dueSoonWindow(AS_OF, 2, holidays);
		expect(w).toEqual({ reference: AS_OF, days: ['2023-03-31', '2023-04-04'], holidaysKnown: true });
		expect(await byAgency(w)).toEqual(AT_AS_OF_N2.byAgency);
		expect(await total(w)).toEqual(AT_AS_OF_N2.total);
	});

	it('counts weekends alone when no holiday is known', async () => {
		const w = dueSoonWindow(AS_OF, 2, []);
		expect(w.holidaysKnown).toBe(false);
		expect(await byAgency(w)).toEqual(WEEKENDS_ONLY_N2.byAgency);
		expect(await total(w)).toEqual(WEEKENDS_ONLY_N2.total);
	});

	it('follows the setting N', async () => {
		expect(await total(dueSoonWindow(AS_OF, 1, holidays))).toEqual(AT_AS_OF_N1.total);
		expect(await total(dueSoonWindow(AS_OF, 3, holidays))).toEqual(AT_AS_OF_N3.total);
	});

	it('judges a past period at the end of its last day', async () => {
		expect(await total(dueSoonWindow(AT_MONTH_END_N2.reference, 2, holidays))).toEqual(AT_MONTH_END_N2.total);
	});

	it('filters by agency as the counts do', async () => {
		const [r] = await bothRoads({ window: dueSoonWindow(AS_OF, 2, holidays), filters: { agencies: ['C1'] } });
		expect({ due_soon: r.due_soon, overdue: r.overdue }).toEqual(AT_AS_OF_N2.byAgency.C1);
	});

	it('lists the dossiers due soon, soonest first, with their working days left', async () => {
		for (const [reference, expected] of [
			[AS_OF, AT_AS_OF_N2.list],
			[AT_MONTH_END_N2.reference, AT_MONTH_END_N2.list]
		] as const) {
			const w = dueSoonWindow(reference, 2, holidays);
			const rows = await queryDossiers(engine, { period: referencePeriod(reference), outcomes: ['due_soon'], dueSoon: w });
			expect(rows.map((r) => ({ id: r.id, left: r.working_days_left }))).toEqual(expected);
			expect(rows.every((r) => r.outcome === 'due_soon' && r.total === expected.length)).toBe(true);
		}
	});

	it('tells due soon apart from not yet due in the whole list, and not without a window', async () => {
		const period = referencePeriod(AS_OF);
		const all = await queryDossiers(engine, { period, dueSoon: dueSoonWindow(AS_OF, 2, holidays) });
		const outcome = Object.fromEntries(all.map((r) => [r.id, r.outcome]));
		// S04 (due 5/4) is not yet due, S05 overdue, S08 withdrawn on the day, S09 (resolved the day after) due soon;
		// S07, resolved the day before, is not among the day's dossiers at all.
		expect([outcome.S04, outcome.S05, outcome.S08, outcome.S09, outcome.S03, outcome.S07]).toEqual(['not_yet_due', 'overdue', 'withdrawn', 'due_soon', 'due_soon', undefined]);
		const plain = await queryDossiers(engine, { period });
		expect(plain.some((r) => r.outcome === 'due_soon' || r.working_days_left !== null)).toBe(false);
	});

	it('refuses a due-soon list over any other period than its reference day', async () => {
		await expect(queryDossiers(engine, { period: referencePeriod('2023-03-29'), dueSoon: dueSoonWindow(AS_OF, 2, holidays) })).rejects.toThrow(/reference day/);
	});
});

describe('a database without holidays', () => {
	it('has none, and says so by the window', async () => {
		const engine = await openFixture('basic');
		try {
			// The basic fixture keeps no calendar: the table is there (the one schema) and empty.
			expect(await queryHolidays(engine)).toEqual([]);
			await engine.run('DROP TABLE holidays');
			expect(await queryHolidays(engine)).toEqual([]);
			expect(dueSoonWindow('2023-03-31', 2, []).holidaysKnown).toBe(false);
		} finally {
			await engine.close();
		}
	});
});

describe('the calendar with data loaded on the page', () => {
	it('goes on with the site’s data the loads add to, and is none when they replace it', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'due-soon-'));
		const fixture = resolve('tests/fixtures/duesoon');
		const file = (f: string) => join(fixture, f);
		await writeDatabase(
			{ agencies: file('agencies.csv'), procedures: file('procedures.csv'), dossiers: file('dossiers.csv'), holidays: file('holidays.csv') },
			{ province: 'Thử nghiệm', data_as_of: AS_OF },
			join(dir, 'site.duckdb')
		);
		const engine = await NodeEngine.open();
		try {
			await engine.run(`ATTACH '${join(dir, 'site.duckdb')}' AS province (READ_ONLY)`);
			await assemble(engine, { base: 'sample', province: 'Thử nghiệm', cutoffDay: 15, baseAsOf: AS_OF });
			expect(await queryHolidays(engine)).toEqual(['2023-01-02', HOLIDAY]);
			await assemble(engine, { base: 'none', province: 'Thử nghiệm', cutoffDay: 15, baseAsOf: null });
			expect(await queryHolidays(engine)).toEqual([]);
		} finally {
			await engine.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

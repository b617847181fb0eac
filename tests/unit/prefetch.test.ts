/**
 * Prefetching the likely next views (views/prefetch.ts) on the basic fixture, through the
 * query cache in front of native DuckDB: what it asks for, that the click after it needs no
 * query, and that a newer view stops it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Coordinator } from '../../src/lib/core/engine/coordinator';
import type { NodeEngine } from '../../src/lib/core/engine/node';
import { DEFAULT_VIEW, drillDown, drillTo, drillUp, showDossiers, type ViewState } from '../../src/lib/dashboard/view';
import { dashboardData } from '../../src/lib/dashboard/dashboard';
import { Prefetcher, likelyNext, periodViews, pickerChoices } from '../../src/lib/dashboard/prefetch';
import { parsePeriodKey, periodKey } from '../../src/lib/core/domain/periods';
import { openFixture } from './helpers';

let native: NodeEngine;
/** How many queries reached the engine behind the cache. */
let asked = 0;
beforeAll(async () => {
	native = await openFixture('basic');
	const query = native.query.bind(native);
	native.query = (sql) => (asked++, query(sql));
});
afterAll(() => native.close());

const DATA = { dataAsOf: '2023-03-31', cutoffDay: 15, aggregated: new Set<string>() };
const Q1: ViewState = { ...DEFAULT_VIEW, period: 'r15-quarter-2023-1' };

describe('the likely next views', () => {
	it('are the levels at the province’s top, the ranking’s first rows below it, a procedure’s dossiers, then the way back up', () => {
		expect(likelyNext(Q1, ['province', 'district', 'commune'], [])).toEqual([drillDown(Q1, 'province'), drillDown(Q1, 'district'), drillDown(Q1, 'commune')]);
		const commune = drillDown(Q1, 'commune');
		// The ranking's rows as sorted on screen: its first three, in that order, then back up; fewer when it has fewer.
		const rows = ['C3', 'C1', 'C4', 'C2'].map((id) => drillTo(commune, { level: 'commune', agency: id }));
		expect(likelyNext(commune, ['commune'], rows)).toEqual([rows[0], rows[1], rows[2], Q1]);
		expect(likelyNext(commune, ['commune'], rows.slice(0, 2))).toEqual([rows[0], rows[1], Q1]);
		// Down to a procedure: its dossiers, then back to the field, the agency, the level and the province.
		const agency = drillTo(Q1, { level: 'commune', agency: 'C1' });
		const field = drillDown(agency, 'Hộ tịch');
		const procedure = drillDown(field, '1.000001');
		expect(likelyNext(procedure, [], [])).toEqual([showDossiers(procedure), field, agency, commune, Q1]);
		// At a field: the first procedures of its ranking, then its dossiers, then the way back up.
		const procedures = ['1.000001', '1.000002', '1.000003', '1.000004'].map((code) => drillDown(field, code));
		expect(likelyNext(field, [], procedures)).toEqual([...procedures.slice(0, 3), showDossiers(field), agency, commune, Q1]);
		// From the dossier list: back to the procedure first.
		expect(likelyNext(showDossiers(procedure), [], [])).toEqual([procedure, field, agency, commune, Q1]);
		expect(drillUp(procedure, 'procedure')).toEqual(procedure);
	});
});

describe('the period picker’s choices', () => {
	const keys = (key: string) => pickerChoices(parsePeriodKey(key), 15, '2023-03-31').map(periodKey);

	it('are the other spans holding the period’s last day, or the latest complete ones, then the other kind', () => {
		// Quarter I 2023 (15/12/2022 – 14/3/2023), data to 31/3/2023: reporting month 3/2023 ends on 14/3; the
		// half, nine months and year holding 14/3 have not ended, so the latest complete ones; calendar
		// quarter I ends on 31/3.
		expect(keys('r15-quarter-2023-1')).toEqual(['r15-month-2023-3', 'r15-half-2022-2', 'r15-nine_months-2022-1', 'r15-year-2022-1', 'c-quarter-2023-1']);
		// Calendar February 2023: the calendar quarter, half … holding 28/2, else the latest complete; then reporting month 3/2023 (15/2 – 14/3).
		expect(keys('c-month-2023-2')).toEqual(['c-quarter-2023-1', 'c-half-2022-2', 'c-nine_months-2022-1', 'c-year-2022-1', 'r15-month-2023-3']);
		// A custom range: the reporting and the calendar quarter holding its last day.
		expect(keys('2023-02-01_2023-02-28')).toEqual(['r15-quarter-2023-1', 'c-quarter-2023-1']);
	});

	it('open the same view over each period, from its first page', () => {
		const views = periodViews({ ...Q1, drill: { level: 'district' }, page: 2 }, parsePeriodKey('r15-quarter-2023-1'), 15, '2023-03-31');
		expect(views[0]).toEqual({ ...Q1, period: 'r15-month-2023-3', drill: { level: 'district' }, page: 1 });
		expect(views).toHaveLength(5);
	});
});

describe('the prefetcher', () => {
	it('asks for each view once the view on screen has stayed a moment; the click that follows needs no query', async () => {
		const engine = new Coordinator(native);
		const load = (v: ViewState) => dashboardData(engine, v, DATA);
		const next = likelyNext(Q1, ['province', 'district'], []);
		await new Prefetcher(load, 10).start(next);
		const before = asked;
		expect(before).toBeGreaterThan(0);
		const district = await dashboardData(engine, next[1], DATA);
		expect(asked).toBe(before);
		// The same figures as asking the engine afresh.
		expect(district).toEqual(await dashboardData(new Coordinator(native), next[1], DATA));
	});

	it('starts nothing more once the person asked for another view', async () => {
		const engine = new Coordinator(native);
		const loaded: ViewState[] = [];
		const load = async (v: ViewState) => {
			loaded.push(v);
			await dashboardData(engine, v, DATA);
			prefetcher.stop(); // the person clicks while the first view is being asked for
		};
		const prefetcher = new Prefetcher(load, 10);
		await prefetcher.start(likelyNext(Q1, ['province', 'district', 'commune'], []));
		expect(loaded).toEqual([drillDown(Q1, 'province')]);

		// A plan replaced before its moment has come starts nothing at all.
		loaded.length = 0;
		const first = prefetcher.start([drillDown(Q1, 'district')]);
		prefetcher.stop();
		await first;
		expect(loaded).toEqual([]);
	});
});

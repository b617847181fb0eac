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
import { Prefetcher, likelyNext } from '../../src/lib/dashboard/prefetch';
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
		// From the dossier list: back to the procedure first.
		expect(likelyNext(showDossiers(procedure), [], [])).toEqual([procedure, field, agency, commune, Q1]);
		expect(drillUp(procedure, 'procedure')).toEqual(procedure);
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

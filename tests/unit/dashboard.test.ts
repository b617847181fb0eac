/** The dashboard's figures for a view, on the basic fixture, against tests/fixtures/basic/expected.ts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/lib/core/engine/node';
import { DEFAULT_VIEW, NO_FILTERS, type ViewState } from '../../src/lib/dashboard/view';
import { dashboardData, dossierPage, rankingDimension, trendMonths, viewPeriod } from '../../src/lib/dashboard/dashboard';
import { QUARTER_1_2023, QUARTER_1_2023_TOTAL } from '../fixtures/basic/expected';
import { openFixture } from './helpers';

let engine: NodeEngine;
beforeAll(async () => (engine = await openFixture('basic')));
afterAll(() => engine.close());

const Q1: ViewState = { ...DEFAULT_VIEW, period: 'r15-quarter-2023-1' };
const DATA_AS_OF = '2023-03-31';
/** The raw path: no aggregates (tests/unit/aggregates.test.ts checks they agree). */
const DATA = { dataAsOf: DATA_AS_OF, cutoffDay: 15, aggregated: new Set<string>() };

describe('the period and the trend of a view', () => {
	it('defaults to the latest complete reporting quarter, also for a malformed period', () => {
		expect(viewPeriod(DEFAULT_VIEW, DATA_AS_OF, 15)).toMatchObject({ first: '2022-12-15', last: '2023-03-14' });
		expect(viewPeriod({ ...DEFAULT_VIEW, period: 'r15-quarter-2023-9' }, DATA_AS_OF, 15)).toMatchObject({ first: '2022-12-15' });
	});

	it('shows twelve months of the same kind up to the period’s last day', () => {
		const reporting = trendMonths(viewPeriod(Q1, DATA_AS_OF, 15), 15);
		expect(reporting).toHaveLength(12);
		expect(reporting[0]).toMatchObject({ first: '2022-03-15', last: '2022-04-14' }); // reporting month 4/2022
		expect(reporting[11]).toMatchObject({ first: '2023-02-15', last: '2023-03-14' }); // reporting month 3/2023
		const calendar = trendMonths(viewPeriod({ ...DEFAULT_VIEW, period: '2023-01-10_2023-02-20' }, DATA_AS_OF, 15), 15);
		expect(calendar[11]).toMatchObject({ first: '2023-02-01', last: '2023-02-28' });
	});
});

describe('the figures of a view', () => {
	it('at the province: tiles, levels, trend and the agencies ranked', async () => {
		const d = await dashboardData(engine, Q1, DATA);
		expect(d.current.total).toEqual(QUARTER_1_2023_TOTAL);
		// One agency per level, so each level's counts are its agency's.
		expect(d.current.byLevel).toEqual([
			{ level: 'province', counts: QUARTER_1_2023.P1 },
			{ level: 'district', counts: QUARTER_1_2023.D1 },
			{ level: 'commune', counts: QUARTER_1_2023.C1 }
		]);
		// Quarter IV 2022 (15/9 – 14/12/2022): F01 F02 F03 F15 F16 received.
		expect(d.previous.total.received).toBe(5);
		expect(d.lastYear.total.received).toBe(0);
		expect(d.ranking.dimension).toBe('agency');
		expect(Object.fromEntries(d.ranking.rows.map((r) => [r.key, r.counts]))).toEqual(QUARTER_1_2023);
		expect(d.path).toEqual([]);
		// Reporting month 2/2023 (15/1 – 14/2): F09 F13 F15 F17 F18 F19 F20 F21 F22.
		expect(d.trend[10].total.received).toBe(9);
		// Reporting month 3/2023 (15/2 – 14/3): tests/fixtures/basic/expected.ts, REPORTING_MONTH_3_2023.
		expect(d.trend[11].total).toMatchObject({ received: 7, resolved: 1, overdue: 3 });
		// Nothing was received before 20/11/2022.
		expect(d.trend[0].total.received).toBe(0);
	});

	it('drilled to an agency: its fields ranked, the path above it with its own figures', async () => {
		const view: ViewState = { ...Q1, drill: { level: 'district', agency: 'D1' } };
		const d = await dashboardData(engine, view, DATA);
		expect(d.current.total).toEqual(QUARTER_1_2023.D1);
		expect(d.ranking).toEqual({ dimension: 'field', rows: [{ key: 'Đất đai', counts: QUARTER_1_2023.D1 }] });
		expect(d.path.map((s) => [s.step, s.key, s.counts.received])).toEqual([
			[null, null, 20],
			['level', 'district', 6],
			['agency', 'D1', 6]
		]);
	});

	it('a drill step outside the filter bar’s choice gives empty figures, not an error', async () => {
		const view: ViewState = { ...Q1, drill: { level: 'district' }, filters: { ...NO_FILTERS, agencies: ['P1'] } };
		const d = await dashboardData(engine, view, DATA);
		expect(d.current.total.received).toBe(0);
		expect(d.current.byLevel).toEqual([]);
		expect(d.ranking.rows).toEqual([]);
	});

	it('ranks by channel at the procedure, the last step', () => {
		expect(rankingDimension({ ...Q1, drill: { level: 'commune', agency: 'C1', field: 'Hộ tịch', procedure: '3.000001' } })).toBe('channel');
	});

	it('lists the dossiers of a view a page at a time', async () => {
		const rows = await dossierPage(engine, { ...Q1, drill: { level: 'district' }, dossiers: true }, DATA);
		// D1's six: overdue F15 (due 1/12/2022, 103 days to 14/3) and F10 (due 10/3, 4 days); late F09 (1 day), F07 (0 days).
		expect(rows.map((r) => [r.id, r.outcome, r.days_late])).toEqual([
			['F15', 'overdue', 103],
			['F10', 'overdue', 4],
			['F09', 'late', 1],
			['F07', 'late', 0],
			['F08', 'on_time', null],
			['F14', 'not_yet_due', null]
		]);
	});
});

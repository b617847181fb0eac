/**
 * The pre-aggregated counts give exactly what counting the dossiers gives, for every
 * standard period of the basic fixture, every grouping and a spread of filters, by the units
 * that received the dossiers and by today's units (and on the reorganisation fixture, where
 * the two differ); and the dashboard shows the same figures on either path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardPeriods } from '../../src/lib/core/domain/aggregates';
import { periodKey } from '../../src/lib/core/domain/periods';
import { aggregatedMetricsSql, type Dimension, type Filters } from '../../src/lib/core/domain/query';
import { UNITS, type Units } from '../../src/lib/core/domain/succession';
import { aggregatedPeriods, queryDossiers, queryMetrics } from '../../src/lib/core/engine/metrics';
import type { NodeEngine } from '../../src/lib/core/engine/node';
import type { Engine } from '../../src/lib/core/engine/types';
import { DEFAULT_VIEW, type ViewState } from '../../src/lib/dashboard/view';
import { dashboardData } from '../../src/lib/dashboard/dashboard';
import { QUARTER_1_2023_TOTAL } from '../fixtures/basic/expected';
import { DATA_AS_OF as REORG_AS_OF } from '../fixtures/reorg/expected';
import { openFixture } from './helpers';

let engine: NodeEngine;
let reorg: NodeEngine;
beforeAll(async () => {
	engine = await openFixture('basic');
	reorg = await openFixture('reorg', REORG_AS_OF);
});
afterAll(async () => {
	await engine.close();
	await reorg.close();
});

type Rows = Awaited<ReturnType<typeof queryMetrics>>;
const sorted = (rows: Rows) => [...rows].sort((a, b) => JSON.stringify([a.period, a.keys]).localeCompare(JSON.stringify([b.period, b.keys])));

/** Both roads' rows for every standard period of a fixture, and the table each road read: two different roads are compared, not one road twice. */
async function bothRoads(e: NodeEngine, first: string, last: string, req: { groupBy: Dimension[]; filters: Filters; units: Units }) {
	const periods = standardPeriods(first, last, 15);
	const held = await aggregatedPeriods(e);
	const read: string[] = [];
	const watched = { query: (sql: string) => (read.push(/\bFROM (period_counts|period_level_counts)\b/.exec(sql)?.[1] ?? 'dossiers'), e.query(sql)) } as unknown as Engine;
	const raw = await queryMetrics(watched, { periods, ...req });
	const fast = await queryMetrics(watched, { periods, ...req }, held);
	return { raw: sorted(raw), fast: sorted(fast), read };
}

describe('pre-aggregated counts', () => {
	it('cover every reporting and calendar period from the first receipt (20/11/2022) to the data’s last day (31/3/2023)', async () => {
		const held = await aggregatedPeriods(engine);
		const expected = standardPeriods('2022-11-20', '2023-03-31', 15).map(periodKey);
		expect([...held].sort()).toEqual([...expected].sort());
		// Reporting months 12/2022 … 4/2023 (the one holding 31/3) and calendar months 11/2022 … 3/2023, among others.
		for (const key of ['r15-month-2022-12', 'r15-month-2023-4', 'c-month-2022-11', 'c-month-2023-3', 'r15-quarter-2023-1', 'c-year-2022-1', 'r15-nine_months-2023-1']) {
			expect(held.has(key)).toBe(true);
		}
	});

	const groupings: Dimension[][] = [[], ['level'], ['agency'], ['field'], ['procedure'], ['channel'], ['level', 'channel']];
	const filters: Filters[] = [{}, { levels: ['district'] }, { channels: ['online_full', 'online_partial'] }, { fields: ['Hộ tịch'] }, { agencies: ['P1', 'C1'], procedures: ['1.000001'] }, { levels: [] }];

	it.each(UNITS.flatMap((units) => groupings.flatMap((g) => filters.map((f) => [units, g.join('+') || 'total', JSON.stringify(f), g, f] as const))))(
		'equal the dossiers’ counts: by %s units, %s, filters %s',
		async (units, _, __, groupBy, f) => {
			const { raw, fast, read } = await bothRoads(engine, '2022-11-20', '2023-03-31', { groupBy, filters: f, units });
			expect(read).toEqual(['dossiers', expect.stringMatching(/^period_(level_)?counts$/)]);
			expect(fast).toEqual(raw);
		}
	);

	// The reorganisation fixture: merged, split, abolished and chained units (tests/fixtures/reorg/expected.ts).
	const reorgFilters: Filters[] = [{}, { levels: ['district'] }, { levels: ['commune'] }, { agencies: ['XMD2', 'SGT'] }, { channels: ['online_full'] }, { fields: ['Hộ tịch'], levels: ['commune'] }];

	it.each(UNITS.flatMap((units) => groupings.flatMap((g) => reorgFilters.map((f) => [units, g.join('+') || 'total', JSON.stringify(f), g, f] as const))))(
		'equal the dossiers’ counts across the reorganisation: by %s units, %s, filters %s',
		async (units, _, __, groupBy, f) => {
			const { raw, fast, read } = await bothRoads(reorg, '2024-12-10', REORG_AS_OF, { groupBy, filters: f, units });
			expect(read).toEqual(['dossiers', expect.stringMatching(/^period_(level_)?counts$/)]);
			expect(fast).toEqual(raw);
		}
	);

	it('differ between the two ways on the reorganisation fixture, where units were merged (the comparison above compares something)', async () => {
		const received = await bothRoads(reorg, '2024-12-10', REORG_AS_OF, { groupBy: ['agency'], filters: {}, units: 'received' });
		const current = await bothRoads(reorg, '2024-12-10', REORG_AS_OF, { groupBy: ['agency'], filters: {}, units: 'current' });
		expect(current.fast).not.toEqual(received.fast);
		expect(new Set(current.fast.map((r) => r.keys.agency))).toEqual(new Set(['SXD2', 'VP2', 'TT', 'XMD2', 'XLP2']));
	});

	it('keep a copy of the dossiers ever past due: F05, F11, F12 and F15 still open after it, F07, F09 and F10 resolved after it, F13 and F16 withdrawn after it', async () => {
		// F20 was resolved at its due minute and F14 withdrawn before its due day: never past due.
		const rows = await engine.query<{ id: string }>('SELECT id FROM late_dossiers ORDER BY id');
		expect(rows.map((r) => r.id)).toEqual(['F05', 'F07', 'F09', 'F10', 'F11', 'F12', 'F13', 'F15', 'F16']);
	});

	it.each(filters.map((f) => [JSON.stringify(f), f] as const))('list the same late and overdue dossiers from that copy as from every dossier, in every standard period: filters %s', async (_, f) => {
		const held = await aggregatedPeriods(engine);
		const asked: string[] = [];
		const watched = { query: (sql: string) => (asked.push(sql), engine.query(sql)) } as unknown as Engine;
		for (const period of standardPeriods('2022-11-20', '2023-03-31', 15)) {
			const req = { period, filters: f, outcomes: ['overdue', 'late'] as const };
			expect(await queryDossiers(watched, req, held), periodKey(period)).toEqual(await queryDossiers(watched, req));
		}
		expect(asked.filter((sql) => sql.includes('FROM late_dossiers d'))).toHaveLength(asked.length / 2);
	});

	it('answer the province’s levels and channels from the level table, and anything finer from the agency table', () => {
		const periods = standardPeriods('2023-01-01', '2023-03-31', 15).slice(0, 2);
		const table = (groupBy: Dimension[], f: Filters, units?: Units) => /\bFROM (period_\w+)/.exec(aggregatedMetricsSql({ periods, groupBy, filters: f, units }))![1];
		expect(table(['level', 'channel'], { levels: ['district'], channels: ['postal'] })).toBe('period_level_counts');
		expect(table([], {})).toBe('period_level_counts');
		expect(table(['agency'], {})).toBe('period_counts');
		expect(table(['level'], { fields: ['Hộ tịch'] })).toBe('period_counts');
		expect(table([], { procedures: [] })).toBe('period_counts');
		// By today's units the level table's levels (the receiving units') do not serve: only the totals and channels do.
		expect(table([], {}, 'current')).toBe('period_level_counts');
		expect(table(['channel'], { channels: ['postal'] }, 'current')).toBe('period_level_counts');
		expect(table(['level'], {}, 'current')).toBe('period_counts');
		expect(table([], { levels: ['commune'] }, 'current')).toBe('period_counts');
		expect(table(['agency'], {}, 'current')).toBe('period_counts');
		// Today's unit of each agency from the table written with the counts, not computed again.
		const byToday = aggregatedMetricsSql({ periods, groupBy: ['level'], units: 'current' });
		expect(byToday).toContain('LEFT JOIN current_units cu ON cu.agency_id = d.agency_id');
		expect(byToday).not.toContain('RECURSIVE');
	});

	it('serve the dashboard the same figures, and leave custom ranges to the dossiers', async () => {
		const held = await aggregatedPeriods(engine);
		const data = { dataAsOf: '2023-03-31', cutoffDay: 15 };
		for (const view of [
			{ ...DEFAULT_VIEW, period: 'r15-quarter-2023-1' },
			{ ...DEFAULT_VIEW, period: 'c-month-2023-2', drill: { level: 'district', agency: 'D1' } },
			{ ...DEFAULT_VIEW, period: '2023-01-10_2023-02-20', drill: { level: 'commune' } }
		] as ViewState[]) {
			expect(await dashboardData(engine, view, { ...data, aggregated: held })).toEqual(await dashboardData(engine, view, { ...data, aggregated: new Set() }));
		}
		const d = await dashboardData(engine, { ...DEFAULT_VIEW, period: 'r15-quarter-2023-1' }, { ...data, aggregated: held });
		expect(d.current.total).toEqual(QUARTER_1_2023_TOTAL);
	});
});

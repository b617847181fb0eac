/**
 * The metric engine on real DuckDB against the `basic` fixture, whose expected figures were
 * worked out by hand in tests/fixtures/basic/expected.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNT_IDS, RATE_IDS, addCounts, metric, rate, type Counts } from '../../src/lib/core/domain/metrics';
import { dayPeriods, period, periodKey } from '../../src/lib/core/domain/periods';
import { queryMetrics } from '../../src/lib/core/engine/metrics';
import type { NodeEngine } from '../../src/lib/core/engine/node';
import { FEBRUARY_2023, QUARTER_1_2023, QUARTER_1_2023_RATES, QUARTER_1_2023_TOTAL, REPORTING_MONTH_3_2023 } from '../fixtures/basic/expected';
import { openFixture } from './helpers';

const Q1 = period({ kind: 'reporting', span: 'quarter', year: 2023, index: 1, cutoffDay: 15 });
const FEB = period({ kind: 'calendar', span: 'month', year: 2023, index: 2 });
const M3 = period({ kind: 'reporting', span: 'month', year: 2023, index: 3, cutoffDay: 15 });

let engine: NodeEngine;
beforeAll(async () => {
	engine = await openFixture('basic');
});
afterAll(async () => {
	await engine.close();
});

function pick<T extends object>(counts: Counts, like: T): T {
	return Object.fromEntries(Object.keys(like).map((k) => [k, counts[k as keyof Counts]])) as T;
}

describe('quarter I 2023 on the basic fixture', () => {
	it.each(['P1', 'D1', 'C1'] as const)('agency %s has the hand-computed counts', async (agency) => {
		const rows = await queryMetrics(engine, { periods: [Q1], groupBy: ['agency'] });
		const row = rows.find((r) => r.keys.agency === agency);
		expect(row?.counts).toEqual(QUARTER_1_2023[agency]);
	});

	it('the total has the hand-computed counts and rates', async () => {
		const [row] = await queryMetrics(engine, { periods: [Q1] });
		expect(row.counts).toEqual(QUARTER_1_2023_TOTAL);
		for (const id of RATE_IDS) expect(rate(id, row.counts)).toBeCloseTo(QUARTER_1_2023_RATES[id], 12);
	});

	it('grouping by level gives one row per level, equal to its one agency', async () => {
		const rows = await queryMetrics(engine, { periods: [Q1], groupBy: ['level'] });
		expect(Object.fromEntries(rows.map((r) => [r.keys.level, r.counts]))).toEqual({
			province: QUARTER_1_2023.P1,
			district: QUARTER_1_2023.D1,
			commune: QUARTER_1_2023.C1
		});
	});

	it('re-aggregating the agency rows gives the total (every rate is a ratio of sums)', async () => {
		const rows = await queryMetrics(engine, { periods: [Q1], groupBy: ['agency', 'field'] });
		expect(addCounts(rows.map((r) => r.counts))).toEqual(QUARTER_1_2023_TOTAL);
	});

	it.each([
		// Online channels: F03 F04 F12 F17 F19 (P1), F08 (D1), F05 F21 F22 (C1).
		['online channels', { channels: ['online_partial', 'online_full'] as const }, { received: 9, resolved: 7, in_progress: 2, withdrawn: 0 }],
		// Hộ tịch = C1's procedure.
		['field Hộ tịch', { fields: ['Hộ tịch'] }, { received: 7, resolved: 3, in_progress: 2, withdrawn: 2 }],
		// Two agencies: P1 + D1.
		['agencies P1 and D1', { agencies: ['P1', 'D1'] }, { received: 13, resolved: 9, in_progress: 4, withdrawn: 0 }],
		['level district', { levels: ['district'] as const }, { received: 6, resolved: 3, in_progress: 3, withdrawn: 0 }],
		['a procedure', { procedures: ['1.000001'] }, { received: 7, resolved: 6, in_progress: 1, withdrawn: 0 }],
		['a filter that matches nothing', { agencies: ['NONE'] }, null],
		['an empty list (a drill step outside the chosen filter)', { levels: [] }, null]
	])('filter: %s', async (_, filters, expected) => {
		const rows = await queryMetrics(engine, { periods: [Q1], filters });
		if (expected === null) expect(rows).toEqual([]);
		else expect(pick(rows[0].counts, expected)).toEqual(expected);
	});
});

describe('period boundaries on the basic fixture', () => {
	it.each([
		['calendar February 2023', FEB, FEBRUARY_2023],
		['reporting month 3/2023 (15/2 – 14/3)', M3, REPORTING_MONTH_3_2023]
	])('%s', async (_, p, expected) => {
		const [row] = await queryMetrics(engine, { periods: [p] });
		expect(pick(row.counts, expected)).toEqual(expected);
	});

	it('several periods in one query give the same rows as one query each', async () => {
		const rows = await queryMetrics(engine, { periods: [Q1, FEB, M3] });
		expect(rows.map((r) => r.period).sort()).toEqual([periodKey(Q1), periodKey(FEB), periodKey(M3)].sort());
		expect(pick(rows.find((r) => r.period === periodKey(FEB))!.counts, FEBRUARY_2023)).toEqual(FEBRUARY_2023);
		expect(rows.find((r) => r.period === periodKey(Q1))!.counts).toEqual(QUARTER_1_2023_TOTAL);
	});

	it('a period with no dossiers returns no rows, and rates of zero dossiers are null, not 0 or NaN', async () => {
		const rows = await queryMetrics(engine, { periods: [period({ kind: 'calendar', span: 'year', year: 2019, index: 1 })] });
		expect(rows).toEqual([]);
		const zero = addCounts([]);
		for (const id of RATE_IDS) expect(rate(id, zero)).toBeNull();
	});
});

describe('grouping by day', () => {
	it('counts each day as of its own end, by hand for 14–16/2/2023', async () => {
		const rows = await queryMetrics(engine, { periods: dayPeriods('2023-02-14', '2023-02-16') });
		const byDay = Object.fromEntries(rows.map((r) => [r.period.slice(0, 10), pick(r.counts, { received: 0, new: 0, carried: 0, resolved: 0, early: 0, on_time: 0, in_progress: 0, not_yet_due: 0, overdue: 0 })]));
		expect(byDay).toEqual({
			// F15 open and overdue; F21 resolved 23:59:59, a day before its due day; F22 open, due 16/2.
			'2023-02-14': { received: 3, new: 0, carried: 3, resolved: 1, early: 1, on_time: 0, in_progress: 2, not_yet_due: 1, overdue: 1 },
			// F15 and F22 carry on.
			'2023-02-15': { received: 2, new: 0, carried: 2, resolved: 0, early: 0, on_time: 0, in_progress: 2, not_yet_due: 1, overdue: 1 },
			// F22 resolved at 00:00:01 on its due day: on time.
			'2023-02-16': { received: 2, new: 0, carried: 2, resolved: 1, early: 0, on_time: 1, in_progress: 1, not_yet_due: 0, overdue: 1 }
		});
	});
});

describe('the identities of docs/METRICS.md on the fixture', () => {
	it('hold for every agency in every month of 2022–2023 and every quarter', async () => {
		const periods = [];
		for (const year of [2022, 2023]) {
			for (let m = 1; m <= 12; m++) periods.push(period({ kind: 'reporting', span: 'month', year, index: m, cutoffDay: 15 }));
			for (let q = 1; q <= 4; q++) periods.push(period({ kind: 'reporting', span: 'quarter', year, index: q, cutoffDay: 15 }));
		}
		const rows = await queryMetrics(engine, { periods, groupBy: ['agency'] });
		expect(rows.length).toBeGreaterThan(10);
		for (const { counts: c } of rows) {
			expect(c.received).toBe(c.resolved + c.withdrawn + c.in_progress);
			expect(c.received).toBe(c.new + c.carried);
			expect(c.resolved).toBe(c.early + c.on_time + c.late);
			expect(c.in_progress).toBe(c.not_yet_due + c.overdue);
			expect(c.received).toBe(c.online + c.in_person + c.postal);
		}
	});

	it('every count is declared with names and definitions in both languages', async () => {
		// The counts the query returns are the declared ones, and each id is declared once.
		const [row] = await queryMetrics(engine, { periods: [Q1] });
		expect(Object.keys(row.counts).sort()).toEqual([...COUNT_IDS].sort());
		const declared = [...COUNT_IDS, ...RATE_IDS].map(metric);
		expect(new Set(declared.map((m) => m.id)).size).toBe(declared.length);
		for (const m of declared) {
			for (const [what, text] of [
				['name', m.name],
				['definition', m.definition]
			] as const) {
				// Vietnamese words carry diacritics; the English text is plain ASCII, so neither is the other copied.
				expect(text.vi, `${m.id}: Vietnamese ${what}`).toMatch(/[\x80-\uffff]/);
				expect(text.en, `${m.id}: English ${what}`).toMatch(/^[A-Z][\x20-\x7e]+$/);
			}
		}
		// No two figures share a name on screen, in either language.
		for (const lang of ['vi', 'en'] as const) expect(new Set(declared.map((m) => m.name[lang])).size).toBe(declared.length);
		// A rate is a ratio of declared counts.
		for (const m of declared) if (m.kind === 'rate') expect(COUNT_IDS).toEqual(expect.arrayContaining([...m.numerator, ...m.denominator]));
	});
});

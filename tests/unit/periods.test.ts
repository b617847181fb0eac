import { describe, expect, it } from 'vitest';
import { latestCompletePeriod, parsePeriodKey, period, periodContaining, periodKey, periodsCovering, previousPeriod, samePeriodLastYear, type PeriodSpec } from '../../src/lib/core/domain/periods';

const r15 = (span: 'month' | 'quarter' | 'half' | 'nine_months' | 'year', year: number, index: number): PeriodSpec => ({
	kind: 'reporting',
	span,
	year,
	index,
	cutoffDay: 15
});

describe('reporting periods by the cut-off rule (docs/METRICS.md, "Periods")', () => {
	it.each([
		['month 1/2023', r15('month', 2023, 1), '2022-12-15', '2023-01-14'],
		['month 3/2023', r15('month', 2023, 3), '2023-02-15', '2023-03-14'],
		['quarter I 2023 (Đồng Nai’s report)', r15('quarter', 2023, 1), '2022-12-15', '2023-03-14'],
		['quarter II 2023', r15('quarter', 2023, 2), '2023-03-15', '2023-06-14'],
		['quarter III 2023', r15('quarter', 2023, 3), '2023-06-15', '2023-09-14'],
		['quarter IV 2023', r15('quarter', 2023, 4), '2023-09-15', '2023-12-14'],
		['6 months 2024', r15('half', 2024, 1), '2023-12-15', '2024-06-14'],
		['9 months 2024', r15('nine_months', 2024, 1), '2023-12-15', '2024-09-14'],
		['year 2024', r15('year', 2024, 1), '2023-12-15', '2024-12-14'],
		['month 3/2023 cut on the 20th', { kind: 'reporting', span: 'month', year: 2023, index: 3, cutoffDay: 20 }, '2023-02-20', '2023-03-19'],
		['calendar February 2024 (leap year)', { kind: 'calendar', span: 'month', year: 2024, index: 2 }, '2024-02-01', '2024-02-29'],
		['calendar quarter IV 2023', { kind: 'calendar', span: 'quarter', year: 2023, index: 4 }, '2023-10-01', '2023-12-31'],
		['calendar year 2025', { kind: 'calendar', span: 'year', year: 2025, index: 1 }, '2025-01-01', '2025-12-31']
	] as [string, PeriodSpec, string, string][])('%s', (_, spec, first, last) => {
		expect(period(spec)).toMatchObject({ first, last });
	});

	it('rejects a cut-off day outside 2–28 and a range that ends before it starts', () => {
		expect(() => period({ kind: 'reporting', span: 'month', year: 2023, index: 1, cutoffDay: 31 })).toThrow(/cut-off/);
		expect(() => period({ kind: 'custom', first: '2023-02-01', last: '2023-01-31' })).toThrow(/end before/);
	});
});

describe('previous period and the same period a year before', () => {
	it.each([
		['quarter I 2023 → quarter IV 2022', period(r15('quarter', 2023, 1)), '2022-09-15', '2022-12-14'],
		['month 1/2023 → month 12/2022', period(r15('month', 2023, 1)), '2022-11-15', '2022-12-14'],
		['calendar January 2024 → December 2023', period({ kind: 'calendar', span: 'month', year: 2024, index: 1 }), '2023-12-01', '2023-12-31'],
		['custom 10 days → the 10 days before', period({ kind: 'custom', first: '2023-01-10', last: '2023-01-19' }), '2022-12-31', '2023-01-09']
	])('%s', (_, p, first, last) => {
		expect(previousPeriod(p)).toMatchObject({ first, last });
	});

	it.each([
		['quarter I 2023 → quarter I 2022', period(r15('quarter', 2023, 1)), '2021-12-15', '2022-03-14'],
		['custom range ending 29/2/2024 → ends 28/2/2023', period({ kind: 'custom', first: '2024-02-01', last: '2024-02-29' }), '2023-02-01', '2023-02-28']
	])('%s', (_, p, first, last) => {
		expect(samePeriodLastYear(p)).toMatchObject({ first, last });
	});
});

describe('which period a day falls in', () => {
	it.each([
		['14/3 is the last day of month 3', '2023-03-14', 'month', '2023-02-15', '2023-03-14'],
		['15/3 opens month 4', '2023-03-15', 'month', '2023-03-15', '2023-04-14'],
		['15/12/2022 opens quarter I 2023', '2022-12-15', 'quarter', '2022-12-15', '2023-03-14'],
		['14/12/2022 closes quarter IV 2022', '2022-12-14', 'quarter', '2022-09-15', '2022-12-14']
	] as const)('%s', (_, day, span, first, last) => {
		expect(periodContaining(day, 'reporting', span)).toMatchObject({ first, last });
	});

	it('finds the latest complete quarter as of a day', () => {
		// Quarter IV 2026 (15/9 – 14/12) has not ended on 20/11/2026; quarter III has.
		expect(latestCompletePeriod('2026-11-20', 'reporting', 'quarter')).toMatchObject({ first: '2026-06-15', last: '2026-09-14' });
		// On its last day a quarter is complete.
		expect(latestCompletePeriod('2026-09-14', 'reporting', 'quarter')).toMatchObject({ first: '2026-06-15', last: '2026-09-14' });
		expect(latestCompletePeriod('2026-09-13', 'reporting', 'quarter')).toMatchObject({ first: '2026-03-15', last: '2026-06-14' });
	});

	it('lists the months covering a range', () => {
		const months = periodsCovering('2023-01-01', '2023-03-31', 'reporting', 'month');
		expect(months.map((p) => [p.first, p.last])).toEqual([
			['2022-12-15', '2023-01-14'],
			['2023-01-15', '2023-02-14'],
			['2023-02-15', '2023-03-14'],
			['2023-03-15', '2023-04-14']
		]);
	});

	it('round-trips period keys', () => {
		for (const p of [period(r15('quarter', 2023, 1)), period({ kind: 'calendar', span: 'month', year: 2024, index: 2 }), period({ kind: 'custom', first: '2023-01-10', last: '2023-01-19' })]) {
			expect(parsePeriodKey(periodKey(p))).toEqual(p);
		}
	});
});

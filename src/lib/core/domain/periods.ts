/**
 * Reporting periods (docs/METRICS.md, "Periods", with a table of them).
 *
 * Provinces cut their periods on a day of the month (the 15th by Decree 09/2019 practice):
 * reporting month M runs from the cut-off day of month M−1 to the day before the cut-off
 * day of month M. The cut-off day is a setting. Calendar periods and custom ranges are
 * offered too. A period is always a pair of Vietnam days [first, last], both included.
 */
import { addDays, daysBetween, isoDay, parts, type IsoDay } from './dates';

export type Span = 'month' | 'quarter' | 'half' | 'nine_months' | 'year';

export type PeriodSpec =
	{ kind: 'reporting'; span: Span; year: number; index: number; cutoffDay: number } | { kind: 'calendar'; span: Span; year: number; index: number } | { kind: 'custom'; first: IsoDay; last: IsoDay };

export interface Period {
	spec: PeriodSpec;
	first: IsoDay;
	last: IsoDay;
}

export const DEFAULT_CUTOFF_DAY = 15;

/** How many periods of a span a year holds, and the months (1-12) each one closes on. */
const LAST_MONTH: Record<Span, (index: number) => number> = {
	month: (i) => i,
	quarter: (i) => 3 * i,
	half: (i) => 6 * i,
	nine_months: () => 9,
	year: () => 12
};
const FIRST_MONTH: Record<Span, (index: number) => number> = {
	month: (i) => i,
	quarter: (i) => 3 * i - 2,
	half: (i) => 6 * i - 5,
	// The 6- and 9-month reports are cumulative from the start of the year.
	nine_months: () => 1,
	year: () => 1
};
export const PERIODS_PER_YEAR: Record<Span, number> = {
	month: 12,
	quarter: 4,
	half: 2,
	nine_months: 1,
	year: 1
};

function checkCutoffDay(day: number): number {
	if (!Number.isInteger(day) || day < 2 || day > 28) {
		throw new Error(`The cut-off day must be a whole day from 2 to 28 (1 means calendar periods): ${day}`);
	}
	return day;
}

export function period(spec: PeriodSpec): Period {
	if (spec.kind === 'custom') {
		if (!(spec.first <= spec.last)) throw new Error(`A period must not end before it starts: ${spec.first} – ${spec.last}`);
		return { spec, first: spec.first, last: spec.last };
	}
	const { span, year, index } = spec;
	if (!Number.isInteger(index) || index < 1 || index > PERIODS_PER_YEAR[span]) {
		throw new Error(`No ${span} number ${index} in a year`);
	}
	const firstMonth = FIRST_MONTH[span](index);
	const lastMonth = LAST_MONTH[span](index);
	if (spec.kind === 'calendar') {
		return { spec, first: isoDay(year, firstMonth, 1), last: isoDay(year, lastMonth + 1, 0) };
	}
	const cut = checkCutoffDay(spec.cutoffDay);
	return { spec, first: isoDay(year, firstMonth - 1, cut), last: isoDay(year, lastMonth, cut - 1) };
}

/** The period of the given kind and span that contains a day. */
export function periodContaining(day: IsoDay, kind: 'reporting' | 'calendar', span: Span, cutoffDay = DEFAULT_CUTOFF_DAY): Period {
	const p = parts(day);
	let year = p.year;
	let month = p.month;
	if (kind === 'reporting' && p.day >= checkCutoffDay(cutoffDay)) {
		// From the cut-off day on, a day belongs to the next month's report.
		month += 1;
		if (month === 13) {
			month = 1;
			year += 1;
		}
	}
	const index = indexOfMonth(span, month);
	return kind === 'reporting' ? period({ kind, span, year, index, cutoffDay }) : period({ kind, span, year, index });
}

function indexOfMonth(span: Span, month: number): number {
	switch (span) {
		case 'month':
			return month;
		case 'quarter':
			return Math.ceil(month / 3);
		case 'half':
			return Math.ceil(month / 6);
		default:
			return 1;
	}
}

function shiftIndex(spec: Extract<PeriodSpec, { index: number }>, by: number): PeriodSpec {
	const n = PERIODS_PER_YEAR[spec.span];
	const zeroBased = spec.year * n + (spec.index - 1) + by;
	return { ...spec, year: Math.floor(zeroBased / n), index: (zeroBased % n) + 1 };
}

/** The period just before: the previous month, quarter, half or year; for a custom range, as many days just before it. */
export function previousPeriod(p: Period): Period {
	const s = p.spec;
	if (s.kind === 'custom') {
		const length = daysBetween(p.first, p.last) + 1;
		return period({ kind: 'custom', first: addDays(p.first, -length), last: addDays(p.first, -1) });
	}
	return period(shiftIndex(s, -1));
}

/** The same period a year before. */
export function samePeriodLastYear(p: Period): Period {
	const s = p.spec;
	if (s.kind === 'custom') {
		return period({ kind: 'custom', first: minusYear(p.first), last: minusYear(p.last) });
	}
	return period({ ...s, year: s.year - 1 });
}

function minusYear(day: IsoDay): IsoDay {
	const { year, month, day: d } = parts(day);
	// 29 February becomes 28 February.
	return isoDay(year - 1, month, Math.min(d, new Date(Date.UTC(year - 1, month, 0)).getUTCDate()));
}

/** The latest period of a kind and span that has ended on or before a day (its last day ≤ asOf). */
export function latestCompletePeriod(asOf: IsoDay, kind: 'reporting' | 'calendar', span: Span, cutoffDay = DEFAULT_CUTOFF_DAY): Period {
	let p = periodContaining(asOf, kind, span, cutoffDay);
	while (p.last > asOf) p = previousPeriod(p);
	return p;
}

/**
 * The period of a kind and span holding a day, or the latest complete one when that one has
 * not ended by `asOf`: what a period picker opens when its kind or its span is changed.
 */
export function periodHoldingOrLatest(day: IsoDay, kind: 'reporting' | 'calendar', span: Span, cutoffDay: number, asOf: IsoDay): Period {
	const p = periodContaining(day, kind, span, cutoffDay);
	return p.last <= asOf ? p : latestCompletePeriod(asOf, kind, span, cutoffDay);
}

/** Consecutive periods of one kind and span covering first … last (the ones that overlap it). */
export function periodsCovering(first: IsoDay, last: IsoDay, kind: 'reporting' | 'calendar', span: Span, cutoffDay = DEFAULT_CUTOFF_DAY): Period[] {
	const out: Period[] = [];
	for (let p = periodContaining(first, kind, span, cutoffDay); p.first <= last; p = nextPeriod(p)) out.push(p);
	return out;
}

function nextPeriod(p: Period): Period {
	const s = p.spec;
	if (s.kind === 'custom') throw new Error('A custom range has no next period');
	return period(shiftIndex(s, 1));
}

/** A short stable key for a period, for URLs and caches: 'r15-quarter-2023-1', 'c-month-2024-2', '2023-01-05_2023-02-01'. */
export function periodKey(p: Period): string {
	const s = p.spec;
	if (s.kind === 'custom') return `${s.first}_${s.last}`;
	const prefix = s.kind === 'reporting' ? `r${s.cutoffDay}` : 'c';
	return `${prefix}-${s.span}-${s.year}-${s.index}`;
}

export function parsePeriodKey(key: string): Period {
	let m = /^(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})$/.exec(key);
	if (m) return period({ kind: 'custom', first: m[1], last: m[2] });
	m = /^(r(\d+)|c)-(month|quarter|half|nine_months|year)-(\d{4})-(\d+)$/.exec(key);
	if (!m) throw new Error(`Not a period: ${key}`);
	const span = m[3] as Span;
	const year = Number(m[4]);
	const index = Number(m[5]);
	return m[2] ? period({ kind: 'reporting', span, year, index, cutoffDay: Number(m[2]) }) : period({ kind: 'calendar', span, year, index });
}

/** One period per day from first to last: grouping by day, with the same as-of-end-of-day rules. */
export function dayPeriods(first: IsoDay, last: IsoDay): Period[] {
	const out: Period[] = [];
	for (let d = first; d <= last; d = addDays(d, 1)) out.push(period({ kind: 'custom', first: d, last: d }));
	return out;
}

/**
 * The period an address asks for by its key; with none, or one a hand edit broke, the
 * latest complete reporting quarter at the data's last day (every page's default).
 */
export function addressedPeriod(key: string | null, dataAsOf: string, cutoffDay: number): Period {
	if (key) {
		try {
			return parsePeriodKey(key);
		} catch {
			// A malformed period falls back to the default.
		}
	}
	return latestCompletePeriod(dataAsOf, 'reporting', 'quarter', cutoffDay);
}

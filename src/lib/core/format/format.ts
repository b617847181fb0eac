/**
 * Numbers, percentages and dates as Vietnamese readers expect them (35.591; 98,4%;
 * 14/3/2023) or, in English, 35,591; 98.4%; 14/3/2023. Written out rather than left to
 * Intl so that every browser and Node print exactly the same thing.
 */
import type { IsoDay } from '../domain/dates';

export type Locale = 'vi' | 'en';

const SEPARATORS: Record<Locale, { group: string; decimal: string }> = {
	vi: { group: '.', decimal: ',' },
	en: { group: ',', decimal: '.' }
};

/** A whole number with thousands grouped: 35.591 (vi), 35,591 (en). */
export function formatCount(n: number, locale: Locale = 'vi'): string {
	const sign = n < 0 ? '−' : '';
	const digits = Math.round(Math.abs(n)).toString();
	return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, SEPARATORS[locale].group);
}

/** A ratio as a percentage with `digits` decimals: 98,4% (vi); a missing rate is an em dash. */
export function formatPercent(ratio: number | null, locale: Locale = 'vi', digits = 1): string {
	if (ratio === null || !Number.isFinite(ratio)) return '—';
	const fixed = (Math.abs(ratio) * 100).toFixed(digits);
	const [whole, frac] = fixed.split('.');
	const sign = ratio < 0 && Number(fixed) !== 0 ? '−' : '';
	return `${sign}${formatCount(Number(whole), locale)}${frac ? SEPARATORS[locale].decimal + frac : ''}%`;
}

/** A change in percentage points, signed: +1,2 điểm % (vi), +1.2 pp (en). */
export function formatPointChange(delta: number | null, locale: Locale = 'vi'): string {
	if (delta === null || !Number.isFinite(delta)) return '—';
	const pts = (delta * 100).toFixed(1);
	const sign = Number(pts) > 0 ? '+' : Number(pts) < 0 ? '−' : '±';
	const body = Math.abs(Number(pts)).toFixed(1).replace('.', SEPARATORS[locale].decimal);
	return `${sign}${body} ${locale === 'vi' ? 'điểm %' : 'pp'}`;
}

/** 14/3/2023: day and month without leading zeros, as the seed reports print them. */
export function formatDay(day: IsoDay): string {
	const [y, m, d] = day.split('-').map(Number);
	return `${d}/${m}/${y}`;
}

/** "2023-03-14 17:00:00" → "14/3/2023 17:00"; a due date given as a day (23:59:59) shows as the day. */
export function formatMoment(ts: string | null): string {
	if (!ts) return '';
	const [day, time] = ts.split(' ');
	return !time || time === '23:59:59' ? formatDay(day) : `${formatDay(day)} ${time.slice(0, 5)}`;
}

const ROMAN_DIGITS: [number, string][] = [
	[1000, 'M'],
	[900, 'CM'],
	[500, 'D'],
	[400, 'CD'],
	[100, 'C'],
	[90, 'XC'],
	[50, 'L'],
	[40, 'XL'],
	[10, 'X'],
	[9, 'IX'],
	[5, 'V'],
	[4, 'IV'],
	[1, 'I']
];

/** 4 → IV: quarters ("Quý IV/2023") and the levels of the report's form are numbered so. */
export function roman(n: number): string {
	if (!Number.isInteger(n) || n < 1 || n > 3999) throw new Error(`No Roman numeral for ${n}`);
	let out = '';
	for (const [value, digits] of ROMAN_DIGITS) for (; n >= value; n -= value) out += digits;
	return out;
}

/** A number with `digits` decimals, thousands grouped: 13,33 (vi), 13.33 (en). */
export function formatDecimal(n: number, locale: Locale = 'vi', digits = 2): string {
	const fixed = Math.abs(n).toFixed(digits);
	const [whole, frac] = fixed.split('.');
	const sign = n < 0 && Number(fixed) !== 0 ? '−' : '';
	return `${sign}${formatCount(Number(whole), locale)}${frac ? SEPARATORS[locale].decimal + frac : ''}`;
}

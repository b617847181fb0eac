/**
 * The province's calendar of days off as its office keeps it, for `npm run ingest`
 * (`--holidays FILE`, else DIR/holidays.csv; docs/PUBLISHING.md): one row a day, its day
 * ("Ngày": dd/mm/yyyy, yyyy-mm-dd or an Excel date) and what it is ("Tên ngày nghỉ"). Read
 * whole or refused, naming the line: a wrong row would quietly move every due-soon warning.
 */
import { formatDay } from '../core/format/format';
import type { Holiday } from '../core/domain/schema';
import { normaliseText } from './headers';
import { readMoment, readText, type Cell } from './values';

export const HOLIDAY_HEADERS = { day: 'Ngày', name: 'Tên ngày nghỉ' } as const;
const SYNONYMS = { day: ['ngay nghi', 'day', 'date'], name: ['ten', 'name'] };

export type HolidaysRead = { holidays: Holiday[] } | { missing: (keyof typeof HOLIDAY_HEADERS)[] } | { line: number; value: string };

/** The file's days off in order, a day written twice kept once (its first name); or what is wrong with it. */
export function readHolidays(headers: readonly string[], rows: readonly { line: number; cells: readonly Cell[] }[]): HolidaysRead {
	const names = headers.map(normaliseText);
	const col = (c: keyof typeof HOLIDAY_HEADERS) => names.findIndex((n) => n === normaliseText(HOLIDAY_HEADERS[c]) || SYNONYMS[c].includes(n));
	const day = col('day');
	const name = col('name');
	const missing = (['day', 'name'] as const).filter((c) => col(c) < 0);
	if (missing.length) return { missing };
	const byDay = new Map<string, Holiday>();
	for (const r of rows) {
		const cell = r.cells[day];
		if (readText(cell) === null && readText(r.cells[name]) === null) continue; // an empty line
		const m = readMoment(cell);
		if (!m || 'error' in m) return { line: r.line, value: String(cell ?? '') };
		if (!byDay.has(m.value.day)) byDay.set(m.value.day, { day: m.value.day, name: readText(r.cells[name]) ?? '' });
	}
	return { holidays: [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1)) };
}

/** The calendar as the folder keeps it (DIR/holidays.csv): the header and a row a day, days as dd/mm/yyyy. */
export function holidayRows(holidays: readonly Holiday[]): string[][] {
	return [[HOLIDAY_HEADERS.day, HOLIDAY_HEADERS.name], ...holidays.map((h) => [formatDay(h.day), h.name])];
}

/**
 * Working days, the one rule: Monday to Friday, except the public holidays of the province's
 * calendar (the `holidays` table, docs/DATA.md). Saturdays, Sundays and holidays are not
 * working days. The sample generator places due dates by it and the due-soon warning counts
 * by it (docs/METRICS.md, "Due soon").
 */
import { addDays, weekday, type IsoDay } from './dates';

export function isWorkingDay(day: IsoDay, holidays: ReadonlySet<IsoDay>): boolean {
	const w = weekday(day);
	return w !== 0 && w !== 6 && !holidays.has(day);
}

/** The first `n` working days after `day` (not counting `day` itself), in order. */
export function workingDaysAfter(day: IsoDay, n: number, holidays: ReadonlySet<IsoDay>): IsoDay[] {
	const out: IsoDay[] = [];
	// A year of holidays in a row would be an error in the calendar, not a reason to loop forever.
	for (let d = addDays(day, 1), guard = 0; out.length < n && guard < 400; d = addDays(d, 1), guard++) if (isWorkingDay(d, holidays)) out.push(d);
	return out;
}

/** The default number of working days ahead that counts as due soon (a setting of the dashboard and the wall). */
export const DEFAULT_DUE_SOON_DAYS = 2;
/** The most a due-soon setting may say: beyond a few weeks it no longer warns of anything. */
export const MAX_DUE_SOON_DAYS = 20;

/**
 * What "due soon" is judged against: the reference day (the end of it is the reference
 * time), the working days after it up to the last one that counts (`days`, N of them), and
 * whether the calendar knew any holiday (without one, weekends alone are skipped).
 */
export interface DueSoonWindow {
	reference: IsoDay;
	days: readonly IsoDay[];
	holidaysKnown: boolean;
}

/**
 * The day due soon is judged at the end of: the data's last day while the period runs on
 * past it (the current period), else the period's last day (a past period, as overdue is).
 */
export function dueSoonReference(periodLast: IsoDay, dataAsOf: IsoDay): IsoDay {
	return periodLast < dataAsOf ? periodLast : dataAsOf;
}

export function dueSoonWindow(reference: IsoDay, n: number, holidays: readonly IsoDay[]): DueSoonWindow {
	return { reference, days: workingDaysAfter(reference, n, new Set(holidays)), holidaysKnown: holidays.length > 0 };
}

/** A due-soon setting read from an address: a whole number from 1 to MAX_DUE_SOON_DAYS, else the default. */
export function parseDueSoonDays(text: string | null): number {
	const n = Number(text);
	return text !== null && Number.isInteger(n) && n >= 1 && n <= MAX_DUE_SOON_DAYS ? n : DEFAULT_DUE_SOON_DAYS;
}

/**
 * Calendar days as ISO strings ('2023-03-14'), computed with UTC arithmetic only, so the
 * result never depends on the time zone of the machine or browser that runs it.
 * Every day in this project is a day in Vietnam (UTC+7, no daylight saving).
 */

export type IsoDay = string;

const DAY_MS = 86_400_000;
/** Vietnam is UTC+7 all year. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

function toUtcMs(day: IsoDay): number {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
	if (!m) throw new Error(`Not an ISO day: ${day}`);
	return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtcMs(ms: number): IsoDay {
	return new Date(ms).toISOString().slice(0, 10);
}

/** The ISO day for year, month (1-12) and day; months and days may overflow (Date.UTC rules). */
export function isoDay(year: number, month: number, day: number): IsoDay {
	return fromUtcMs(Date.UTC(year, month - 1, day));
}

export function addDays(day: IsoDay, n: number): IsoDay {
	return fromUtcMs(toUtcMs(day) + n * DAY_MS);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: IsoDay, b: IsoDay): number {
	return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

export function parts(day: IsoDay): { year: number; month: number; day: number } {
	const d = new Date(toUtcMs(day));
	return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: IsoDay): number {
	return new Date(toUtcMs(day)).getUTCDay();
}

/** Today's date in Vietnam, whatever the local time zone. */
export function vietnamToday(nowMs: number = Date.now()): IsoDay {
	return fromUtcMs(nowMs + VIETNAM_OFFSET_MS);
}

/** The last instant of a Vietnam day as a DuckDB TIMESTAMP literal (microsecond precision). */
export function endOfDay(day: IsoDay): string {
	return `${day} 23:59:59.999999`;
}

/**
 * Timestamps as the engine stores them, in microseconds since 1970 of Vietnam's wall clock
 * (the way TIMESTAMP holds local time): a number per dossier date while files are read.
 */
export type Micros = number;

export function dayOfMicros(us: Micros): IsoDay {
	return new Date(Math.floor(us / 1000)).toISOString().slice(0, 10);
}

const DAY_US = 86_400_000_000;

/** The day of a timestamp counted from 1970: days compare as numbers, with no date text built. */
export function dayNumber(us: Micros): number {
	return Math.floor(us / DAY_US);
}

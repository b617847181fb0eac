/**
 * The working calendar of the sample: days as whole numbers from the start day, minutes of
 * the day in Vietnam local time, public holidays and Tết from the settings, office hours.
 */
import { addDays, daysBetween, weekday, type IsoDay } from '../../src/lib/core/domain/dates';
import { isWorkingDay } from '../../src/lib/core/domain/workdays';
import type { Holiday } from '../../src/lib/core/domain/schema';

/** The settings' holidays: the first and last day of each, and its name. */
export type HolidayRange = [IsoDay, IsoDay, string];

/** Each day of the holidays, one row a day, as the `holidays` table holds them. */
export function holidayDays(ranges: readonly HolidayRange[]): Holiday[] {
	return ranges.flatMap(([from, to, name]) => Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => ({ day: addDays(from, i), name })));
}

export type DayType = 'weekday' | 'saturday' | 'sunday' | 'holiday' | 'beforeTet' | 'afterTet';

/** Desk hours: 7:30–11:30 and 13:30–17:00 on weekdays, 7:30–11:30 on Saturday. */
const MORNING: [number, number] = [7 * 60 + 30, 11 * 60 + 30];
const AFTERNOON: [number, number] = [13 * 60 + 30, 17 * 60];
export const CLOSE_OF_BUSINESS = 17 * 60;

/** Relative volume of online submissions by hour of the day (people submit at night too, less). */
const ONLINE_HOURS = [0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.4, 0.9, 1.3, 1.4, 1.3, 1.0, 0.7, 0.8, 1.2, 1.3, 1.2, 1.0, 0.8, 0.8, 0.8, 0.7, 0.5, 0.3];
const ONLINE_HOURS_TOTAL = ONLINE_HOURS.reduce((a, b) => a + b, 0);

export class WorkCalendar {
	readonly days: IsoDay[];
	readonly types: DayType[];
	private readonly working: boolean[];

	constructor(
		readonly start: IsoDay,
		last: IsoDay,
		holidays: readonly HolidayRange[],
		tet: IsoDay[]
	) {
		// Reach past the last day so that due dates and late results can be placed after it.
		const horizon = addDays(last, 400);
		const n = daysBetween(start, horizon) + 1;
		this.days = Array.from({ length: n }, (_, i) => addDays(start, i));
		const off = new Set(holidayDays(holidays).map((h) => h.day));
		const near = new Map<number, DayType>();
		for (const t of tet) {
			const ti = daysBetween(start, t);
			// The busy fortnight before the holiday, the slow week after it.
			for (let d = ti - 16; d < ti - 3; d++) near.set(d, 'beforeTet');
			for (let d = ti + 5; d < ti + 12; d++) near.set(d, 'afterTet');
		}
		this.types = this.days.map((day, i) => {
			if (off.has(day)) return 'holiday';
			const w = weekday(day);
			if (w === 0) return 'sunday';
			if (w === 6) return 'saturday';
			return near.get(i) ?? 'weekday';
		});
		// The one working-day rule of the dashboard (domain/workdays.ts).
		this.working = this.days.map((day) => isWorkingDay(day, off));
	}

	isWorking(day: number): boolean {
		return this.working[day] ?? true;
	}

	/** The first working day on or after a day. */
	nextWorking(day: number): number {
		while (!this.isWorking(day)) day += 1;
		return day;
	}

	/** The day n working days after a day (n = 0: the day itself if working, else the next working day). */
	addWorking(day: number, n: number): number {
		let d = this.nextWorking(day);
		for (let k = 0; k < n; k++) d = this.nextWorking(d + 1);
		return d;
	}

	/** A random minute of desk hours; Saturday has the morning only. */
	deskMinute(day: number, u: number): number {
		const morning = MORNING[1] - MORNING[0];
		if (this.types[day] === 'saturday') return MORNING[0] + Math.floor(u * morning);
		const total = morning + (AFTERNOON[1] - AFTERNOON[0]);
		const m = Math.floor(u * total);
		return m < morning ? MORNING[0] + m : AFTERNOON[0] + (m - morning);
	}

	/** A random minute of the day for an online submission. */
	static onlineMinute(u: number, v: number): number {
		let x = u * ONLINE_HOURS_TOTAL;
		let h = 0;
		while (h < 23 && x >= ONLINE_HOURS[h]) x -= ONLINE_HOURS[h++];
		return h * 60 + Math.floor(v * 60);
	}
}

/** A value that changes linearly between dated points (held flat before the first and after the last). */
export function timeSeries(points: Record<IsoDay, number>, start: IsoDay): (day: number) => number {
	const xs = Object.keys(points)
		.sort()
		.map((d) => [daysBetween(start, d), points[d]] as const);
	return (day) => {
		if (day <= xs[0][0]) return xs[0][1];
		for (let i = 1; i < xs.length; i++) {
			if (day <= xs[i][0]) {
				const [x0, y0] = xs[i - 1];
				const [x1, y1] = xs[i];
				return y0 + ((y1 - y0) * (day - x0)) / (x1 - x0);
			}
		}
		return xs[xs.length - 1][1];
	};
}

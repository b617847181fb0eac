/**
 * Wall-clock time in Vietnam (UTC+7, no daylight saving), written out so that every screen
 * prints the same whatever its own time zone: 14:05:09, Thứ Bảy 21/11/2026.
 */
import type { Locale } from '../core/format/format';

const VIETNAM_MS = 7 * 3_600_000;
const WEEKDAYS: Record<Locale, string[]> = {
	vi: ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
	en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
};
const pad = (n: number) => String(n).padStart(2, '0');
const vietnam = (t: Date) => new Date(t.getTime() + VIETNAM_MS);

export function clockTime(t: Date, seconds = true): string {
	const v = vietnam(t);
	return `${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}${seconds ? `:${pad(v.getUTCSeconds())}` : ''}`;
}

export function clockDate(t: Date, locale: Locale): string {
	const v = vietnam(t);
	return `${WEEKDAYS[locale][v.getUTCDay()]} ${v.getUTCDate()}/${v.getUTCMonth() + 1}/${v.getUTCFullYear()}`;
}

/** "14:05 21/11": a moment of the feed, short. */
export function clockMoment(t: Date): string {
	const v = vietnam(t);
	return `${clockTime(t, false)} ${v.getUTCDate()}/${v.getUTCMonth() + 1}`;
}

/** Hours since the end of a Vietnam day (its data is complete then): how old the data is. */
export function hoursSinceEndOf(day: string, now: Date): number {
	const [y, m, d] = day.split('-').map(Number);
	const end = Date.UTC(y, m - 1, d + 1) - VIETNAM_MS;
	return (now.getTime() - end) / 3_600_000;
}

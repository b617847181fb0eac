/**
 * The figures must not depend on the viewer's time zone. vitest runs the whole unit suite
 * twice, under TZ=America/Los_Angeles and TZ=Asia/Ho_Chi_Minh (the projects of
 * vite.config.ts), so every hand-computed figure of the other files is checked under both;
 * this file checks that the zone really is in force and that the day arithmetic ignores it.
 */
import { describe, expect, it } from 'vitest';
import { addDays, vietnamToday } from '../../src/lib/core/domain/dates';
import { latestCompletePeriod } from '../../src/lib/core/domain/periods';

const ZONE = process.env.TZ ?? '(not set)';
const OFFSETS: Record<string, number> = { 'America/Los_Angeles': 480, 'Asia/Ho_Chi_Minh': -420 };

describe(`under TZ=${ZONE}`, () => {
	// Run outside those projects (no TZ set), there is no zone to check.
	it.skipIf(!(ZONE in OFFSETS))('the process runs in the zone the test command set', () => {
		expect(new Date(Date.UTC(2023, 0, 15)).getTimezoneOffset()).toBe(OFFSETS[ZONE]);
	});

	it.each([
		// 14/3/2023 16:59:59 UTC is 23:59:59 in Vietnam: still the 14th.
		[Date.UTC(2023, 2, 14, 16, 59, 59), '2023-03-14'],
		// 14/3/2023 17:00:00 UTC is midnight in Vietnam: the 15th, the first day of month 4.
		[Date.UTC(2023, 2, 14, 17, 0, 0), '2023-03-15'],
		[Date.UTC(2022, 11, 31, 17, 0, 0), '2023-01-01']
	])('Vietnam day of %s is %s', (ms, day) => {
		expect(vietnamToday(ms)).toBe(day);
	});

	it('day arithmetic crosses months, years and 29 February the same in every zone', () => {
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
		expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
		expect(addDays('2023-03-12', 1)).toBe('2023-03-13'); // US daylight saving starts that night
		expect(latestCompletePeriod('2023-03-14', 'reporting', 'quarter')).toMatchObject({ first: '2022-12-15', last: '2023-03-14' });
	});
});

/** The public page's figures on the basic fixture: only aggregates, small groups merged or left out, small bases' rates withheld. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeEngine } from '../../src/lib/core/engine/node';
import { publicFigures } from '../../src/lib/public/figures';
import { openFixture } from './helpers';

let engine: NodeEngine;
beforeAll(async () => (engine = await openFixture('basic')));
afterAll(() => engine.close());

describe('public figures, quarter I/2023 (15/12/2022 – 14/3/2023), data as of 31/3/2023', () => {
	it('the headline, the year to date and the levels', async () => {
		const f = await publicFigures(engine);
		expect(f.latest.period).toEqual({ first: '2022-12-15', last: '2023-03-14', kind: 'reporting-quarter', index: 1, year: 2023 });
		// tests/fixtures/basic/expected.ts: 20 received, 12 resolved, 10 on time, 9 online, 4 satisfied of 7 rated.
		expect(f.latest.total).toEqual({ received: 20, resolved: 12, rates: { on_time_rate: 10 / 12, online_share: 9 / 20, satisfaction_rate: 4 / 7 } });
		// 15/12/2022 – 31/3/2023: the quarter's 20 and F06 (received 15/3); resolved: the 12, F06 (15/3) and F10 (20/3).
		expect(f.yearToDate.period).toMatchObject({ first: '2022-12-15', last: '2023-03-31', kind: 'year-to-date', year: 2023 });
		expect(f.yearToDate.total).toMatchObject({ received: 21, resolved: 14 });
		expect(f.levels.map((l) => [l.level, l.received])).toEqual([
			['province', 7],
			['district', 6],
			['commune', 7]
		]);
		expect(f.trend).toHaveLength(12);
		expect(f.trend.at(-1)!.period).toMatchObject({ first: '2023-02-15', last: '2023-03-14', kind: 'reporting-month', index: 3, year: 2023 });
	});

	it('threshold 5: every agency shown; a rate whose base is under 5 is withheld', async () => {
		const f = await publicFigures(engine, 5);
		expect(f.agencies).toEqual([
			// P1: 7 received (5 online), 6 resolved all on time, 4 rated (under 5: withheld).
			{ name: 'Sở Tư pháp', received: 7, resolved: 6, rates: { on_time_rate: 1, online_share: 5 / 7, satisfaction_rate: null } },
			// C1: 7 received (3 online), 3 resolved (under 5), 2 rated.
			{ name: 'Ủy ban nhân dân xã Đức Lân', received: 7, resolved: 3, rates: { on_time_rate: null, online_share: 3 / 7, satisfaction_rate: null } },
			// D1: 6 received (1 online), 3 resolved, 1 rated.
			{ name: 'Ủy ban nhân dân huyện Mộ Đức', received: 6, resolved: 3, rates: { on_time_rate: null, online_share: 1 / 6, satisfaction_rate: null } }
		]);
		expect(f.merged).toBeNull();
		expect(f.suppressedUnits).toBe(0);
	});

	it('threshold 7: the agency of 6 dossiers is merged, and left out because its merged row is still under 7', async () => {
		const f = await publicFigures(engine, 7);
		expect(f.agencies.map((a) => [a.name, a.received])).toEqual([
			['Sở Tư pháp', 7],
			['Ủy ban nhân dân xã Đức Lân', 7]
		]);
		expect(f.agencies[0].rates.on_time_rate).toBeNull(); // 6 resolved < 7
		expect(f.merged).toBeNull();
		expect(f.suppressedUnits).toBe(1);
		expect(JSON.stringify(f)).not.toContain('Mộ Đức');
	});

	it('holds no dossier id', async () => {
		const text = JSON.stringify(await publicFigures(engine));
		for (let i = 1; i <= 22; i++) expect(text).not.toContain(`F${String(i).padStart(2, '0')}`);
	});
});

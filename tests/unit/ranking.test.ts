import { describe, expect, it } from 'vitest';
import { addCounts, rateBase, type Counts } from '../../src/lib/core/domain/metrics';
import { firstDirection, sortRows, tooFew } from '../../src/lib/dashboard/ranking';

const zero = addCounts([]);
/** A row with `resolved` dossiers of which `onTime` on time, and `received` received. */
function row(label: string, received: number, resolved: number, onTime: number): { label: string; counts: Counts } {
	return { label, counts: { ...zero, received, resolved, on_time: onTime, late: resolved - onTime } };
}

describe('the ranking order', () => {
	// A: 50 of 100 on time (50%), B: 3 of 3 (100%, too few), C: 18 of 20 (90%), D: nothing resolved (no rate), E: 9 of 10 (90%).
	const rows = [row('A', 120, 100, 50), row('B', 3, 3, 3), row('C', 25, 20, 18), row('D', 12, 0, 0), row('Ê', 10, 10, 9)];

	it('puts the worst on-time rate first and a rate of too few dossiers last', () => {
		expect(sortRows(rows, { metric: 'on_time_rate', descending: false }).map((r) => r.label)).toEqual(['A', 'C', 'Ê', 'B', 'D']);
		// Best first: B's 100% of 3 still does not lead; C and Ê tie at 90% and go by name.
		expect(sortRows(rows, { metric: 'on_time_rate', descending: true }).map((r) => r.label)).toEqual(['C', 'Ê', 'A', 'B', 'D']);
	});

	it('sorts counts plainly, the most first by default', () => {
		expect(firstDirection('received')).toEqual({ metric: 'received', descending: true });
		expect(firstDirection('online_share')).toEqual({ metric: 'online_share', descending: false });
		expect(sortRows(rows, firstDirection('received')).map((r) => r.label)).toEqual(['A', 'C', 'D', 'Ê', 'B']);
	});

	it('counts the dossiers behind a rate', () => {
		expect(rateBase('on_time_rate', rows[2].counts)).toBe(20);
		expect(rateBase('online_share', rows[2].counts)).toBe(25);
		expect(tooFew('on_time_rate', rows[1].counts)).toBe(true);
		expect(tooFew('received', rows[1].counts)).toBe(false);
	});
});

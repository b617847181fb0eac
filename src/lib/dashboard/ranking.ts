/**
 * The order of the ranking table. A rate of 3 dossiers is not a rate to rank by: when the
 * table is sorted by a rate, rows with fewer than MIN_DOSSIERS_TO_RANK dossiers behind it go
 * after the others (and are marked on screen), so 100% of 3 is never taken for a leader.
 */
import { metric, rate, rateBase, type Counts, type MetricId, type RateId } from '../core/domain/metrics';
import type { SortKey, SortOrder } from './view';

export const RANKING_METRICS = ['received', 'resolved', 'on_time_rate', 'online_share', 'satisfaction_rate', 'overdue'] as const satisfies readonly MetricId[];
export const MIN_DOSSIERS_TO_RANK = 10;

export function metricValue(id: MetricId, counts: Counts): number | null {
	return metric(id).kind === 'rate' ? rate(id as RateId, counts) : counts[id as keyof Counts];
}

/** Too few dossiers behind the row's value of this metric to rank it. */
export function tooFew(id: SortKey, counts: Counts): boolean {
	return id !== 'due_soon' && metric(id).kind === 'rate' && rateBase(id as RateId, counts) < MIN_DOSSIERS_TO_RANK;
}

/** The direction a column sorts in when first clicked: the worst first for rates, the most first for counts (due soon too). */
export function firstDirection(id: SortKey): SortOrder {
	return { metric: id, descending: id === 'due_soon' || metric(id).kind !== 'rate' };
}

/** A row of the ranking table. */
export interface RankingRow {
	key: string | null;
	label: string;
	/** The full name, when the label is a short one. */
	fullName?: string;
	/** Where a click on the name goes; null when the row cannot be drilled. */
	href: string | null;
	counts: Counts;
	/** Dossiers due soon (docs/METRICS.md, "Due soon"). */
	dueSoon: number;
}

const collator = new Intl.Collator('vi');

export function sortRows<T extends { label: string; counts: Counts; dueSoon?: number }>(rows: readonly T[], sort: SortOrder): T[] {
	const id = sort.metric;
	// Each row's place computed once, not at every comparison (hundreds of procedures at a field).
	const keyed = rows.map((row) => ({ row, few: tooFew(id, row.counts), value: id === 'due_soon' ? (row.dueSoon ?? null) : metricValue(id, row.counts) }));
	keyed.sort((a, b) => {
		if (a.few !== b.few) return a.few ? 1 : -1;
		const va = a.value;
		const vb = b.value;
		if (va === null || vb === null) return va === vb ? collator.compare(a.row.label, b.row.label) : va === null ? 1 : -1;
		if (va !== vb) return sort.descending ? vb - va : va - vb;
		return collator.compare(a.row.label, b.row.label);
	});
	return keyed.map((k) => k.row);
}

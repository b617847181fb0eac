/**
 * The six headline figures the dashboard's tiles and the wall show, and how each one's
 * change against a reference period is told: rates in percentage points, counts in per
 * cent, and whether the change is good news for that figure.
 */
import { metric, type Counts, type MetricId } from '../core/domain/metrics';
import { formatCount, formatPercent, formatPointChange, type Locale } from '../core/format/format';
import { metricValue } from './ranking';

export const TILES: { id: MetricId; better: 'up' | 'down' | 'none' }[] = [
	{ id: 'received', better: 'none' },
	{ id: 'resolved', better: 'none' },
	{ id: 'on_time_rate', better: 'up' },
	{ id: 'online_share', better: 'up' },
	{ id: 'satisfaction_rate', better: 'up' },
	{ id: 'overdue', better: 'down' }
];

export interface Change {
	text: string;
	direction: 'up' | 'down' | 'flat';
	tone: 'good' | 'bad' | 'neutral';
}

/** A figure as printed: 35.591 or 98,4%. */
export function showMetric(id: MetricId, counts: Counts, locale: Locale): string {
	const v = metricValue(id, counts);
	return metric(id).kind === 'rate' ? formatPercent(v, locale) : formatCount(v ?? 0, locale);
}

export function changeOf(id: MetricId, better: 'up' | 'down' | 'none', now: Counts, then: Counts, locale: Locale): Change {
	const a = metricValue(id, now);
	const b = metricValue(id, then);
	const isRate = metric(id).kind === 'rate';
	const delta = a === null || b === null ? null : isRate ? a - b : b === 0 ? null : (a - b) / b;
	const direction = delta === null || Math.abs(delta) < 0.0005 ? 'flat' : delta > 0 ? 'up' : 'down';
	const tone = better === 'none' || direction === 'flat' ? 'neutral' : direction === better ? 'good' : 'bad';
	const text = delta === null ? '—' : isRate ? formatPointChange(delta, locale) : `${delta > 0 ? '+' : ''}${formatPercent(delta, locale)}`;
	return { text, direction, tone };
}

/**
 * The figures the public page publishes, computed once when the site is built, from the
 * dossier database, by the metric engine's own definitions. Only aggregates leave here: no
 * dossier id, no row of a dossier. Privacy by construction:
 *   - a unit (agency) with fewer dossiers than the threshold is not shown on its own: such
 *     units are merged into one row "other units", and that row is left out too when it
 *     still holds fewer than the threshold; the page says how many units each affects;
 *   - a rate whose base (its denominator) is under the threshold is not published, so one
 *     citizen's rating or outcome cannot be read off a small group.
 * Units are counted as they were (docs/METRICS.md, "Two ways to count units"): the page is
 * prerendered with one set of figures, and those of a past quarter are what its report form
 * carries, under the units that received the dossiers; the page says so.
 */
import { addCounts, rate, rateBase, type Counts, type RateId } from '../core/domain/metrics';
import { latestCompletePeriod, periodContaining, periodKey, period as makePeriod, type Period } from '../core/domain/periods';
import { LEVELS, type Level } from '../core/domain/types';
import type { Units } from '../core/domain/succession';
import { loadCatalog, namesAmong } from '../core/engine/catalog';
import { queryMetrics } from '../core/engine/metrics';
import { datasetInfo } from '../core/engine/source';
import type { Querier } from '../core/engine/types';
import { trendMonths } from '../dashboard/dashboard';

export const PUBLIC_THRESHOLD = 5;
export const PUBLIC_RATES = ['on_time_rate', 'online_share', 'satisfaction_rate'] as const satisfies readonly RateId[];
type PublicRate = (typeof PUBLIC_RATES)[number];

/** A published row: counts of received and resolved, and the rates whose base reaches the threshold (else null). */
export interface PublicRow {
	received: number;
	resolved: number;
	rates: Record<PublicRate, number | null>;
}

export interface PublicPeriod {
	first: string;
	last: string;
	kind: 'reporting-quarter' | 'year-to-date' | 'reporting-month';
	/** The quarter's or month's number (0 for the year to date), and its year, for the name the page prints. */
	index: number;
	year: number;
}

export interface PublicFigures {
	province: string;
	dataAsOf: string;
	threshold: number;
	/** How units are counted: as they were, always (the module's comment says why). */
	units: Units;
	latest: { period: PublicPeriod; total: PublicRow };
	yearToDate: { period: PublicPeriod; total: PublicRow };
	/** The latest period by level. */
	levels: ({ level: Level } & PublicRow)[];
	/** The latest period by agency, units at or above the threshold, most dossiers first. */
	agencies: ({ name: string } & PublicRow)[];
	/** Units under the threshold merged in one row (null when there are none or the row itself is under it). */
	merged: ({ units: number } & PublicRow) | null;
	/** Units left out altogether: their merged row was itself under the threshold. */
	suppressedUnits: number;
	/** Twelve reporting months up to the latest period's last, oldest first. */
	trend: ({ period: PublicPeriod } & PublicRow)[];
}

function publicRow(counts: Counts, threshold: number): PublicRow {
	const rates = Object.fromEntries(PUBLIC_RATES.map((id) => [id, rateBase(id, counts) >= threshold ? rate(id, counts) : null])) as PublicRow['rates'];
	return { received: counts.received, resolved: counts.resolved, rates };
}

function describe(p: Period, kind: PublicPeriod['kind']): PublicPeriod {
	const s = p.spec;
	const index = s.kind === 'custom' ? 0 : s.index;
	const year = s.kind === 'custom' ? Number(p.last.slice(0, 4)) : s.year;
	return { first: p.first, last: p.last, kind, index, year };
}

export async function publicFigures(engine: Querier, threshold = PUBLIC_THRESHOLD): Promise<PublicFigures> {
	const [info, catalog] = await Promise.all([datasetInfo(engine), loadCatalog(engine)]);
	const latest = latestCompletePeriod(info.dataAsOf, 'reporting', 'quarter', info.cutoffDay);
	const year = periodContaining(info.dataAsOf, 'reporting', 'year', info.cutoffDay);
	const yearToDate = makePeriod({ kind: 'custom', first: year.first, last: info.dataAsOf < year.last ? info.dataAsOf : year.last });
	const months = trendMonths(latest, info.cutoffDay);
	const [byLevel, byAgency, ytd, trend] = await Promise.all([
		queryMetrics(engine, { periods: [latest], groupBy: ['level'] }, info.aggregated),
		queryMetrics(engine, { periods: [latest], groupBy: ['agency'] }, info.aggregated),
		queryMetrics(engine, { periods: [yearToDate] }, info.aggregated),
		queryMetrics(engine, { periods: months }, info.aggregated)
	]);
	const total = addCounts(byLevel.map((r) => r.counts));
	const big = byAgency.filter((r) => r.counts.received >= threshold);
	const small = byAgency.filter((r) => r.counts.received < threshold && r.counts.received > 0);
	const smallCounts = addCounts(small.map((r) => r.counts));
	const mergedShown = small.length > 0 && smallCounts.received >= threshold;
	// Named as the wall names them: plainly, but a unit that ceased and namesakes side by side with their days.
	const names = namesAmong(
		catalog.agencies,
		big.map((r) => r.keys.agency!)
	);
	return {
		province: info.province,
		dataAsOf: info.dataAsOf,
		threshold,
		units: 'received',
		latest: { period: describe(latest, 'reporting-quarter'), total: publicRow(total, threshold) },
		// The reporting year runs from 15/12 of the year before: it is named by the year it closes in.
		yearToDate: { period: { ...describe(yearToDate, 'year-to-date'), year: Number(year.last.slice(0, 4)) }, total: publicRow(addCounts(ytd.map((r) => r.counts)), threshold) },
		levels: LEVELS.flatMap((level) => byLevel.filter((r) => r.keys.level === level).map((r) => ({ level, ...publicRow(r.counts, threshold) }))),
		agencies: big.map((r) => ({ name: names.get(r.keys.agency!)!, ...publicRow(r.counts, threshold) })).sort((a, b) => b.received - a.received || a.name.localeCompare(b.name, 'vi')),
		merged: mergedShown ? { units: small.length, ...publicRow(smallCounts, threshold) } : null,
		suppressedUnits: mergedShown ? 0 : small.length,
		trend: months.map((m) => ({ period: describe(m, 'reporting-month'), ...publicRow(addCounts(trend.filter((r) => r.period === periodKey(m)).map((r) => r.counts)), threshold) }))
	};
}

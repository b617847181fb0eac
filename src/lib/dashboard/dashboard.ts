/**
 * The figures of the analyst dashboard for one view (state/view.ts): the tiles with their
 * two reference periods, the monthly trend, the levels or the drill path compared, and the
 * ranking one step below the current one. Every figure comes from the metric engine.
 *
 * The tiles, the levels and the trend share one query (fifteen periods grouped by level);
 * the ranking is a second; each step of the drill path above the current one is a small
 * query that the cache (engine/cache.ts) has usually kept from the way down.
 */
import { addCounts, type Counts } from '../core/domain/metrics';
import { addressedPeriod, periodContaining, periodKey, previousPeriod, samePeriodLastYear, type Period } from '../core/domain/periods';
import { referencePeriod, type Dimension, type DossierListRequest, type Filters, type MetricsRow } from '../core/domain/query';
import { LEVELS, type Level } from '../core/domain/types';
import { dueSoonReference, dueSoonWindow, type DueSoonWindow } from '../core/domain/workdays';
import { queryDossiers, queryDueSoon, queryMetrics } from '../core/engine/metrics';
import type { DatasetInfo } from '../core/engine/source';
import type { Querier } from '../core/engine/types';
import { DRILL_STEPS, nextStep, viewFilters, type DrillStep, type ViewState } from './view';

export interface PeriodFigures {
	period: Period;
	total: Counts;
	byLevel: { level: Level; counts: Counts }[];
}

export interface Dashboard {
	current: PeriodFigures;
	previous: PeriodFigures;
	lastYear: PeriodFigures;
	/** Twelve months up to the one holding the period's last day, oldest first. */
	trend: PeriodFigures[];
	/** The path from the province down to the current step, each with its figures. */
	path: { step: DrillStep | null; key: string | null; counts: Counts }[];
	ranking: { dimension: Dimension; rows: { key: string | null; counts: Counts }[] };
	dueSoon: DueSoonFigures;
}

/** Due soon and overdue at the end of the reference day (docs/METRICS.md, "Due soon"): in all, and by the ranking's groups. */
export interface DueSoonFigures {
	window: DueSoonWindow;
	total: { due_soon: number; overdue: number };
	byKey: { key: string | null; due_soon: number }[];
}

/** The period a view shows: the one in the URL, or the latest complete reporting quarter. */
export function viewPeriod(view: ViewState, dataAsOf: string, cutoffDay: number): Period {
	return addressedPeriod(view.period, dataAsOf, cutoffDay);
}

/** The twelve months of the trend: reporting months for a reporting period, calendar months otherwise. */
export function trendMonths(p: Period, cutoffDay: number): Period[] {
	const s = p.spec;
	const months = [s.kind === 'reporting' ? periodContaining(p.last, 'reporting', 'month', s.cutoffDay) : periodContaining(p.last, 'calendar', 'month', cutoffDay)];
	while (months.length < 12) months.unshift(previousPeriod(months[0]));
	return months;
}

/** What the ranking lists: one step below the current one (agencies at the province's top, whose levels the comparison shows). */
export function rankingDimension(view: ViewState): Dimension {
	const step = nextStep(view);
	if (step === null) return 'channel';
	return step === 'level' ? 'agency' : step;
}

function figures(rows: readonly MetricsRow[], p: Period): PeriodFigures {
	const mine = rows.filter((r) => r.period === periodKey(p));
	return {
		period: p,
		total: addCounts(mine.map((r) => r.counts)),
		byLevel: LEVELS.flatMap((level) => {
			const row = mine.find((r) => r.keys.level === level);
			return row ? [{ level, counts: row.counts }] : [];
		})
	};
}

/** What the figures of a view depend on besides the view (the session's DatasetInfo; without `holidays`, weekends alone are days off). */
export type DataContext = Pick<DatasetInfo, 'dataAsOf' | 'cutoffDay' | 'aggregated'> & Partial<Pick<DatasetInfo, 'holidays'>>;

/** The due-soon window of a view: judged at the end of its period's last day, or of the data's last day while the period runs on (workdays.ts). */
export function viewWindow(view: ViewState, data: DataContext): DueSoonWindow {
	const p = viewPeriod(view, data.dataAsOf, data.cutoffDay);
	return dueSoonWindow(dueSoonReference(p.last, data.dataAsOf), view.soon, data.holidays ?? []);
}

async function dueSoonFigures(engine: Querier, view: ViewState, data: DataContext, filters: Filters, dimension: Dimension): Promise<DueSoonFigures> {
	const window = viewWindow(view, data);
	const rows = await queryDueSoon(engine, { window, groupBy: [dimension], filters, units: view.units }, data);
	return {
		window,
		total: { due_soon: rows.reduce((n, r) => n + r.due_soon, 0), overdue: rows.reduce((n, r) => n + r.overdue, 0) },
		byKey: rows.map((r) => ({ key: r.keys[dimension] ?? null, due_soon: r.due_soon }))
	};
}

export async function dashboardData(engine: Querier, view: ViewState, data: DataContext): Promise<Dashboard> {
	const { cutoffDay, aggregated } = data;
	const p = viewPeriod(view, data.dataAsOf, cutoffDay);
	const previous = previousPeriod(p);
	const lastYear = samePeriodLastYear(p);
	const months = trendMonths(p, cutoffDay);
	const periods = [...new Map([p, previous, lastYear, ...months].map((x) => [periodKey(x), x])).values()];
	const filters = viewFilters(view);
	const units = view.units;
	const dimension = rankingDimension(view);
	const steps = DRILL_STEPS.filter((s) => view.drill[s] !== undefined);
	const [dueSoon, byLevel, ranking, ...above] = await Promise.all([
		dueSoonFigures(engine, view, data, filters, dimension),
		queryMetrics(engine, { periods, groupBy: ['level'], filters, units }, aggregated),
		queryMetrics(engine, { periods: [p], groupBy: [dimension], filters, units }, aggregated),
		// The figures of each step above the current one: the province, then each drilled step but the last.
		...steps.map((_, i) => queryMetrics(engine, { periods: [p], filters: viewFilters({ ...view, drill: Object.fromEntries(steps.slice(0, i).map((s) => [s, view.drill[s]])) }), units }, aggregated))
	]);
	const current = figures(byLevel, p);
	const sum = (rows: MetricsRow[]) => addCounts(rows.map((r) => r.counts));
	return {
		current,
		previous: figures(byLevel, previous),
		lastYear: figures(byLevel, lastYear),
		trend: months.map((m) => figures(byLevel, m)),
		path: [
			...above.map((rows, i) => ({ step: i === 0 ? null : steps[i - 1], key: i === 0 ? null : view.drill[steps[i - 1]]!, counts: sum(rows) })),
			...(steps.length ? [{ step: steps.at(-1)!, key: view.drill[steps.at(-1)!]!, counts: current.total }] : [])
		],
		ranking: { dimension, rows: ranking.map((r) => ({ key: r.keys[dimension] ?? null, counts: r.counts })) },
		dueSoon
	};
}

export const DOSSIER_PAGE_SIZE = 50;

/**
 * The list a view asks for: the dossiers of its period, overdue first; or, narrowed to those
 * due soon, the dossiers due soon at the end of the reference day, soonest due first.
 */
function listRequest(view: ViewState, data: DataContext): DossierListRequest {
	const filters = viewFilters(view);
	const units = view.units;
	if (!view.dueSoonOnly) return { period: viewPeriod(view, data.dataAsOf, data.cutoffDay), filters, units };
	const window = viewWindow(view, data);
	return { period: referencePeriod(window.reference), filters, units, outcomes: ['due_soon'], dueSoon: window };
}

/** One page of the dossiers behind a view, overdue first. */
export function dossierPage(engine: Querier, view: ViewState, data: DataContext) {
	return queryDossiers(engine, { ...listRequest(view, data), limit: DOSSIER_PAGE_SIZE, offset: (view.page - 1) * DOSSIER_PAGE_SIZE });
}

/** Every dossier behind a view, overdue first: the list's download. */
export function viewDossiers(engine: Querier, view: ViewState, data: DataContext) {
	return queryDossiers(engine, listRequest(view, data));
}

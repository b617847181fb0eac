/**
 * Everything a wall screen shows, computed at once when the data changes: the engine can
 * then be closed until the next change, and the scenes rotate over plain figures. The
 * figures are the dashboard's (views/dashboard.ts) for the wall's scope and period, so a
 * leader's wall and an analyst's screen never disagree.
 */
import type { Counts } from '../core/domain/metrics';
import { latestCompletePeriod, period as makePeriod, periodKey, type Period } from '../core/domain/periods';
import type { Dimension } from '../core/domain/query';
import type { Units } from '../core/domain/succession';
import type { Level } from '../core/domain/types';
import { levelsGone, loadCatalog, namesAmong, type Catalog } from '../core/engine/catalog';
import { queryDueSoon, queryMetrics } from '../core/engine/metrics';
import { dueSoonWindow, type DueSoonWindow } from '../core/domain/workdays';
import { datasetInfo } from '../core/engine/source';
import type { Querier } from '../core/engine/types';
import { DEFAULT_VIEW, viewFilters, type ViewState } from '../dashboard/view';
import { dashboardData } from '../dashboard/dashboard';
import type { WallSettings } from './settings';

export interface NamedCounts {
	key: string;
	name: string;
	counts: Counts;
}

export interface WallFigures {
	province: string;
	dataAsOf: string;
	/** The agency or level the screen is fixed to, by name; null for the whole province. */
	scope: { level: Level | null; agency: string | null };
	period: Period;
	/** Whose units the agencies and levels are: as they were, or today's. */
	units: Units;
	/** The levels no unit had in the period, each said instead of shown ("Từ 1/7/2025 không còn cấp huyện"). */
	levelsGone: string[];
	previous: Period;
	current: Counts;
	before: Counts;
	/** Twelve reporting months up to the period's last, oldest first. */
	trend: { period: Period; counts: Counts }[];
	levels: { level: Level; counts: Counts }[];
	/** One step below the scope (agencies, or fields on an agency's screen), for the period. */
	ranking: { dimension: Dimension; rows: NamedCounts[] };
	/** Dossiers in progress and past due at the end of the data's last day, by the same step, most first. */
	overdueNow: { day: string; total: number; rows: NamedCounts[] };
	/** Dossiers due soon at the end of the data's last day (docs/METRICS.md, "Due soon"), by the same step, most first, overdue beside. */
	dueSoonNow: { window: DueSoonWindow; total: number; overdue: number; rows: DueSoonUnit[] };
}

export interface DueSoonUnit {
	key: string;
	name: string;
	dueSoon: number;
	overdue: number;
}

/**
 * The agency a desk screen shows: the one its address names, or by today's units that
 * agency's unit today (a screen set up for a unit that has since merged shows what it became).
 */
function scopeAgency(s: WallSettings, catalog: Catalog) {
	const named = s.agency ? catalog.agencies.get(s.agency) : undefined;
	return named && s.units === 'current' ? catalog.agencies.get(named.currentId) : named;
}

/** The dashboard view of a wall's scope: the province, a level, or one agency (at its level). */
function wallView(s: WallSettings, catalog: Catalog, period: Period): ViewState {
	const agency = scopeAgency(s, catalog);
	const drill = agency ? { level: agency.level, agency: agency.id } : s.level ? { level: s.level } : {};
	return { ...DEFAULT_VIEW, period: periodKey(period), drill, units: s.units };
}

function label(dimension: Dimension, key: string | null, catalog: Catalog, agencies: ReadonlyMap<string, string>): string {
	if (key === null) return '—';
	if (dimension === 'agency') return agencies.get(key) ?? key;
	if (dimension === 'procedure') return catalog.procedures.get(key)?.name ?? key;
	return key;
}

export async function wallFigures(engine: Querier, s: WallSettings): Promise<WallFigures> {
	const [info, catalog] = await Promise.all([datasetInfo(engine), loadCatalog(engine)]);
	const period = latestCompletePeriod(info.dataAsOf, 'reporting', s.span, info.cutoffDay);
	const view = wallView(s, catalog, period);
	const d = await dashboardData(engine, view, info);
	const dimension = d.ranking.dimension;
	// One day, the data's last: what is overdue at its end is overdue now.
	const today = makePeriod({ kind: 'custom', first: info.dataAsOf, last: info.dataAsOf });
	const overdue = await queryMetrics(engine, { periods: [today], groupBy: [dimension], filters: viewFilters(view), units: s.units }, info.aggregated);
	const window = dueSoonWindow(info.dataAsOf, s.soon, info.holidays);
	const soon = await queryDueSoon(engine, { window, groupBy: [dimension], filters: viewFilters(view), units: s.units }, info);
	// The units of the three lists named together: the same unit reads the same on every scene.
	const keys = [...d.ranking.rows.map((r) => r.key), ...overdue.map((r) => r.keys[dimension] ?? null), ...soon.map((r) => r.keys[dimension] ?? null)].filter((k): k is string => k !== null);
	const agencies = namesAmong(catalog.agencies, keys, { short: true, locale: s.lang, markCeased: s.units === 'current' });
	const named = (rows: { key: string | null; counts: Counts }[]): NamedCounts[] => rows.map((r) => ({ key: r.key ?? '', name: label(dimension, r.key, catalog, agencies), counts: r.counts }));
	const overdueRows = named(overdue.map((r) => ({ key: r.keys[dimension] ?? null, counts: r.counts })))
		.filter((r) => r.counts.overdue > 0)
		.sort((a, b) => b.counts.overdue - a.counts.overdue || a.name.localeCompare(b.name, 'vi'));
	const soonRows = soon
		.map((r) => ({ key: r.keys[dimension] ?? '', name: label(dimension, r.keys[dimension] ?? null, catalog, agencies), dueSoon: r.due_soon, overdue: r.overdue }))
		.filter((r) => r.dueSoon > 0)
		.sort((a, b) => b.dueSoon - a.dueSoon || b.overdue - a.overdue || a.name.localeCompare(b.name, 'vi'));
	const agency = scopeAgency(s, catalog);
	return {
		province: info.province,
		dataAsOf: info.dataAsOf,
		scope: { level: agency?.level ?? s.level, agency: agency?.name ?? null },
		period,
		units: s.units,
		levelsGone: levelsGone(catalog.agencies, period, s.units, s.lang).flatMap((g) => (d.current.byLevel.some((l) => l.level === g.level) ? [] : [g.note])),
		previous: d.previous.period,
		current: d.current.total,
		before: d.previous.total,
		trend: d.trend.map((m) => ({ period: m.period, counts: m.total })),
		levels: d.current.byLevel,
		ranking: { dimension, rows: named(d.ranking.rows) },
		overdueNow: { day: info.dataAsOf, total: overdueRows.reduce((n, r) => n + r.counts.overdue, 0), rows: overdueRows },
		dueSoonNow: { window, total: soon.reduce((n, r) => n + r.due_soon, 0), overdue: soon.reduce((n, r) => n + r.overdue, 0), rows: soonRows }
	};
}

/**
 * The whole view of the analyst dashboard as plain data, mirrored one-to-one in the URL so
 * that back, forward, reload and a copied address restore it exactly.
 *
 * The drill path goes province → level → agency → field → procedure → the dossiers; each
 * step is also a filter, and combines with the filters chosen in the filter bar.
 */
import { metric, type MetricId } from '../core/domain/metrics';
import type { Filters } from '../core/domain/query';
import { parseUnits, type Units } from '../core/domain/succession';
import { CHANNELS, LEVELS, type Channel, type Level } from '../core/domain/types';
import type { Locale } from '../core/format/format';
import { DEFAULT_DUE_SOON_DAYS, parseDueSoonDays } from '../core/domain/workdays';

export const DRILL_STEPS = ['level', 'agency', 'field', 'procedure'] as const;
export type DrillStep = (typeof DRILL_STEPS)[number];

/** What the ranking sorts by: a metric, or the dossiers due soon (not a metric of the period: docs/METRICS.md, "Due soon"). */
export type SortKey = MetricId | 'due_soon';

export interface SortOrder {
	metric: SortKey;
	descending: boolean;
}

export interface ViewFilters {
	levels: Level[];
	channels: Channel[];
	agencies: string[];
	fields: string[];
	procedures: string[];
}

export interface ViewState {
	/** periodKey() of the chosen period; null means the latest complete reporting quarter. */
	period: string | null;
	/** Where the user has drilled to, in order: each step narrows the one before. */
	drill: Partial<Record<DrillStep, string>>;
	/** Showing the dossiers themselves instead of the charts. */
	dossiers: boolean;
	/** The page of the dossier list, from 1. */
	page: number;
	/** The order of the ranking table; null is its default (DEFAULT_SORT). */
	sort: SortOrder | null;
	/** Filter-bar choices, combined with the drill path. */
	filters: ViewFilters;
	/**
	 * Whose units the agencies and levels are (docs/METRICS.md, "Two ways to count units"):
	 * those that received the dossiers (the default), or today's. Drill keys and agency
	 * filters name units of this way.
	 */
	units: Units;
	lang: Locale;
	/** Working days ahead that count as due soon (`soon=N`; the default, 2, is not written). */
	soon: number;
	/** The dossier list narrowed to the dossiers due soon (`outcome=due_soon`, with the list only). */
	dueSoonOnly: boolean;
}

/** The ranking starts with the worst on-time rate: the analyst's first question is where dossiers are late. */
export const DEFAULT_SORT: SortOrder = { metric: 'on_time_rate', descending: false };

export const NO_FILTERS: ViewFilters = { levels: [], channels: [], agencies: [], fields: [], procedures: [] };

export const DEFAULT_VIEW: ViewState = { period: null, drill: {}, dossiers: false, page: 1, sort: null, filters: NO_FILTERS, units: 'received', lang: 'vi', soon: DEFAULT_DUE_SOON_DAYS, dueSoonOnly: false };

function list<T extends string>(value: string | null, allowed: readonly T[]): T[] {
	if (!value) return [];
	return value.split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
}

function parseSort(value: string | null): SortOrder | null {
	if (!value) return null;
	const descending = value.startsWith('-');
	const id = (descending ? value.slice(1) : value) as MetricId;
	if ((id as SortKey) === 'due_soon') return { metric: 'due_soon', descending };
	try {
		metric(id);
	} catch {
		return null;
	}
	return { metric: id, descending };
}

/**
 * Reads a view from URL search parameters; anything unknown or malformed is ignored.
 * Levels and channels are comma lists (their values have no commas); agencies, fields and
 * procedures repeat their parameter, since a field's name may hold a comma.
 */
export function parseView(params: URLSearchParams): ViewState {
	const drill: ViewState['drill'] = {};
	// A step counts only when every step before it is there too.
	for (const step of DRILL_STEPS) {
		const v = params.get(step);
		if (!v || (step === 'level' && !(LEVELS as readonly string[]).includes(v))) break;
		drill[step] = v;
	}
	const dossiers = params.get('view') === 'dossiers';
	const page = Number(params.get('page'));
	return {
		period: params.get('period'),
		drill,
		dossiers,
		page: dossiers && Number.isInteger(page) && page > 1 ? page : 1,
		sort: parseSort(params.get('sort')),
		filters: {
			levels: list(params.get('levels'), LEVELS),
			channels: list(params.get('channels'), CHANNELS),
			agencies: params.getAll('agencies').filter(Boolean),
			fields: params.getAll('fields').filter(Boolean),
			procedures: params.getAll('procedures').filter(Boolean)
		},
		units: parseUnits(params.get('units')),
		lang: params.get('lang') === 'en' ? 'en' : 'vi',
		soon: parseDueSoonDays(params.get('soon')),
		dueSoonOnly: dossiers && params.get('outcome') === 'due_soon'
	};
}

/** Writes a view as URL search parameters, leaving out what is at its default. */
export function serializeView(view: ViewState): URLSearchParams {
	const p = new URLSearchParams();
	if (view.period) p.set('period', view.period);
	for (const step of DRILL_STEPS) {
		const v = view.drill[step];
		if (v === undefined) break;
		p.set(step, v);
	}
	if (view.dossiers) p.set('view', 'dossiers');
	if (view.dossiers && view.page > 1) p.set('page', String(view.page));
	if (view.sort) p.set('sort', `${view.sort.descending ? '-' : ''}${view.sort.metric}`);
	const f = view.filters;
	if (f.levels.length) p.set('levels', f.levels.join(','));
	if (f.channels.length) p.set('channels', f.channels.join(','));
	for (const a of f.agencies) p.append('agencies', a);
	for (const a of f.fields) p.append('fields', a);
	for (const a of f.procedures) p.append('procedures', a);
	if (view.units !== 'received') p.set('units', view.units);
	if (view.lang !== 'vi') p.set('lang', view.lang);
	if (view.soon !== DEFAULT_DUE_SOON_DAYS) p.set('soon', String(view.soon));
	if (view.dossiers && view.dueSoonOnly) p.set('outcome', 'due_soon');
	return p;
}

/**
 * The same view counted the other way. Drill steps and agency filters below the level name
 * units of one way, which the other way may not have: the view goes back to its level.
 */
export function withUnits(view: ViewState, units: Units): ViewState {
	if (units === view.units) return view;
	// Today's units have no district level (docs/METRICS.md).
	const kept = (l: string) => units === 'received' || l !== 'district';
	const level = view.drill.level;
	return {
		...view,
		units,
		drill: level && kept(level) ? { level } : {},
		dossiers: false,
		page: 1,
		filters: { ...view.filters, levels: view.filters.levels.filter(kept), agencies: [] }
	};
}

/** The next step of the drill path after the current one, or null at the procedure. */
export function nextStep(view: ViewState): DrillStep | null {
	return DRILL_STEPS.find((s) => view.drill[s] === undefined) ?? null;
}

/** Drills one step down: the clicked key becomes the next step of the path. */
export function drillDown(view: ViewState, key: string): ViewState {
	const step = nextStep(view);
	if (step === null) return showDossiers(view);
	return { ...view, drill: { ...view.drill, [step]: key }, dossiers: false, page: 1, dueSoonOnly: false };
}

/** Drills straight to a path (an agency clicked in the province's ranking also fixes its level). */
export function drillTo(view: ViewState, drill: ViewState['drill']): ViewState {
	return { ...view, drill: { ...drill }, dossiers: false, page: 1, dueSoonOnly: false };
}

/** The dossiers behind the current view, from the first page. */
export function showDossiers(view: ViewState): ViewState {
	return { ...view, dossiers: true, page: 1, dueSoonOnly: false };
}

/** The dossiers due soon behind the current view, from the first page. */
export function showDueSoon(view: ViewState): ViewState {
	return { ...view, dossiers: true, page: 1, dueSoonOnly: true };
}

/** Goes back up to a step of the path (null: the whole province), dropping what is below it. */
export function drillUp(view: ViewState, to: DrillStep | null): ViewState {
	const keep = to === null ? 0 : DRILL_STEPS.indexOf(to) + 1;
	const drill: ViewState['drill'] = {};
	for (const step of DRILL_STEPS.slice(0, keep)) if (view.drill[step] !== undefined) drill[step] = view.drill[step];
	return { ...view, drill, dossiers: false, page: 1, dueSoonOnly: false };
}

/**
 * A drill step and a filter on the same dimension both hold: the engine gets their
 * intersection, which is empty (nothing matches) when the drilled key is not among the
 * chosen ones. Undefined means no condition.
 */
function both<T extends string>(drilled: string | undefined, chosen: readonly T[]): string[] | undefined {
	if (drilled === undefined) return chosen.length ? [...chosen] : undefined;
	return chosen.length === 0 || (chosen as readonly string[]).includes(drilled) ? [drilled] : [];
}

/** The filters of the metric engine for a view: the drill path and the filter bar together. */
export function viewFilters(view: ViewState): Filters {
	const f = view.filters;
	return {
		levels: both(view.drill.level, f.levels) as Level[] | undefined,
		agencies: both(view.drill.agency, f.agencies),
		fields: both(view.drill.field, f.fields),
		procedures: both(view.drill.procedure, f.procedures),
		channels: f.channels.length ? [...f.channels] : undefined
	};
}

/**
 * The whole view of the analyst dashboard as plain data, mirrored one-to-one in the URL so
 * that back, forward, reload and a copied address restore it exactly.
 *
 * The drill path goes province → level → agency → field → procedure → the dossiers; each
 * step is also a filter, and combines with the filters chosen in the filter bar.
 */
import type { Filters } from '../domain/query';
import { CHANNELS, LEVELS, type Channel, type Level } from '../domain/types';
import type { Locale } from '../format/format';

export const DRILL_STEPS = ['level', 'agency', 'field', 'procedure'] as const;
export type DrillStep = (typeof DRILL_STEPS)[number];

export interface ViewState {
	/** periodKey() of the chosen period; null means the latest complete reporting quarter. */
	period: string | null;
	/** Where the user has drilled to, in order: each step narrows the one before. */
	drill: Partial<Record<DrillStep, string>>;
	/** Showing the dossiers themselves at the end of the drill path. */
	dossiers: boolean;
	/** Filter-bar choices, combined with the drill path. */
	filters: { levels: Level[]; channels: Channel[] };
	lang: Locale;
}

export const DEFAULT_VIEW: ViewState = { period: null, drill: {}, dossiers: false, filters: { levels: [], channels: [] }, lang: 'vi' };

function list<T extends string>(value: string | null, allowed: readonly T[]): T[] {
	if (!value) return [];
	return value.split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
}

/** Reads a view from URL search parameters; anything unknown or malformed is ignored. */
export function parseView(params: URLSearchParams): ViewState {
	const drill: ViewState['drill'] = {};
	// A step counts only when every step before it is there too.
	for (const step of DRILL_STEPS) {
		const v = params.get(step);
		if (!v || (step === 'level' && !(LEVELS as readonly string[]).includes(v))) break;
		drill[step] = v;
	}
	return {
		period: params.get('period'),
		drill,
		dossiers: params.get('view') === 'dossiers' && drill.agency !== undefined,
		filters: { levels: list(params.get('levels'), LEVELS), channels: list(params.get('channels'), CHANNELS) },
		lang: params.get('lang') === 'en' ? 'en' : 'vi'
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
	if (view.filters.levels.length) p.set('levels', view.filters.levels.join(','));
	if (view.filters.channels.length) p.set('channels', view.filters.channels.join(','));
	if (view.lang !== 'vi') p.set('lang', view.lang);
	return p;
}

/** The next step of the drill path after the current one, or null at the procedure. */
export function nextStep(view: ViewState): DrillStep | null {
	return DRILL_STEPS.find((s) => view.drill[s] === undefined) ?? null;
}

/** Drills one step down: the clicked key becomes the next step of the path. */
export function drillDown(view: ViewState, key: string): ViewState {
	const step = nextStep(view);
	if (step === null) return { ...view, dossiers: true };
	return { ...view, drill: { ...view.drill, [step]: key }, dossiers: false };
}

/** Goes back up to a step of the path (null: the whole province), dropping what is below it. */
export function drillUp(view: ViewState, to: DrillStep | null): ViewState {
	const keep = to === null ? 0 : DRILL_STEPS.indexOf(to) + 1;
	const drill: ViewState['drill'] = {};
	for (const step of DRILL_STEPS.slice(0, keep)) if (view.drill[step] !== undefined) drill[step] = view.drill[step];
	return { ...view, drill, dossiers: false };
}

/** The filters of the metric engine for a view: the drill path and the filter bar together. */
export function viewFilters(view: ViewState): Filters {
	const levels = view.drill.level ? [view.drill.level as Level] : view.filters.levels;
	return {
		levels,
		agencies: view.drill.agency ? [view.drill.agency] : [],
		fields: view.drill.field ? [view.drill.field] : [],
		procedures: view.drill.procedure ? [view.drill.procedure] : [],
		channels: view.filters.channels
	};
}

/**
 * What the dashboard draws for a view, as plain data: the figures of dashboard.ts turned into
 * names, formatted values, links, chart series and tables, in the view's language. Pure
 * functions of the figures, the dataset's names and the view: computed once per change of
 * data (page.svelte.ts), never in the template, and tested against the hand-computed fixture.
 *
 * Links are made by `href` (the page's address of a view), so this module knows nothing of
 * the router; the components send intents (page.svelte.ts) for clicks that are not links.
 */
import { LEVEL_COLORS, RATE_COLORS, type Category, type Series, type TableData } from '../core/charts/types';
import { DUE_SOON, metric, rate, type Counts, type MetricId, type RateId } from '../core/domain/metrics';
import { fill } from '../core/i18n/messages';
import { periodKey, type Period } from '../core/domain/periods';
import type { DossierListRow } from '../core/domain/query';
import { LEVELS, type Level } from '../core/domain/types';
import type { Units } from '../core/domain/succession';
import { levelsGone, unitName, type Catalog } from '../core/engine/catalog';
import { UNITS_DEFINITIONS, UNITS_NAMES } from '../core/i18n/messages';
import type { DatasetInfo } from '../core/engine/source';
import { fileSlug } from '../core/export/download';
import { formatCount, formatDay, type Locale } from '../core/format/format';
import { CHANNEL_NAMES, DIMENSION_NOUNS, LEVEL_NAMES, OUTCOME_NAMES, t, type MessageKey } from './messages';
import { periodName, periodRange } from '../core/i18n/periods';
import type { Dashboard, PeriodFigures } from './dashboard';
import { likelyNext, periodViews } from './prefetch';
import { RANKING_METRICS, firstDirection, metricValue, sortRows, type RankingRow } from './ranking';
import { TILES, changeOf, showMetric, type Change } from './tiles';
import { DEFAULT_SORT, DRILL_STEPS, NO_FILTERS, drillDown, drillTo, drillUp, showDossiers, showDueSoon, type DrillStep, type SortKey, type ViewState } from './view';

/** The page's address of a view. */
export type Href = (view: ViewState) => string;

/** What drawing a view reads of the session: the dataset's description and names. */
export interface Described {
	info: DatasetInfo;
	catalog: Catalog;
}

// ---- Names of drill steps and ranking keys

/**
 * An agency's short name and full name, with its days where another unit has the same name
 * (catalog.ts, unitName); by today's units, also the last day of one that ceased with no
 * successor.
 */
export function agencyName(catalog: Catalog, locale: Locale, id: string, units: Units = 'received'): { label: string; title?: string } {
	const naming = { locale, markCeased: units === 'current' };
	const label = unitName(catalog.agencies, id, { ...naming, short: true });
	return catalog.agencies.has(id) ? { label, title: unitName(catalog.agencies, id, naming) } : { label };
}

/** The name of a step of the drill path (null: the whole province), with the full name when the label is short. */
export function stepName(catalog: Catalog, locale: Locale, step: DrillStep | null, key: string | null, units: Units = 'received'): { label: string; title?: string } {
	if (step === null) return { label: t(locale, 'wholeProvince') };
	if (key === null) return { label: t(locale, 'unknown') };
	if (step === 'level') return { label: LEVEL_NAMES[locale][key as Level] ?? key };
	if (step === 'agency') return agencyName(catalog, locale, key, units);
	if (step === 'procedure') {
		const name = catalog.procedures.get(key)?.name;
		return name === undefined ? { label: key } : { label: key, title: name };
	}
	return { label: key };
}

export interface Crumb {
	label: string;
	title?: string;
	/** Null for the list of dossiers, the last step (it is where the view is). */
	href: string | null;
}

/** The breadcrumb: the province, each drilled step, and the dossier list when it is open. */
export function crumbs(catalog: Catalog, locale: Locale, view: ViewState, href: Href): Crumb[] {
	const steps = DRILL_STEPS.filter((s) => view.drill[s] !== undefined);
	return [
		{ ...stepName(catalog, locale, null, null), href: href(drillUp(view, null)) },
		...steps.map((s) => ({ ...stepName(catalog, locale, s, view.drill[s]!, view.units), href: href(drillUp(view, s)) })),
		...(view.dossiers ? [{ label: t(locale, 'dossierList'), href: null }] : [])
	];
}

/** A row of the ranking with the view its name opens (none for channels and unknown keys). */
export type TargetRow = RankingRow & { target: ViewState | null };

/** The ranking's rows in the order of the view's sort, each with the view its name opens. */
export function rankingRows(catalog: Catalog, locale: Locale, d: Dashboard, view: ViewState, href: Href): TargetRow[] {
	const dim = d.ranking.dimension;
	const dueSoon = new Map(d.dueSoon.byKey.map((r) => [r.key, r.due_soon]));
	const rows = d.ranking.rows.map(({ key, counts }): TargetRow => {
		const row = (label: string, target: ViewState | null, fullName?: string): TargetRow => ({
			key,
			label,
			...(fullName === undefined ? {} : { fullName }),
			href: target && href(target),
			target,
			counts,
			dueSoon: dueSoon.get(key) ?? 0
		});
		if (key === null) return row(t(locale, 'unknown'), null);
		if (dim === 'agency') {
			const a = catalog.agencies.get(key);
			const level = (view.drill.level ?? a?.level) as Level | undefined;
			const name = agencyName(catalog, locale, key, view.units);
			return row(name.label, level ? drillTo(view, { level, agency: key }) : null, name.title);
		}
		if (dim === 'procedure') {
			const name = catalog.procedures.get(key)?.name;
			return row(name ? `${key} · ${name}` : key, drillDown(view, key), name);
		}
		if (dim === 'channel') return row(CHANNEL_NAMES[locale][key as keyof (typeof CHANNEL_NAMES)['vi']] ?? key, null);
		return row(key, drillDown(view, key));
	});
	return sortRows(rows, view.sort ?? DEFAULT_SORT);
}

/**
 * What a person is likely to open from this view (prefetch.ts): a step down (the levels at
 * the province's top, the ranking's first rows as sorted on screen), back up, then the
 * period picker's other spans and kind: one choice away, a few milliseconds of the engine's
 * time each on the pre-aggregated counts. (The filter bar's channels and levels too, measured:
 * as many views again, about 60 MB more of the page's memory at a million dossiers, for four
 * steps of the benchmark's 34.) A dossier list reads the dossiers themselves: from one, only the
 * way back up.
 */
export function nextViews(d: Dashboard, view: ViewState, sortedRows: readonly TargetRow[], info?: Pick<DatasetInfo, 'cutoffDay' | 'dataAsOf'>): ViewState[] {
	const targets = sortedRows.flatMap((r) => (r.target ? [r.target] : []));
	const steps = likelyNext(
		view,
		d.current.byLevel.map((g) => g.level),
		targets
	);
	if (!info || view.dossiers) return steps;
	return [...steps, ...periodViews(view, d.current.period, info.cutoffDay, info.dataAsOf)];
}

// ---- The heading, the tiles and the empty view

export interface Heading {
	first: string;
	last: string;
	/** "The latest quarter" or "The chosen period". */
	eyebrow: string;
	name: string;
	range: string;
	asOf: string;
	/** Which way the figures count units, and what that means. */
	units: { name: string; definition: string };
}

export function heading(info: DatasetInfo, locale: Locale, d: Dashboard, view: ViewState): Heading {
	const p = d.current.period;
	return {
		first: p.first,
		last: p.last,
		eyebrow: t(locale, view.period ? 'chosenPeriod' : 'latestQuarter'),
		name: periodName(p, locale),
		range: periodRange(p),
		asOf: `${t(locale, 'dataAsOf')} ${formatDay(info.dataAsOf)} · ${t(locale, 'computedBy', { n: formatCount(info.dossiers, locale) })}`,
		units: { name: UNITS_NAMES[locale][view.units], definition: UNITS_DEFINITIONS[locale][view.units] }
	};
}

export interface TileModel {
	id: MetricId;
	label: string;
	value: string;
	raw: number | null;
	definition: string;
	changes: (Change & { label: string })[];
	href: string;
	action: string;
}

/** The six headline figures, each against the period before and the same period a year before. */
export function tiles(locale: Locale, d: Dashboard, view: ViewState, href: Href): TileModel[] {
	const now = d.current.total;
	const change = (id: MetricId, better: 'up' | 'down' | 'none', then: PeriodFigures, label: MessageKey) => ({
		label: `${t(locale, label)} (${periodName(then.period, locale)})`,
		...changeOf(id, better, now, then.total, locale)
	});
	return TILES.map(({ id, better }) => {
		const m = metric(id);
		return {
			id,
			label: m.name[locale],
			value: showMetric(id, now, locale),
			raw: metricValue(id, now),
			definition: m.definition[locale],
			changes: [change(id, better, d.previous, 'vsPrevious'), change(id, better, d.lastYear, 'vsLastYear')],
			// The overdue figure opens its dossiers; the others rank the view by themselves.
			href: id === 'overdue' ? href(showDossiers(view)) : `${href({ ...view, sort: firstDirection(id) })}#ranking`,
			action: t(locale, id === 'overdue' ? 'openDossiers' : 'rankBy')
		};
	});
}

/**
 * The due-soon tile: the dossiers due soon at the end of the reference day, the overdue ones
 * beside, the window in words, the setting N as links (the choices, and the address's own),
 * and where a click leads: the list narrowed to them.
 */
export interface DueSoonTileModel {
	label: string;
	value: string;
	raw: number;
	overdue: string;
	window: string;
	/** Said when the database holds no holiday: working days are then weekdays alone. */
	noHolidays: string | null;
	definition: string;
	href: string;
	action: string;
	setting: { label: string; choices: { n: number; href: string; current: boolean }[] };
}

export const DUE_SOON_CHOICES = [1, 2, 3, 5] as const;

export function dueSoonWords(locale: Locale, w: Dashboard['dueSoon']['window']): string {
	return t(locale, 'dueSoonWindow', { until: formatDay(w.days.at(-1) ?? w.reference), n: formatCount(w.days.length, locale), day: formatDay(w.reference) });
}

export function dueSoonTile(locale: Locale, d: Dashboard, view: ViewState, href: Href): DueSoonTileModel {
	const f = d.dueSoon;
	const choices = [...new Set<number>([...DUE_SOON_CHOICES, view.soon])].sort((a, b) => a - b);
	return {
		label: DUE_SOON.name[locale],
		value: formatCount(f.total.due_soon, locale),
		raw: f.total.due_soon,
		overdue: t(locale, 'overdueBeside', { n: formatCount(f.total.overdue, locale) }),
		window: dueSoonWords(locale, f.window),
		noHolidays: f.window.holidaysKnown ? null : t(locale, 'noHolidays'),
		definition: fill(DUE_SOON.definition[locale], { n: view.soon }),
		href: href(showDueSoon(view)),
		action: t(locale, 'openDueSoon'),
		setting: { label: t(locale, 'dueSoonDays'), choices: choices.map((n) => ({ n, href: href({ ...view, soon: n }), current: n === view.soon })) }
	};
}

/** Where the empty view's two ways out lead: no filters, or the whole province. */
export function emptyLinks(view: ViewState, href: Href): { clearFilters: string; province: string } {
	return { clearFilters: href({ ...view, filters: NO_FILTERS }), province: href(drillUp(view, null)) };
}

// ---- Charts

/** A month of the trend as a category of a chart: "3/2023", and its full name for tooltips and tables. */
export function monthCategory(p: Period, locale: Locale): Category {
	const s = p.spec;
	const label = s.kind === 'custom' ? formatDay(p.last) : `${s.index}/${s.year}`;
	return { key: periodKey(p), label, long: `${periodName(p, locale)} (${periodRange(p)})` };
}

export const RATE_SERIES: RateId[] = ['on_time_rate', 'online_share', 'satisfaction_rate'];

export function rateSeries(locale: Locale): Series[] {
	return RATE_SERIES.map((id) => ({ key: id, label: metric(id).name[locale], color: RATE_COLORS[id as keyof typeof RATE_COLORS] }));
}

/** The levels the trend has any dossier of: one series each. */
export function trendLevels(d: Dashboard): Level[] {
	return LEVELS.filter((l) => d.trend.some((m) => m.byLevel.some((b) => b.level === l && b.counts.received > 0)));
}

const receivedOf = (m: PeriodFigures, l: Level) => m.byLevel.find((b) => b.level === l)?.counts.received ?? 0;

/** What a chart's frame shows around it: title, summary, file name of its downloads, legend, table view. */
export interface Frame {
	title: string;
	summary: string;
	filename: string;
	legend: Series[];
	table: TableData;
}

export interface VolumeChart extends Frame {
	categories: Category[];
	series: Series[];
	/** values[month][level] */
	values: number[][];
	totalLabel: string;
	/** The month on screen, when the view's period is one. */
	selected: string;
}

export interface RatesChart extends Frame {
	categories: Category[];
	series: Series[];
	/** values[month][rate] */
	values: (number | null)[][];
	selected: string;
}

export interface CompareChart extends Frame {
	/** The levels at the province's top, or the steps of the drill path below it. */
	kind: 'levels' | 'path';
	groups: Category[];
	series: Series[];
	/** values[group][rate] */
	values: (number | null)[][];
	notes: string[];
	/** The group that is where the view is (the last step of the path). */
	current: string | null;
	/**
	 * At the province's top, the levels no unit had in the period and no dossier either, said
	 * instead of drawn ("Từ 1/7/2025 không còn cấp huyện"). (Dossiers a district received before
	 * 1/7/2025 and still open are its, counted as the units were: its bar is drawn then.)
	 */
	gone: string[];
}

/** File names: what a download holds, and the period (in Vietnamese). */
const slug = (what: string, d: Dashboard) => fileSlug(what, periodName(d.current.period, 'vi'));

/** Dossiers received by month, stacked by level. */
export function volumeChart(locale: Locale, d: Dashboard): VolumeChart {
	const months = d.trend.map((m) => monthCategory(m.period, locale));
	const levels = trendLevels(d);
	const series = levels.map((l) => ({ key: l, label: LEVEL_NAMES[locale][l], color: LEVEL_COLORS[l] }));
	const values = d.trend.map((m) => levels.map((l) => receivedOf(m, l)));
	return {
		title: t(locale, 'trendVolume'),
		summary: t(locale, 'trendVolumeSummary', { last: months.at(-1)!.long }),
		filename: slug('ho-so-tiep-nhan-theo-thang', d),
		legend: series,
		table: {
			columns: [{ label: t(locale, 'month'), kind: 'text' }, ...levels.map((l) => ({ label: LEVEL_NAMES[locale][l], kind: 'count' as const })), { label: t(locale, 'total'), kind: 'count' }],
			rows: d.trend.map((m, i) => [months[i].long, ...values[i], m.total.received])
		},
		categories: months,
		series,
		values,
		totalLabel: t(locale, 'total'),
		selected: periodKey(d.current.period)
	};
}

/** The three headline rates by month. */
export function ratesChart(locale: Locale, d: Dashboard): RatesChart {
	const months = d.trend.map((m) => monthCategory(m.period, locale));
	const series = rateSeries(locale);
	const values = d.trend.map((m) => RATE_SERIES.map((id) => rate(id, m.total)));
	return {
		title: t(locale, 'trendRates'),
		summary: t(locale, 'trendRatesSummary', { last: months.at(-1)!.long }),
		filename: slug('ty-le-theo-thang', d),
		legend: series,
		table: {
			columns: [{ label: t(locale, 'month'), kind: 'text' }, ...RATE_SERIES.map((id) => ({ label: metric(id).name[locale], kind: 'rate' as const }))],
			rows: d.trend.map((m, i) => [months[i].long, ...values[i]])
		},
		categories: months,
		series,
		values,
		selected: periodKey(d.current.period)
	};
}

/**
 * The grouped-bar comparison: the levels at the province's top (a click drills into one);
 * below it, each step of the drill path down to the current one (a click goes back up).
 */
export function compareChart(catalog: Catalog, locale: Locale, d: Dashboard, units: Units = 'received'): CompareChart {
	const top = d.path.length === 0;
	const groups: (Category & { counts: Counts })[] = top
		? d.current.byLevel.map((g) => ({ key: g.level, label: LEVEL_NAMES[locale][g.level], long: LEVEL_NAMES[locale][g.level], counts: g.counts }))
		: d.path.map((p) => {
				const name = stepName(catalog, locale, p.step, p.key, units);
				return { key: p.step ?? 'province', label: name.label, long: name.title ?? name.label, counts: p.counts };
			});
	const series = rateSeries(locale);
	const values = groups.map((g) => RATE_SERIES.map((id) => rate(id, g.counts)));
	return {
		kind: top ? 'levels' : 'path',
		title: t(locale, top ? 'compareLevels' : 'comparePath'),
		summary: t(locale, top ? 'compareLevelsSummary' : 'comparePathSummary'),
		filename: slug(top ? 'so-sanh-cac-cap' : 'so-sanh-voi-cap-tren', d),
		legend: series,
		table: {
			columns: [
				{ label: t(locale, top ? 'level' : 'name'), kind: 'text' },
				{ label: metric('received').name[locale], kind: 'count' },
				...RATE_SERIES.map((id) => ({ label: metric(id).name[locale], kind: 'rate' as const }))
			],
			rows: groups.map((g, i) => [g.long, g.counts.received, ...values[i]])
		},
		groups: groups.map(({ key, label, long }) => ({ key, label, long })),
		series,
		values,
		notes: groups.map((g) => `${formatCount(g.counts.received, locale)} ${t(locale, 'dossiers')}`),
		current: top ? null : groups.at(-1)!.key,
		gone: top ? levelsGone(catalog.agencies, d.current.period, units, locale).flatMap((g) => (groups.some((x) => x.key === g.level) ? [] : [g.note])) : []
	};
}

/** The view a click on a group of the comparison opens from `view`: a level drilled into, or a step of the path gone back up to. */
export function compareTarget(kind: CompareChart['kind'], view: ViewState, key: string): ViewState {
	return kind === 'levels' ? drillDown(view, key) : drillUp(view, key === 'province' ? null : (key as DrillStep));
}

export interface RankingModel {
	title: string;
	/** Sorted as the view asks. */
	rows: TargetRow[];
	sort: NonNullable<ViewState['sort']>;
	/** Each column header's link: the view sorted by that metric, or the other way when it already is. */
	sortHrefs: Record<string, string>;
	filename: string;
}

export function ranking(catalog: Catalog, locale: Locale, d: Dashboard, view: ViewState, href: Href): RankingModel {
	const sort = view.sort ?? DEFAULT_SORT;
	return {
		title: t(locale, 'rankingOf', { what: DIMENSION_NOUNS[locale][d.ranking.dimension] }),
		rows: rankingRows(catalog, locale, d, view, href),
		sort,
		sortHrefs: Object.fromEntries(([...RANKING_METRICS, 'due_soon'] as SortKey[]).map((id) => [id, href({ ...view, sort: sort.metric === id ? { metric: id, descending: !sort.descending } : firstDirection(id) })])),
		filename: slug(`xep-hang-${d.ranking.dimension}`, d)
	};
}

// ---- The whole view

export interface DashboardModel {
	/** The view these figures are of. */
	view: ViewState;
	locale: Locale;
	heading: Heading;
	crumbs: Crumb[];
	/** No dossier matches the period and filters: the page says so instead of drawing empty charts. */
	empty: { clearFilters: string; province: string } | null;
	tiles: TileModel[];
	dueSoon: DueSoonTileModel;
	/** The dossier list, when the view shows it. */
	list: DossierListRow[] | null;
	/** When the list is narrowed to the dossiers due soon: its title, what it holds, and the way back to the whole list. */
	listDueSoon: { title: string; summary: string; wholeHref: string } | null;
	/** The link to the dossiers behind the view, and its words. */
	dossiers: { href: string; text: string };
	volume: VolumeChart;
	rates: RatesChart;
	compare: CompareChart;
	ranking: RankingModel;
}

/** Everything the dashboard draws for a view's figures. */
export function dashboardModel(s: Described, d: Dashboard, list: DossierListRow[] | null, view: ViewState, href: Href): DashboardModel {
	const locale = view.lang;
	return {
		view,
		locale,
		heading: heading(s.info, locale, d, view),
		crumbs: crumbs(s.catalog, locale, view, href),
		empty: d.current.total.received === 0 ? emptyLinks(view, href) : null,
		tiles: tiles(locale, d, view, href),
		dueSoon: dueSoonTile(locale, d, view, href),
		list: view.dossiers ? list : null,
		listDueSoon:
			view.dossiers && view.dueSoonOnly
				? {
						title: t(locale, 'dueSoonList'),
						summary: t(locale, 'dueSoonListSummary', {
							n: formatCount(list?.[0]?.total ?? 0, locale),
							until: formatDay(d.dueSoon.window.days.at(-1) ?? d.dueSoon.window.reference),
							days: formatCount(d.dueSoon.window.days.length, locale),
							day: formatDay(d.dueSoon.window.reference)
						}),
						wholeHref: href(showDossiers(view))
					}
				: null,
		dossiers: { href: href(showDossiers(view)), text: `${t(locale, 'showDossiers', { n: formatCount(d.current.total.received, locale) })} →` },
		volume: volumeChart(locale, d),
		rates: ratesChart(locale, d),
		compare: compareChart(s.catalog, locale, d, view.units),
		ranking: ranking(s.catalog, locale, d, view, href)
	};
}

/**
 * `next` with every part equal to the same part of `previous` replaced by it (plain data:
 * objects, arrays, strings, numbers, booleans, null). What did not change keeps its identity,
 * so a component given it has nothing to update: a new sort redraws the ranking alone. Items
 * of an array that have a `key` or an `id` are matched by it, so reordered rows keep theirs.
 */
export function share<T>(previous: unknown, next: T): T {
	if (previous === next) return next;
	if (typeof previous !== 'object' || typeof next !== 'object' || previous === null || next === null) return next;
	if (Array.isArray(previous) !== Array.isArray(next)) return next;
	if (Array.isArray(next)) {
		const before = previous as unknown[];
		const byKey = keyed(before) && keyed(next) ? new Map(before.map((x) => [identity(x), x])) : null;
		const out = next.map((x, i) => share(byKey ? byKey.get(identity(x)) : before[i], x));
		return (out.length === before.length && out.every((x, i) => x === before[i]) ? previous : out) as T;
	}
	const a = previous as Record<string, unknown>;
	const b = next as Record<string, unknown>;
	const keys = Object.keys(b);
	let same = keys.length === Object.keys(a).length;
	const out: Record<string, unknown> = {};
	for (const k of keys) {
		const v = k in a ? share(a[k], b[k]) : b[k];
		out[k] = v;
		if (v !== a[k]) same = false;
	}
	return (same ? previous : out) as T;
}

/** What names an item of an array: its `key`, or else its `id`. */
const identity = (x: unknown) => {
	const o = x as { key?: unknown; id?: unknown };
	return 'key' in o ? o.key : o.id;
};
/** Whether every item is an object named by a `key` or an `id`, each once. */
function keyed(items: readonly unknown[]): boolean {
	if (items.length === 0 || !items.every((x) => typeof x === 'object' && x !== null && ('key' in x || 'id' in x))) return false;
	return new Set(items.map(identity)).size === items.length;
}

// ---- Export

/**
 * The dossiers due soon as the CSV's header and lines: what an agency acts on (code, procedure,
 * received, due, working days left, agency), soonest due first.
 */
export function dueSoonTable(rows: readonly DossierListRow[], catalog: Catalog, locale: Locale): { header: string[]; body: (string | number | null)[][] } {
	const header = (['dossierId', 'procedure', 'receivedAt', 'dueAt', 'workingDaysLeft', 'agency'] as const).map((k) => t(locale, k));
	const body = rows.map((r) => {
		const name = catalog.procedures.get(r.procedure_code)?.name;
		return [r.id, name ? `${r.procedure_code} · ${name}` : r.procedure_code, r.received_at, r.due_at, r.working_days_left, catalog.agencies.get(r.agency_id)?.name ?? r.agency_id];
	});
	return { header, body };
}

/** The dossier list of a view as the CSV's header and lines, in the view's language. */
export function dossiersTable(rows: readonly DossierListRow[], catalog: Catalog, locale: Locale): { header: string[]; body: (string | number | null)[][] } {
	const header = (['dossierId', 'outcome', 'daysLate', 'agency', 'procedure', 'channel', 'receivedAt', 'dueAt', 'resolvedAt', 'apology'] as const).map((k) => t(locale, k));
	const body = rows.map((r) => [
		r.id,
		OUTCOME_NAMES[locale][r.outcome],
		r.days_late,
		unitName(catalog.agencies, r.agency_id, { locale }),
		r.procedure_code,
		CHANNEL_NAMES[locale][r.channel],
		r.received_at,
		r.due_at,
		r.resolved_at ?? r.withdrawn_at,
		r.outcome === 'late' || r.outcome === 'overdue' ? t(locale, r.apology_issued ? 'yes' : 'no') : ''
	]);
	return { header, body };
}

/** The file name of a period's dossier list; of the dossiers due soon, named by their reference day. */
export function dossiersFilename(period: Period, dueSoonOn?: string): string {
	return dueSoonOn ? `${fileSlug('ho-so-sap-den-han', dueSoonOn)}.csv` : `${fileSlug('ho-so', periodName(period, 'vi'))}.csv`;
}

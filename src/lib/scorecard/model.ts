/**
 * The scorecard page's view model: from the scores (data.ts) to what the page draws — the
 * ranking, each unit's points and biggest loss, the indicators of the unit opened with the
 * dossiers behind them, what dossier data cannot give — and to its files. Pure functions: no
 * DOM, no engine.
 */
import { csvHeader, csvValue } from '../core/charts/types';
import { addressedPeriod, periodKey, type Period } from '../core/domain/periods';
import { INDICATORS, notFromData, type IndicatorId, type Scored, type Score } from '../core/domain/scorecard';
import type { Channel } from '../core/domain/types';
import { unitName as agencyName, type Catalog } from '../core/engine/catalog';
import type { DatasetInfo } from '../core/engine/source';
import { toCsv } from '../core/export/csv';
import { fileSlug } from '../core/export/download';
import { formatCount, formatDay, formatDecimal, formatPercent, type Locale } from '../core/format/format';
import { UNITS_DEFINITIONS, UNITS_NAMES } from '../core/i18n/messages';
import { periodName } from '../core/i18n/periods';
import type { Units } from '../core/domain/succession';
import { DEFAULT_VIEW, serializeView, type ViewState } from '../dashboard/view';
import type { ScorecardQuery } from './address';
import { serializeScorecard } from './address';
import type { ScorecardData, UnitScore } from './data';
import { LEVEL_NAMES, t } from './messages';

type Dataset = Pick<DatasetInfo, 'province' | 'dataAsOf' | 'cutoffDay'>;

/** The period a scorecard's address asks for: its own, or the latest complete reporting quarter. */
export function scorecardPeriod(q: Pick<ScorecardQuery, 'period'>, info: Pick<Dataset, 'dataAsOf' | 'cutoffDay'>): Period {
	return addressedPeriod(q.period, info.dataAsOf, info.cutoffDay);
}

/** A scorecard's address in its one written form: the same for two addresses of the same figures (the unit opened is not a figure). */
export const scorecardKey = (q: ScorecardQuery): string => serializeScorecard({ ...q, unit: null }).toString();

export const points = (n: number, locale: Locale) => formatDecimal(n, locale, 2);

/** A change of points, signed; a dash when the period before had no dossiers. */
export function pointsChange(now: Score, before: Score | null, locale: Locale): string {
	if (!before || now.possible === 0) return '—';
	const d = Math.round((now.points - before.points) * 100) / 100;
	return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${formatDecimal(Math.abs(d), locale, 2)}`;
}

/** Points won over points possible; null without any dossier. */
export const share = (s: Score): number | null => (s.possible === 0 ? null : s.points / s.possible);

/** The indicator that lost the most points (the first of the table on a tie); null when none lost any. */
export function biggestLoss(s: Score): Scored | null {
	let worst: Scored | null = null;
	for (const i of s.indicators) if (i.lost > 1e-9 && (!worst || i.lost > worst.lost)) worst = i;
	return worst;
}

// ---- Names and the dossier lists behind them

/** A unit's name; an agency's tells it from a namesake by its days, as every unit picker does (catalog.ts). */
export function unitName(u: Pick<UnitScore, 'key'>, q: Pick<ScorecardQuery, 'grouping' | 'units'>, catalog: Pick<Catalog, 'agencies'>, locale: Locale): { label: string; title?: string } {
	if (u.key === null) return { label: t(locale, 'unknownUnit') };
	if (q.grouping === 'level') return { label: LEVEL_NAMES[locale][u.key as keyof (typeof LEVEL_NAMES)['vi']] };
	if (q.grouping === 'agency') {
		if (!catalog.agencies.has(u.key)) return { label: `${t(locale, 'unknownUnit')} (${u.key})` };
		const naming = { locale, markCeased: q.units === 'current' };
		return { label: agencyName(catalog.agencies, u.key, { ...naming, short: true }), title: agencyName(catalog.agencies, u.key, naming) };
	}
	return { label: u.key };
}

/**
 * Where each indicator's lost points are found in the dashboard's dossier list: the list is
 * ordered overdue and late first, which is what 2.1 and 5.4 lose on; 3.3 loses on the dossiers
 * not submitted online, which the channel filter gives; the others have no filter there yet.
 */
const OVERDUE_FIRST = { label: 'linkOverdueFirst', note: 'listOverdueFirst' } as const;
const UNFILTERED = { label: 'linkUnfiltered', note: 'listUnfiltered' } as const;
const LIST_OF: Record<IndicatorId, { channels?: Channel[]; label: 'linkOverdueFirst' | 'linkNotOnline' | 'linkUnfiltered'; note: 'listOverdueFirst' | 'listNotOnline' | 'listUnfiltered' }> = {
	'2.1': OVERDUE_FIRST,
	'3.3': { channels: ['in_person', 'postal'], label: 'linkNotOnline', note: 'listNotOnline' },
	'3.6': UNFILTERED,
	'4.1': UNFILTERED,
	'4.2': UNFILTERED,
	'5.4': OVERDUE_FIRST
};

/** The dashboard's dossier list of a unit in the period (the whole choice when `unit` is null): its address's query. */
export function dossierList(q: Pick<ScorecardQuery, 'levels' | 'lang' | 'grouping' | 'units'>, period: Period, unit: Pick<UnitScore, 'key' | 'level'> | null, channels: Channel[] = []): string | null {
	const view: ViewState = { ...DEFAULT_VIEW, period: periodKey(period), dossiers: true, units: q.units, lang: q.lang, filters: { ...DEFAULT_VIEW.filters, channels, levels: q.levels.length === 3 ? [] : [...q.levels] } };
	if (unit) {
		if (unit.key === null) return null;
		if (q.grouping === 'level') view.drill = { level: unit.key };
		else if (q.grouping === 'field') view.filters.fields = [unit.key];
		else if (unit.level) view.drill = { level: unit.level, agency: unit.key };
		else view.filters.agencies = [unit.key];
	}
	return serializeView(view).toString();
}

// ---- The ranking

export interface RankingLine {
	/** The unit's key as the address writes it ('' for an unknown one). */
	key: string;
	rank: string;
	label: string;
	title?: string;
	level: string;
	/** "42,00 / 48" or "—". */
	score: string;
	share: string;
	change: string;
	/** "2.1 · −8,00 điểm", or that none was lost. */
	loss: string;
	/** Each indicator's points, "—" without dossiers; with its ratio and loss in a title. */
	cells: { id: IndicatorId; text: string; title: string; lost: boolean }[];
	/** The unit's dossier list in the dashboard (its address's query), when it has a key. */
	dossiers: string | null;
	selected: boolean;
}

/** Units ordered: share of points possible (highest first), then points, then name; those without dossiers last. */
export function ranked<U extends Pick<UnitScore, 'score'>>(units: readonly U[], label: (u: U) => string): U[] {
	const collator = new Intl.Collator('vi');
	return [...units].sort((a, b) => {
		const sa = share(a.score);
		const sb = share(b.score);
		if (sa === null || sb === null) return (sa === null ? 1 : 0) - (sb === null ? 1 : 0) || collator.compare(label(a), label(b));
		return sb - sa || b.score.points - a.score.points || collator.compare(label(a), label(b));
	});
}

function cellOf(s: Scored, locale: Locale) {
	if (s.points === null) return { id: s.indicator.id, text: '—', title: `${s.indicator.id} ${s.indicator.name[locale]}: ${t(locale, 'noDossiers')}`, lost: false };
	return {
		id: s.indicator.id,
		text: points(s.points, locale),
		title: `${s.indicator.id} ${s.indicator.name[locale]}: ${formatPercent(s.ratio, locale)} · ${points(s.points, locale)} / ${s.indicator.points}`,
		lost: s.lost > 1e-9
	};
}

export function rankingLines(data: ScorecardData, q: ScorecardQuery, catalog: Pick<Catalog, 'agencies'>, locale: Locale): RankingLine[] {
	const name = (u: UnitScore) => unitName(u, q, catalog, locale);
	let rank = 0;
	return ranked(data.units, (u) => name(u).label).map((u) => {
		const s = u.score;
		const loss = biggestLoss(s);
		const n = name(u);
		return {
			key: u.key ?? '',
			rank: s.possible === 0 ? '' : String(++rank),
			label: n.label,
			title: n.title,
			level: q.grouping === 'agency' && u.level ? LEVEL_NAMES[locale][u.level] : '',
			score: s.possible === 0 ? '—' : `${points(s.points, locale)} / ${s.possible}`,
			share: formatPercent(share(s), locale),
			change: pointsChange(s, u.previous, locale),
			loss: s.possible === 0 ? t(locale, 'noDossiers') : loss ? `${loss.indicator.id} · ${t(locale, 'lostPoints', { points: points(loss.lost, locale) })}` : t(locale, 'none'),
			cells: s.indicators.map((i) => cellOf(i, locale)),
			// No dossier, no list to open.
			dossiers: s.possible === 0 ? null : dossierList(q, data.period, u),
			selected: (u.key ?? '') === (q.unit ?? null)
		};
	});
}

// ---- The indicators of one unit (or of every unit chosen)

export interface IndicatorLine {
	id: IndicatorId;
	name: string;
	ratio: string;
	base: string;
	target: string;
	points: string;
	max: string;
	lost: string;
	/** Points were lost (shown in red). */
	loses: boolean;
	previous: string;
	/** The dossiers behind it: the dashboard list's query, its link's words, and what that list holds. */
	dossiers: string | null;
	dossiersLabel: string;
	dossiersNote: string;
	source: string;
}

export interface DetailView {
	title: string;
	/** "42,00 / 48 điểm tính được" */
	score: string;
	change: string;
	lines: IndicatorLine[];
	/** The groups' points dossier data cannot give. */
	notFromData: { group: string; max: string }[];
}

export function detailView(data: ScorecardData, q: ScorecardQuery, catalog: Pick<Catalog, 'agencies'>, locale: Locale): DetailView {
	const unit = q.unit === null ? null : (data.units.find((u) => (u.key ?? '') === q.unit) ?? null);
	const figures = unit ?? data.total;
	const s = figures.score;
	return {
		title: unit ? t(locale, 'indicatorsOf', { unit: unitName(unit, q, catalog, locale).label }) : t(locale, 'indicatorsOf', { unit: t(locale, 'allUnits') }),
		score: s.possible === 0 ? t(locale, 'computableNone') : t(locale, 'computable', { points: points(s.points, locale), possible: s.possible }),
		change: pointsChange(s, figures.previous, locale),
		lines: s.indicators.map((i, k) => {
			const before = figures.previous?.indicators[k];
			const list = LIST_OF[i.indicator.id];
			return {
				id: i.indicator.id,
				name: i.indicator.name[locale],
				ratio: formatPercent(i.ratio, locale),
				base: i.points === null ? t(locale, 'noDossiers') : formatCount(i.base, locale),
				target: formatPercent(i.indicator.target, locale, 0),
				points: i.points === null ? '—' : points(i.points, locale),
				max: String(i.indicator.points),
				lost: i.points === null ? '—' : points(i.lost, locale),
				loses: i.lost > 1e-9,
				previous: before && before.points !== null ? points(before.points, locale) : '—',
				dossiers: i.points === null ? null : dossierList(q, data.period, unit, list.channels),
				dossiersLabel: t(locale, list.label),
				dossiersNote: t(locale, list.note),
				source: i.indicator.source
			};
		}),
		notFromData: notFromData().map((g) => ({ group: g.group.name[locale], max: String(g.points) }))
	};
}

/** The lines under the title: the period and its days, the one compared with, the data's last day. */
export function titleLines(data: Pick<ScorecardData, 'period' | 'previous'>, info: Pick<Dataset, 'dataAsOf'>, locale: Locale, units: Units = 'received'): string[] {
	const p = data.period;
	return [
		t(locale, 'periodLine', { period: periodName(p, locale), first: formatDay(p.first), last: formatDay(p.last), previous: periodName(data.previous, locale) }),
		t(locale, 'dataAsOf', { day: formatDay(info.dataAsOf) }),
		`${UNITS_NAMES[locale][units]}: ${UNITS_DEFINITIONS[locale][units]}`
	];
}

export const computableMax = () => INDICATORS.reduce((s, i) => s + i.points, 0);

// ---- Files

export interface CsvFile {
	name: string;
	text: string;
}

/** The table every file writes: a unit a row in the ranking's order, its points, then each indicator's ratio and points. */
export function scorecardTable(data: ScorecardData, q: ScorecardQuery, catalog: Pick<Catalog, 'agencies'>, locale: Locale): { header: string[]; kinds: ('text' | 'count' | 'rate')[]; rows: (string | number | null)[][] } {
	const name = (u: UnitScore) => unitName(u, q, catalog, locale).label;
	const header = [
		t(locale, 'colRank'),
		t(locale, 'csvUnit'),
		t(locale, 'csvLevel'),
		t(locale, 'csvPoints'),
		t(locale, 'csvPossible'),
		t(locale, 'colShare'),
		t(locale, 'csvPrevious'),
		...INDICATORS.flatMap((i) => [t(locale, 'csvIndicatorRatio', { id: i.id }), t(locale, 'csvIndicatorPoints', { id: i.id, max: i.points })])
	];
	const kinds: ('text' | 'count' | 'rate')[] = ['text', 'text', 'text', 'count', 'count', 'rate', 'count', ...INDICATORS.flatMap(() => ['rate', 'count'] as const)];
	let rank = 0;
	const round = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);
	const row = (label: string, level: string, rankText: string, u: Pick<UnitScore, 'score' | 'previous'>) => [
		rankText,
		label,
		level,
		u.score.possible === 0 ? null : round(u.score.points),
		u.score.possible,
		share(u.score),
		u.previous ? round(u.previous.points) : null,
		...u.score.indicators.flatMap((i) => [i.ratio, round(i.points)])
	];
	const rows = ranked(data.units, name).map((u) => row(name(u), q.grouping === 'agency' && u.level ? LEVEL_NAMES[locale][u.level] : '', u.score.possible === 0 ? '' : String(++rank), u));
	rows.push(row(t(locale, 'allUnits'), '', '', data.total));
	return { header, kinds, rows };
}

const slug = (data: Pick<ScorecardData, 'period'>) => fileSlug('chi-so-766', periodName(data.period, 'vi'));

export function scorecardCsv(data: ScorecardData, q: ScorecardQuery, catalog: Pick<Catalog, 'agencies'>, locale: Locale): CsvFile {
	const { header, kinds, rows } = scorecardTable(data, q, catalog, locale);
	return {
		name: `${slug(data)}.csv`,
		text: toCsv(
			header.map((h, i) => csvHeader(h, kinds[i])),
			rows.map((r) => r.map((v, i) => csvValue(v, kinds[i])))
		)
	};
}

export const workbookName = (data: Pick<ScorecardData, 'period'>) => `${slug(data)}.xlsx`;

/**
 * The figures of the report page: the form (report/form.ts) for a period, its levels and its
 * grouping, optionally beside the previous period and the same period a year before; and
 * the annex of late dossiers. Every count comes from the metric engine (engine/metrics.ts).
 */
import { periodKey, previousPeriod, samePeriodLastYear, type Period } from '../core/domain/periods';
import type { DossierListRow, Filters } from '../core/domain/query';
import { LEVELS, type Level } from '../core/domain/types';
import type { Units } from '../core/domain/succession';
import { levelsFor, unitName, unitsFor, type Catalog } from '../core/engine/catalog';
import type { Locale } from '../core/format/format';
import { queryDossiers, queryMetrics } from '../core/engine/metrics';
import type { Querier } from '../core/engine/types';
import { formRows, type FormRow, type GroupFigures, type Grouping, type Listed } from './form';

export interface ReportOptions {
	period: Period;
	/** The levels shown; all of them also shows dossiers of an unknown agency. */
	levels: readonly Level[];
	grouping: Grouping;
	/** Add the previous period and the same period a year before. */
	compare: boolean;
	/** Whose units the agencies and levels are: those that received the dossiers (the default), or today's. */
	units?: Units;
	/** The language of the units' names. */
	locale?: Locale;
}

export interface AnnexGroup {
	agencyId: string;
	label: string;
	title?: string;
	level: Level | null;
	dossiers: DossierListRow[];
}

export interface Report {
	period: Period;
	previous: Period;
	lastYear: Period;
	rows: FormRow[];
}

export type RowNames = Parameters<typeof formRows>[2]['names'];

const allLevels = (levels: readonly Level[]) => LEVELS.every((l) => levels.includes(l));

/** An agency's row names: its short and full names, with its days where another unit has the same name. */
function agencyItem(catalog: Catalog, id: string, level: Level, options: Pick<ReportOptions, 'units' | 'locale'>): Listed[number] {
	const naming = { locale: options.locale, markCeased: options.units === 'current' };
	return { level, key: id, label: unitName(catalog.agencies, id, { ...naming, short: true }), title: unitName(catalog.agencies, id, naming) };
}

/**
 * What a level lists even without dossiers: the agencies existing during the period (or
 * today's units, counting by them), or the fields of its procedures.
 */
export function listedItems(catalog: Catalog, options: Pick<ReportOptions, 'period' | 'levels' | 'grouping' | 'units' | 'locale'>): Listed {
	const { period: p, levels, grouping } = options;
	if (grouping === 'agency') {
		return unitsFor(catalog.agencies, p, options.units ?? 'received')
			.filter((a) => levels.includes(a.level))
			.map((a) => agencyItem(catalog, a.id, a.level, options));
	}
	const seen = new Set<string>();
	const out: Listed = [];
	for (const pr of catalog.procedures.values()) {
		const k = `${pr.level}|${pr.field}`;
		if (levels.includes(pr.level) && !seen.has(k)) {
			seen.add(k);
			out.push({ level: pr.level, key: pr.field, label: pr.field });
		}
	}
	return out;
}

/** The form: one query of the pre-aggregated counts for the period (and the two compared with it). */
export async function reportData(engine: Querier, options: ReportOptions, aggregated: ReadonlySet<string>, catalog: Catalog, names: RowNames): Promise<Report> {
	const { period: p, levels, grouping, compare, units } = options;
	const previous = previousPeriod(p);
	const lastYear = samePeriodLastYear(p);
	const metrics = await queryMetrics(engine, { periods: compare ? [p, previous, lastYear] : [p], groupBy: ['level', grouping], filters: levelFilter(levels), units }, aggregated);

	const figures = new Map<string, GroupFigures>();
	const slot = { [periodKey(p)]: 'counts', [periodKey(previous)]: 'previous', [periodKey(lastYear)]: 'lastYear' } as const;
	for (const r of metrics) {
		const level = (r.keys.level ?? null) as Level | null;
		const key = r.keys[grouping] ?? null;
		const id = JSON.stringify([level, key]);
		const f: GroupFigures = figures.get(id) ?? { level, key };
		f[slot[r.period]] = r.counts;
		figures.set(id, f);
	}
	const listed = listedItems(catalog, options);
	if (grouping === 'agency') {
		// Units compared with that no longer existed in the period (a district a year before): named, not shown as codes.
		const named = new Set(listed.map((l) => l.key));
		for (const f of figures.values()) {
			if (!f.level || !f.key || named.has(f.key) || !catalog.agencies.has(f.key)) continue;
			listed.push(agencyItem(catalog, f.key, f.level, options));
			named.add(f.key);
		}
	}
	// A level no unit had in the period (no district level after 30/6/2025, nor by today's units) is left out, not printed as dashes.
	const present = levelsFor(catalog.agencies, p, units ?? 'received');
	const shown = levels.filter((l) => present.includes(l) || metrics.some((r) => r.keys.level === l));
	const rows = formRows([...figures.values()], listed, { levels: shown, compare, names });
	return { period: p, previous, lastYear, rows };
}

const levelFilter = (levels: readonly Level[]): Filters => (allLevels(levels) ? {} : { levels });

/**
 * The annex: dossiers resolved late in the period or overdue at its end, by agency in the
 * form's order. A list of dossiers, read from the dossiers themselves: slower than the form,
 * so the page shows the form first.
 */
export async function reportAnnex(engine: Querier, options: Pick<ReportOptions, 'period' | 'levels' | 'units' | 'locale'>, aggregated: ReadonlySet<string>, catalog: Catalog, names: RowNames): Promise<AnnexGroup[]> {
	const late = await queryDossiers(engine, { period: options.period, filters: levelFilter(options.levels), outcomes: ['overdue', 'late'], units: options.units }, aggregated);
	return annexGroups(late, catalog, names, options);
}

/**
 * Late and overdue dossiers grouped by agency (by today's unit of the agency that received
 * each, counting by today's units), agencies by level then name, each group in the list's order.
 */
function annexGroups(rows: readonly DossierListRow[], catalog: Catalog, names: RowNames, options: Pick<ReportOptions, 'units' | 'locale'>): AnnexGroup[] {
	const collator = new Intl.Collator('vi');
	const groups = new Map<string, AnnexGroup>();
	for (const r of rows) {
		const id = options.units === 'current' ? (catalog.agencies.get(r.agency_id)?.currentId ?? r.agency_id) : r.agency_id;
		let g = groups.get(id);
		if (!g) {
			const a = catalog.agencies.get(id);
			const { label, title } = a ? agencyItem(catalog, id, a.level, options) : { label: `${names.unknown} (${id})`, title: undefined };
			g = { agencyId: id, label, title, level: a?.level ?? null, dossiers: [] };
			groups.set(id, g);
		}
		g.dossiers.push(r);
	}
	const rank = (l: Level | null) => (l === null ? LEVELS.length : LEVELS.indexOf(l));
	return [...groups.values()].sort((a, b) => rank(a.level) - rank(b.level) || collator.compare(a.label, b.label));
}

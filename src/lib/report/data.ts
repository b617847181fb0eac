/**
 * The figures of the report page: the form (report/form.ts) for a period, its levels and its
 * grouping, optionally beside the previous period and the same period a year before; and
 * the annex of late dossiers. Every count comes from the metric engine (engine/metrics.ts).
 */
import { periodKey, previousPeriod, samePeriodLastYear, type Period } from '../core/domain/periods';
import type { DossierListRow, Filters } from '../core/domain/query';
import { LEVELS, type Level } from '../core/domain/types';
import type { Catalog } from '../core/engine/catalog';
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

/** What a level lists even without dossiers: the agencies existing during the period, or the fields of its procedures. */
export function listedItems(catalog: Catalog, options: Pick<ReportOptions, 'period' | 'levels' | 'grouping'>): Listed {
	const { period: p, levels, grouping } = options;
	if (grouping === 'agency') {
		return [...catalog.agencies.values()]
			.filter((a) => levels.includes(a.level) && a.validFrom <= p.last && (a.validTo === null || a.validTo >= p.first))
			.map((a) => ({ level: a.level, key: a.id, label: a.shortName, title: a.name }));
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
	const { period: p, levels, grouping, compare } = options;
	const previous = previousPeriod(p);
	const lastYear = samePeriodLastYear(p);
	const metrics = await queryMetrics(engine, { periods: compare ? [p, previous, lastYear] : [p], groupBy: ['level', grouping], filters: levelFilter(levels) }, aggregated);

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
	const rows = formRows([...figures.values()], listedItems(catalog, options), { levels, compare, names });
	return { period: p, previous, lastYear, rows };
}

const levelFilter = (levels: readonly Level[]): Filters => (allLevels(levels) ? {} : { levels });

/**
 * The annex: dossiers resolved late in the period or overdue at its end, by agency in the
 * form's order. A list of dossiers, read from the dossiers themselves: slower than the form,
 * so the page shows the form first.
 */
export async function reportAnnex(engine: Querier, options: Pick<ReportOptions, 'period' | 'levels'>, aggregated: ReadonlySet<string>, catalog: Catalog, names: RowNames): Promise<AnnexGroup[]> {
	const late = await queryDossiers(engine, { period: options.period, filters: levelFilter(options.levels), outcomes: ['overdue', 'late'] }, aggregated);
	return annexGroups(late, catalog, names);
}

/** Late and overdue dossiers grouped by agency, agencies by level then name, each group in the list's order. */
function annexGroups(rows: readonly DossierListRow[], catalog: Catalog, names: RowNames): AnnexGroup[] {
	const collator = new Intl.Collator('vi');
	const groups = new Map<string, AnnexGroup>();
	for (const r of rows) {
		let g = groups.get(r.agency_id);
		if (!g) {
			const a = catalog.agencies.get(r.agency_id);
			g = { agencyId: r.agency_id, label: a?.shortName ?? `${names.unknown} (${r.agency_id})`, title: a?.name, level: a?.level ?? null, dossiers: [] };
			groups.set(r.agency_id, g);
		}
		g.dossiers.push(r);
	}
	const rank = (l: Level | null) => (l === null ? LEVELS.length : LEVELS.indexOf(l));
	return [...groups.values()].sort((a, b) => rank(a.level) - rank(b.level) || collator.compare(a.label, b.label));
}

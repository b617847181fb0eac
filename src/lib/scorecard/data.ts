/**
 * The figures of the scorecard page: the counts of every unit (agency, field or level) in a
 * period and in the one before, from one metrics request through the metric engine
 * (engine/metrics.ts), and each unit's score of Decision 766 (core/domain/scorecard.ts).
 */
import { addCounts, type Counts } from '../core/domain/metrics';
import { periodKey, previousPeriod, type Period } from '../core/domain/periods';
import type { Filters } from '../core/domain/query';
import { score, type Score } from '../core/domain/scorecard';
import { LEVELS, type Level } from '../core/domain/types';
import type { Catalog } from '../core/engine/catalog';
import { queryMetrics } from '../core/engine/metrics';
import type { Querier } from '../core/engine/types';
import type { Units } from '../core/domain/succession';
import { listedItems } from '../report/data';

/** The rows of the scorecard: one per agency, per field or per level. */
export type ScorecardGrouping = 'agency' | 'field' | 'level';

export interface ScorecardOptions {
	period: Period;
	/** The levels counted; all of them also counts dossiers of an unknown agency. */
	levels: readonly Level[];
	grouping: ScorecardGrouping;
	/** Agencies as they were at receipt, or today's successors (domain/succession.ts). */
	units: Units;
}

export interface UnitScore {
	/** The agency's code, the field's name or the level; null for dossiers of an unknown agency (or field). */
	key: string | null;
	/** The agency's level (null for a field, or an unknown agency). */
	level: Level | null;
	counts: Counts;
	score: Score;
	/** The score in the period before; null when the unit had no dossier then. */
	previous: Score | null;
}

export interface ScorecardData {
	period: Period;
	previous: Period;
	/** Every unit chosen together (the province, or the levels chosen). */
	total: Omit<UnitScore, 'key' | 'level'>;
	units: UnitScore[];
}

const allLevels = (levels: readonly Level[]) => LEVELS.every((l) => levels.includes(l));
const levelFilter = (levels: readonly Level[]): Filters => (allLevels(levels) ? {} : { levels });
const hasDossiers = (c: Counts) => c.received > 0;

/** The units listed even without dossiers: the agencies existing in the period (or today's), the fields of their procedures, the levels. */
function listedKeys(catalog: Catalog, options: ScorecardOptions): string[] {
	if (options.grouping === 'level') return LEVELS.filter((l) => options.levels.includes(l));
	return [...new Set(listedItems(catalog, { ...options, levels: [...options.levels], grouping: options.grouping }).map((i) => i.key))];
}

/** One query of the counts of the period and the one before, by unit; the scores from them. */
export async function scorecardData(engine: Querier, options: ScorecardOptions, aggregated: ReadonlySet<string>, catalog: Catalog): Promise<ScorecardData> {
	const { period, levels, grouping } = options;
	const previous = previousPeriod(period);
	const rows = await queryMetrics(engine, { periods: [period, previous], groupBy: [grouping], filters: levelFilter(levels), units: options.units }, aggregated);
	const now = new Map<string | null, Counts>();
	const before = new Map<string | null, Counts>();
	for (const r of rows) (r.period === periodKey(period) ? now : before).set(r.keys[grouping] ?? null, r.counts);

	const keys: (string | null)[] = listedKeys(catalog, options);
	for (const k of [...now.keys(), ...before.keys()]) if (!keys.includes(k)) keys.push(k);
	const empty = addCounts([]);
	const units = keys.map((key): UnitScore => {
		const counts = now.get(key) ?? empty;
		const prev = before.get(key);
		const level = grouping === 'level' ? (key as Level) : grouping === 'agency' && key !== null ? (catalog.agencies.get(key)?.level ?? null) : null;
		return { key, level, counts, score: score(counts), previous: prev && hasDossiers(prev) ? score(prev) : null };
	});
	const counts = addCounts([...now.values()]);
	const prevCounts = addCounts([...before.values()]);
	return { period, previous, total: { counts, score: score(counts), previous: hasDossiers(prevCounts) ? score(prevCounts) : null }, units };
}

/**
 * Builds the one SQL statement behind every figure: the as-of-period-end state of each
 * dossier for each requested period (docs/METRICS.md, "How a period is counted"), filtered, grouped and
 * summed into the counts of metrics.ts.
 *
 * Periods are Vietnam days. Timestamps are Vietnam local time in TIMESTAMP columns, so the
 * boundaries are plain TIMESTAMP literals and no time zone is involved anywhere.
 */
import { addDays, endOfDay } from './dates';
import { COUNTS, COUNT_IDS, dueSoonCondition, workingDaysLeftSql, type CountId, type Counts } from './metrics';
import { period as makePeriod, periodKey, type Period } from './periods';
import type { DossierRecord } from './schema';
import type { Channel, Level } from './types';
import { sqlDate, sqlList, sqlString, sqlTimestamp } from './sql';
import { CURRENT_UNITS, SUCCESSION_CTES, type Units } from './succession';
import type { DueSoonWindow } from './workdays';

/** The tables of counts pre-aggregated at build time (domain/aggregates.ts builds them). */
export const AGGREGATE_TABLE = 'period_counts';
export const AGGREGATE_LEVEL_TABLE = 'period_level_counts';
export const AGGREGATED_PERIODS_TABLE = 'aggregated_periods';
/**
 * The dossiers that were ever past their due date (resolved, withdrawn or still open after
 * it): a dossier late or overdue at the end of any period is one of them (overdue: still
 * open at the period's end, after its due date; late: resolved after its due date). About
 * 2% of the sample's dossiers: the report's annex reads them, not every dossier.
 */
export const LATE_DOSSIERS_TABLE = 'late_dossiers';
/**
 * The dossiers due soon and overdue at the end of each standard period's reference day, by
 * agency, procedure, channel and step (domain/aggregates.ts): a view's due-soon counts for a
 * reference day among them are summed from it (aggregatedDueSoonSql).
 */
export const DUE_SOON_TABLE = 'due_soon_counts';
export const EVER_PAST_DUE_SQL = "coalesce(resolved_at, withdrawn_at, TIMESTAMP '9999-12-31 00:00:00') > due_at";

/** Where a state relation reads its dossiers: the table, or a parenthesised query of some of its rows. */
export type DossierRelation = 'dossiers' | typeof LATE_DOSSIERS_TABLE | `(${string})`;

export type Dimension = 'level' | 'agency' | 'field' | 'procedure' | 'channel';

type Join = 'agencies' | 'procedures' | typeof CURRENT_UNITS;
type DimensionSql = Partial<Record<Dimension, { sql: string; join?: Join }>>;

/** The SQL of each dimension's key over a table of dossiers or of their counts (d), and the table it needs joined. */
const DIMENSION_SQL = {
	level: { sql: 'a.level', join: 'agencies' },
	agency: { sql: 'd.agency_id' },
	field: { sql: 'pr.field', join: 'procedures' },
	procedure: { sql: 'd.procedure_code' },
	channel: { sql: 'd.channel' }
} satisfies Required<DimensionSql>;

/**
 * The same by today's units (domain/succession.ts): the agency is today's unit of the one
 * that received the dossier, the level that unit's. A code the agencies lack stays itself,
 * with no level, as it has none the other way either.
 */
const CURRENT_DIMENSION_SQL = {
	...DIMENSION_SQL,
	level: { sql: 'cu.current_level', join: CURRENT_UNITS },
	agency: { sql: 'coalesce(cu.current_id, d.agency_id)', join: CURRENT_UNITS }
} satisfies Required<DimensionSql>;

const dimensionSql = (units: Units = 'received') => (units === 'current' ? CURRENT_DIMENSION_SQL : DIMENSION_SQL);

const JOINS: Record<Join, string> = {
	agencies: 'LEFT JOIN agencies a ON a.id = d.agency_id',
	procedures: 'LEFT JOIN procedures pr ON pr.code = d.procedure_code',
	[CURRENT_UNITS]: `LEFT JOIN ${CURRENT_UNITS} cu ON cu.agency_id = d.agency_id`
};

/** Each list narrows to its keys; a missing list selects everything, an empty list nothing. */
export interface Filters {
	levels?: readonly Level[];
	agencies?: readonly string[];
	fields?: readonly string[];
	procedures?: readonly string[];
	channels?: readonly Channel[];
}

export interface MetricsRequest {
	periods: readonly Period[];
	groupBy?: readonly Dimension[];
	/**
	 * Filters by these dimensions' keys: with `units: 'current'`, agencies are today's units
	 * and levels their levels.
	 */
	filters?: Filters;
	/**
	 * Which units the agency and level keys (grouped and filtered) are: those that received
	 * the dossiers (`received`, by default: "theo đơn vị lúc tiếp nhận"), or today's units of
	 * those (`current`: "theo đơn vị hiện nay", domain/succession.ts). Every other key, and
	 * the totals, are the same both ways.
	 */
	units?: Units;
}

export interface MetricsRow {
	/** periodKey() of the period the row describes. */
	period: string;
	/** The key of each grouped dimension (null where the dossier has none, e.g. an unknown agency). */
	keys: Partial<Record<Dimension, string | null>>;
	counts: Counts;
}

function inList(column: string, values: readonly string[] | undefined): string | null {
	if (!values) return null;
	if (values.length === 0) return 'FALSE';
	return `${column} IN (${sqlList(values)})`;
}

/** Which dimension each filter narrows. */
const FILTERED: [keyof Filters, Dimension][] = [
	['levels', 'level'],
	['agencies', 'agency'],
	['fields', 'field'],
	['procedures', 'procedure'],
	['channels', 'channel']
];

/** The WHERE conditions of a set of filters, each dimension's key given by `sql`. */
function filterConditions(filters: Filters = {}, sql: (d: Dimension) => string = (d) => DIMENSION_SQL[d].sql): string[] {
	return FILTERED.flatMap(([f, d]) => (filters[f] === undefined ? [] : [inList(sql(d), filters[f])!]));
}

/** The dimensions a request groups or filters by. */
function usedDimensions(req: MetricsRequest): Set<Dimension> {
	const filters = req.filters ?? {};
	return new Set([...(req.groupBy ?? []), ...FILTERED.filter(([f]) => filters[f] !== undefined).map(([, d]) => d)]);
}

/** The joins those dimensions need (none for a request by agency, procedure or channel). */
function joinsSql(used: Set<Dimension>, dims: DimensionSql): string {
	const joins = new Set([...used].map((d) => dims[d]!.join).filter((j) => j !== undefined));
	return [...joins].map((j) => `\n  ${JOINS[j]}`).join('');
}

/** Whether those dimensions read today's units, whose CTEs must then precede a statement over the dossiers. */
function needsSuccession(used: Set<Dimension>, dims: DimensionSql): boolean {
	return [...used].some((d) => dims[d]!.join === CURRENT_UNITS);
}

/** A WITH clause of these CTEs and a new line, with today's units first when `succession`; nothing when there are none. */
function withSql(succession: boolean, ctes: readonly string[]): string {
	const all = [...(succession ? [SUCCESSION_CTES] : []), ...ctes];
	return all.length ? `WITH ${succession ? 'RECURSIVE ' : ''}${all.join(',\n')}\n` : '';
}

/**
 * The period table: p_start is the first instant of the first day, p_end the first instant
 * after the last day, p_last the last instant of the last day (a due date given as a day
 * is stored as that instant, so a dossier due on the last day is not yet overdue).
 */
export function periodsValues(periods: readonly Period[]): string {
	if (periods.length === 0) throw new Error('A metrics request needs at least one period');
	const rows = periods.map((p) => `(${sqlString(periodKey(p))}, ${sqlTimestamp(`${p.first} 00:00:00`)}, ${sqlTimestamp(`${addDays(p.last, 1)} 00:00:00`)}, ${sqlTimestamp(endOfDay(p.last))})`);
	return `periods(period, p_start, p_end, p_last) AS (VALUES ${rows.join(', ')})`;
}

/**
 * The state relation: one row for each dossier received in each period (new or carried
 * over), with the columns the count SQL of metrics.ts reads. `from` is the dossiers' table,
 * or a relation of some of them (the ever-late ones, a due-soon window's candidates).
 */
export function stateSql(req: MetricsRequest, from: DossierRelation = 'dossiers'): string {
	const dims = req.groupBy ?? [];
	const sql = dimensionSql(req.units);
	const where = filterConditions(req.filters, (d) => sql[d].sql);
	return `SELECT p.period, ${dims.map((d) => `${sql[d].sql} AS "${d}"`).join(', ')}${dims.length ? ',' : ''}
    d.id AS dossier_id, d.agency_id, d.procedure_code, d.withdrawn_at, d.apology_issued,
    d.received_at, d.due_at, d.resolved_at, d.channel, d.fee, d.paid_online, d.digitised,
    d.result_electronic, d.rating, p.p_start, p.p_last,
    coalesce(d.resolved_at < p.p_end, false) AS is_resolved,
    coalesce(d.withdrawn_at < p.p_end, false) AS is_withdrawn,
    CAST(p.p_last AS DATE) AS last_day
  FROM ${from} d
  JOIN periods p
    ON d.received_at < p.p_end
   AND coalesce(d.resolved_at, d.withdrawn_at, TIMESTAMP '9999-12-31 00:00:00') >= p.p_start${joinsSql(usedDimensions(req), sql)}${where.length ? `\n  WHERE ${where.join('\n    AND ')}` : ''}`;
}

/** The statement that returns one row of counts for each period and group, from the dossiers. */
export function metricsSql(req: MetricsRequest): string {
	const dims = req.groupBy ?? [];
	const groupCols = ['period', ...dims.map((d) => `"${d}"`)];
	const counts = COUNTS.map((c) => `CAST(count_if(${c.sql}) AS DOUBLE) AS "${c.id}"`);
	return `${withSql(needsSuccession(usedDimensions(req), dimensionSql(req.units)), [periodsValues(req.periods), `state AS (\n  ${stateSql(req)}\n)`])}SELECT ${groupCols.join(', ')},
  ${counts.join(',\n  ')}
FROM state
GROUP BY ${groupCols.join(', ')}
ORDER BY ${groupCols.join(', ')}`;
}

/**
 * The tables of pre-aggregated counts, finest first. A request is answered from the
 * coarsest one holding every dimension it groups or filters by: the levels and channels of
 * the province's top from a few thousand rows, anything below from the agency × procedure ×
 * channel counts. Each maps a dimension to its SQL, and names the join it needs. `large`
 * tables are read with a range of period_last besides the period keys, so that DuckDB skips
 * the blocks of other months (they are in its order); on the few thousand rows of the level
 * table the range skips nothing, and DuckDB-WASM took 10 ms longer with it (measured).
 *
 * By today's units, the level table holds the receiving units' levels, not today's: levels
 * and agencies then come from the agency table, with each agency put under today's unit by
 * the table of today's units written with the counts (counts add up over agencies); the
 * level table still serves the province's totals and channels, the same both ways.
 */
const CUBES: Record<Units, { table: string; dimensions: DimensionSql; large: boolean }[]> = {
	received: [
		{ table: AGGREGATE_LEVEL_TABLE, dimensions: { level: { sql: 'd.level' }, channel: { sql: 'd.channel' } }, large: false },
		// Keyed like the dossiers: the same SQL and joins.
		{ table: AGGREGATE_TABLE, dimensions: DIMENSION_SQL, large: true }
	],
	current: [
		{ table: AGGREGATE_LEVEL_TABLE, dimensions: { channel: { sql: 'd.channel' } }, large: false },
		{ table: AGGREGATE_TABLE, dimensions: CURRENT_DIMENSION_SQL, large: true }
	]
};

/**
 * The same rows as metricsSql, summed from the counts pre-aggregated for standard periods
 * (domain/aggregates.ts). Every period of the request must be among the aggregated ones.
 */
export function aggregatedMetricsSql(req: MetricsRequest): string {
	if (req.periods.length === 0) throw new Error('A metrics request needs at least one period');
	const dims = req.groupBy ?? [];
	const used = usedDimensions(req);
	const cube = CUBES[req.units ?? 'received'].find((c) => [...used].every((d) => c.dimensions[d]))!;
	const col = (d: Dimension) => cube.dimensions[d]!.sql;
	// By position: a dimension's name (level) may also be a column of the joined tables.
	const groupCols = [1, ...dims.map((_, i) => i + 2)];
	const lasts = req.periods.map((p) => p.last).sort();
	const where = [...(cube.large ? [`d.period_last BETWEEN ${sqlDate(lasts[0])} AND ${sqlDate(lasts.at(-1)!)}`] : []), `d.period IN (${sqlList(req.periods.map(periodKey))})`, ...filterConditions(req.filters, col)];
	const counts = COUNTS.map((c) => `CAST(sum(d."${c.id}") AS DOUBLE) AS "${c.id}"`);
	// By today's units, the table of today's units written with these counts (no CTE: domain/succession.ts).
	return `SELECT d.period, ${dims.map((d) => `${col(d)} AS "${d}", `).join('')}
  ${counts.join(',\n  ')}
FROM ${cube.table} d${joinsSql(used, cube.dimensions)}
WHERE ${where.join('\n  AND ')}
GROUP BY ${groupCols.join(', ')}
ORDER BY ${groupCols.join(', ')}`;
}

/** Reads the rows of metricsSql into typed rows. */
export function readMetricsRows(raw: readonly Record<string, unknown>[], groupBy: readonly Dimension[] = []): MetricsRow[] {
	return raw.map((r) => ({
		period: String(r.period),
		keys: Object.fromEntries(groupBy.map((d) => [d, r[d] == null ? null : String(r[d])])),
		counts: Object.fromEntries(COUNT_IDS.map((id: CountId) => [id, Number(r[id])])) as Counts
	}));
}

/**
 * Where a dossier stands at the end of a period; each is one of the counts of metrics.ts, but
 * due soon (a part of not yet due), which a list judged against a due-soon window tells apart.
 */
const OUTCOMES = ['overdue', 'due_soon', 'not_yet_due', 'late', 'on_time', 'early', 'withdrawn'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface DossierListRequest {
	period: Period;
	filters?: Filters;
	/** Which units the agency and level filters name, as in MetricsRequest; a listed dossier still shows the agency that received it. */
	units?: Units;
	/** Only the dossiers with these outcomes at the period's end (all when missing). */
	outcomes?: readonly Outcome[];
	/** A page of the list; the whole list when missing. */
	limit?: number;
	offset?: number;
	/** Read from some of the dossiers only (the ever-late ones for `outcomes` among late and overdue, the candidates of a due-soon window). */
	from?: DossierRelation;
	/**
	 * Tells the dossiers due soon apart from the others not yet due, judged at the end of the
	 * window's reference day: the period must then be that one day (referencePeriod).
	 */
	dueSoon?: DueSoonWindow;
}

/** A listed dossier: its columns (timestamps to the second), then its state in the period. */
export interface DossierListRow extends Pick<DossierRecord, 'id' | 'agency_id' | 'procedure_code' | 'received_at' | 'due_at' | 'resolved_at' | 'withdrawn_at' | 'channel' | 'apology_issued'> {
	outcome: Outcome;
	/** Calendar days from the due day to the result day, or to the last day for overdue ones; null when not late. */
	days_late: number | null;
	/** For a dossier due soon, the working days left before its due day (0: due on the reference day); null otherwise. */
	working_days_left: number | null;
	/** How many dossiers the whole list holds (for paging). */
	total: number;
}

const COUNT_SQL = new Map<string, string>(COUNTS.map((c) => [c.id, c.sql]));

/** The dossiers of a period, overdue first (most days late first), then late ones, then the rest in order of receipt. */
export function dossierListSql(req: DossierListRequest): string {
	const w = req.dueSoon;
	if (w && (req.period.first !== w.reference || req.period.last !== w.reference)) throw new Error(`A due-soon list is judged on its reference day, ${w.reference}`);
	const when = (o: Outcome) => (o === 'due_soon' ? (w ? dueSoonCondition(w) : null) : COUNT_SQL.get(o)!);
	const outcome = `CASE ${OUTCOMES.flatMap((o) => (when(o) ? [`WHEN ${when(o)} THEN '${o}'`] : [])).join(' ')} END`;
	const ts = (c: string) => `strftime(${c}, '%Y-%m-%d %H:%M:%S')`;
	const state: MetricsRequest = { periods: [req.period], filters: req.filters, units: req.units };
	const listed = `listed AS (
  SELECT dossier_id AS id, agency_id, procedure_code, received_at, due_at, resolved_at, withdrawn_at,
    channel, apology_issued, ${outcome} AS outcome${w ? `, ${workingDaysLeftSql(w)} AS days_left` : ''}
  FROM state
)`;
	return `${withSql(needsSuccession(usedDimensions(state), dimensionSql(req.units)), [periodsValues([req.period]), `state AS (\n  ${stateSql(state, req.from)}\n)`, listed])}SELECT id, agency_id, procedure_code, ${ts('received_at')} AS received_at, ${ts('due_at')} AS due_at,
  ${ts('resolved_at')} AS resolved_at, ${ts('withdrawn_at')} AS withdrawn_at, channel, apology_issued, outcome,
  CASE outcome
    WHEN 'overdue' THEN CAST(date_diff('day', CAST(due_at AS DATE), ${sqlDate(req.period.last)}) AS DOUBLE)
    WHEN 'late' THEN CAST(date_diff('day', CAST(due_at AS DATE), CAST(resolved_at AS DATE)) AS DOUBLE)
  END AS days_late,
  ${w ? "CASE WHEN outcome = 'due_soon' THEN CAST(days_left AS DOUBLE) END" : 'CAST(NULL AS DOUBLE)'} AS working_days_left,
  CAST(count(*) OVER () AS DOUBLE) AS total
FROM listed${req.outcomes ? `\nWHERE outcome IN (${sqlList(req.outcomes) || 'NULL'})` : ''}
ORDER BY outcome = 'overdue' DESC, outcome = 'late' DESC, days_late DESC NULLS LAST, ${w ? 'due_at, ' : ''}received_at, id${
		req.limit === undefined ? '' : `\nLIMIT ${Math.max(0, Math.floor(req.limit))} OFFSET ${Math.max(0, Math.floor(req.offset ?? 0))}`
	}`;
}

/** The one-day period of a reference day: its state relation is the dossiers' state at the end of that day. */
export function referencePeriod(day: string): Period {
	return makePeriod({ kind: 'custom', first: day, last: day });
}

export interface DueSoonRequest {
	window: DueSoonWindow;
	groupBy?: readonly Dimension[];
	filters?: Filters;
	units?: Units;
}

/** Due soon and overdue at the end of a reference day, by group. */
export interface DueSoonRow {
	keys: Partial<Record<Dimension, string | null>>;
	due_soon: number;
	overdue: number;
}

/** Due within the window: due after the end of its reference day and on or before its last working day. */
function dueInWindowSql(w: DueSoonWindow): string {
	const until = addDays(w.days.at(-1) ?? w.reference, 1);
	return `due_at >= ${sqlTimestamp(endOfDay(w.reference))} AND due_at < ${sqlTimestamp(`${until} 00:00:00`)}`;
}

/**
 * The only dossiers that can be due soon in a window: those due within it. A bare range of
 * due_at, so that the engine reads the other columns of those few rows alone (a scan of every
 * dossier's state took 50–90 ms at a million in DuckDB-WASM).
 */
export const dueSoonCandidates = (w: DueSoonWindow): DossierRelation => `(SELECT * FROM dossiers WHERE ${dueInWindowSql(w)})`;

/**
 * The only dossiers that can be due soon or overdue at the end of a window's reference day:
 * the ever-late ones (every overdue dossier is one) and the others due within the window.
 */
export const dueSoonOrOverdueCandidates = (w: DueSoonWindow): DossierRelation => `(SELECT * FROM ${LATE_DOSSIERS_TABLE} UNION ALL SELECT * FROM dossiers WHERE ${dueInWindowSql(w)} AND NOT (${EVER_PAST_DUE_SQL}))`;

/**
 * The dossiers due soon and those overdue at the end of the window's reference day, by
 * group (only groups with either), over the state relation of that one day: for a reference
 * day no standard period has (a custom range's), or data not pre-aggregated. Where the
 * ever-late dossiers are kept (`from`: dueSoonOrOverdueCandidates), only they and those due
 * within the window are read.
 */
export function dueSoonSql(req: DueSoonRequest, from: DossierRelation = 'dossiers'): string {
	const dims = req.groupBy ?? [];
	const state: MetricsRequest = { periods: [referencePeriod(req.window.reference)], groupBy: dims, filters: req.filters, units: req.units };
	const groupCols = dims.map((d) => `"${d}"`);
	const dueSoon = `count_if(${dueSoonCondition(req.window)})`;
	const overdue = `count_if(${COUNT_SQL.get('overdue')})`;
	return `${withSql(needsSuccession(usedDimensions(state), dimensionSql(req.units)), [periodsValues(state.periods), `state AS (\n  ${stateSql(state, from)}\n)`])}SELECT ${groupCols.map((c) => `${c}, `).join('')}
  CAST(${dueSoon} AS DOUBLE) AS due_soon,
  CAST(${overdue} AS DOUBLE) AS overdue
FROM state${groupCols.length ? `\nGROUP BY ${groupCols.join(', ')}\nHAVING ${dueSoon} > 0 OR ${overdue} > 0\nORDER BY ${groupCols.join(', ')}` : ''}`;
}

/**
 * dueSoonSql's rows summed from the counts kept for the standard periods' reference days
 * (DUE_SOON_TABLE), for a window whose reference day is among them and of at most
 * MAX_DUE_SOON_DAYS working days: a few hundred rows read instead of the dossiers.
 */
export function aggregatedDueSoonSql(req: DueSoonRequest): string {
	const dims = req.groupBy ?? [];
	const sql = dimensionSql(req.units);
	const col = (d: Dimension) => sql[d].sql;
	const used = usedDimensions({ periods: [], groupBy: dims, filters: req.filters });
	// By position: a dimension's name (level) may also be a column of the joined tables.
	const groupCols = dims.map((_, i) => i + 1);
	const where = [`d.reference = ${sqlDate(req.window.reference)}`, ...filterConditions(req.filters, col)];
	const dueSoon = `coalesce(sum(d.n) FILTER (WHERE d.step BETWEEN 0 AND ${req.window.days.length}), 0)`;
	const overdue = `coalesce(sum(d.n) FILTER (WHERE d.step = -1), 0)`;
	return `SELECT ${dims.map((d) => `${col(d)} AS "${d}", `).join('')}
  CAST(${dueSoon} AS DOUBLE) AS due_soon,
  CAST(${overdue} AS DOUBLE) AS overdue
FROM ${DUE_SOON_TABLE} d${joinsSql(used, sql)}
WHERE ${where.join('\n  AND ')}${groupCols.length ? `\nGROUP BY ${groupCols.join(', ')}\nHAVING ${dueSoon} > 0 OR ${overdue} > 0\nORDER BY ${groupCols.join(', ')}` : ''}`;
}

export function readDueSoonRows(raw: readonly Record<string, unknown>[], groupBy: readonly Dimension[] = []): DueSoonRow[] {
	return raw.map((r) => ({ keys: Object.fromEntries(groupBy.map((d) => [d, r[d] == null ? null : String(r[d])])), due_soon: Number(r.due_soon), overdue: Number(r.overdue) }));
}

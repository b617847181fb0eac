/**
 * Builds the one SQL statement behind every figure: the as-of-period-end state of each
 * dossier for each requested period (domain.md, "Counting rules"), filtered, grouped and
 * summed into the counts of metrics.ts.
 *
 * Periods are Vietnam days. Timestamps are Vietnam local time in TIMESTAMP columns, so the
 * boundaries are plain TIMESTAMP literals and no time zone is involved anywhere.
 */
import { addDays, endOfDay } from './dates';
import { COUNTS, COUNT_IDS, type CountId, type Counts } from './metrics';
import { periodKey, type Period } from './periods';
import type { Channel, Level } from './types';

export const DIMENSIONS = ['level', 'agency', 'field', 'procedure', 'channel'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The SQL that yields each dimension's key in the state relation. */
const DIMENSION_SQL: Record<Dimension, string> = {
	level: 'a.level',
	agency: 'd.agency_id',
	field: 'pr.field',
	procedure: 'd.procedure_code',
	channel: 'd.channel'
};

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
	filters?: Filters;
}

export interface MetricsRow {
	/** periodKey() of the period the row describes. */
	period: string;
	/** The key of each grouped dimension (null where the dossier has none, e.g. an unknown agency). */
	keys: Partial<Record<Dimension, string | null>>;
	counts: Counts;
}

export function sqlString(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}

function inList(column: string, values: readonly string[] | undefined): string | null {
	if (!values || values.length === 0) return null;
	return `${column} IN (${values.map(sqlString).join(', ')})`;
}

/** The WHERE conditions of a set of filters (an empty list selects everything). */
export function filterConditions(filters: Filters = {}): string[] {
	return [
		inList(DIMENSION_SQL.level, filters.levels),
		inList(DIMENSION_SQL.agency, filters.agencies),
		inList(DIMENSION_SQL.field, filters.fields),
		inList(DIMENSION_SQL.procedure, filters.procedures),
		inList(DIMENSION_SQL.channel, filters.channels)
	].filter((c): c is string => c !== null);
}

/**
 * The period table: p_start is the first instant of the first day, p_end the first instant
 * after the last day, p_last the last instant of the last day (a due date given as a day
 * is stored as that instant, so a dossier due on the last day is not yet overdue).
 */
function periodsValues(periods: readonly Period[]): string {
	if (periods.length === 0) throw new Error('A metrics request needs at least one period');
	const rows = periods.map(
		(p) =>
			`(${sqlString(periodKey(p))}, TIMESTAMP '${p.first} 00:00:00', TIMESTAMP '${addDays(p.last, 1)} 00:00:00', TIMESTAMP '${endOfDay(p.last)}')`
	);
	return `periods(period, p_start, p_end, p_last) AS (VALUES ${rows.join(', ')})`;
}

/**
 * The state relation: one row for each dossier received in each period (new or carried
 * over), with the columns the count SQL of metrics.ts reads.
 */
export function stateSql(req: MetricsRequest): string {
	const dims = req.groupBy ?? [];
	const where = filterConditions(req.filters);
	return `SELECT p.period, ${dims.map((d) => `${DIMENSION_SQL[d]} AS "${d}"`).join(', ')}${dims.length ? ',' : ''}
    d.received_at, d.due_at, d.resolved_at, d.channel, d.fee, d.paid_online, d.digitised,
    d.result_electronic, d.rating, p.p_start, p.p_last,
    coalesce(d.resolved_at < p.p_end, false) AS is_resolved,
    coalesce(d.withdrawn_at < p.p_end, false) AS is_withdrawn
  FROM dossiers d
  JOIN periods p
    ON d.received_at < p.p_end
   AND coalesce(d.resolved_at, d.withdrawn_at, TIMESTAMP '9999-12-31 00:00:00') >= p.p_start
  LEFT JOIN agencies a ON a.id = d.agency_id
  LEFT JOIN procedures pr ON pr.code = d.procedure_code${where.length ? `\n  WHERE ${where.join('\n    AND ')}` : ''}`;
}

/** The statement that returns one row of counts for each period and group. */
export function metricsSql(req: MetricsRequest): string {
	const dims = req.groupBy ?? [];
	const groupCols = ['period', ...dims.map((d) => `"${d}"`)];
	const counts = COUNTS.map((c) => `CAST(count_if(${c.sql}) AS DOUBLE) AS "${c.id}"`);
	return `WITH ${periodsValues(req.periods)},
state AS (
  ${stateSql(req)}
)
SELECT ${groupCols.join(', ')},
  ${counts.join(',\n  ')}
FROM state
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

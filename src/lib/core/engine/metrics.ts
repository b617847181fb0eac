/** Runs metric requests (domain/query.ts) on an engine: the only road from a view to a figure. */
import { parsePeriodKey, periodKey } from '../domain/periods';
import { dueSoonReferences } from '../domain/aggregates';
import { MAX_DUE_SOON_DAYS, dueSoonWindow } from '../domain/workdays';
import {
	AGGREGATED_PERIODS_TABLE,
	AGGREGATE_LEVEL_TABLE,
	AGGREGATE_TABLE,
	DUE_SOON_TABLE,
	LATE_DOSSIERS_TABLE,
	aggregatedMetricsSql,
	aggregatedDueSoonSql,
	dossierListSql,
	dueSoonCandidates,
	dueSoonOrOverdueCandidates,
	dueSoonSql,
	metricsSql,
	readDueSoonRows,
	readMetricsRows,
	type DossierListRequest,
	type DossierListRow,
	type DueSoonRequest,
	type DueSoonRow,
	type MetricsRequest,
	type MetricsRow
} from '../domain/query';
import type { Querier } from './types';
import { sqlList } from '../domain/sql';
import { CURRENT_UNITS } from '../domain/succession';
import { HOLIDAY_TABLE } from '../domain/schema';
import type { IsoDay } from '../domain/dates';

/**
 * The counts of a request. Periods among `aggregated` (the standard periods the database
 * holds pre-aggregated) are summed from the aggregates; the others are counted from the
 * dossiers. Both give the same figures (tests/unit/aggregates.test.ts).
 */
export async function queryMetrics(engine: Querier, req: MetricsRequest, aggregated: ReadonlySet<string> = new Set()): Promise<MetricsRow[]> {
	const fast = req.periods.filter((p) => aggregated.has(periodKey(p)));
	const slow = req.periods.filter((p) => !aggregated.has(periodKey(p)));
	const groupBy = req.groupBy ?? [];
	const [a, b] = await Promise.all([fast.length ? engine.query(aggregatedMetricsSql({ ...req, periods: fast })) : [], slow.length ? engine.query(metricsSql({ ...req, periods: slow })) : []]);
	return readMetricsRows([...a, ...b], groupBy);
}

/** The periods a database holds pre-aggregated (none for a file without every aggregate table). */
export async function aggregatedPeriods(engine: Querier): Promise<Set<string>> {
	// A file written before the aggregates existed (or before today's units were kept with them),
	// or loaded data not yet pre-aggregated, lacks some of the tables: every view then counts from
	// the dossiers.
	const tables = [AGGREGATE_TABLE, AGGREGATE_LEVEL_TABLE, CURRENT_UNITS, LATE_DOSSIERS_TABLE, DUE_SOON_TABLE, AGGREGATED_PERIODS_TABLE];
	const [{ n }] = await engine.query<{ n: number }>(
		`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = current_schema() AND table_name IN (${sqlList(tables)})`
	);
	if (n < tables.length) return new Set();
	const rows = await engine.query<{ period: string }>(`SELECT period FROM ${AGGREGATED_PERIODS_TABLE}`);
	return new Set(rows.map((r) => r.period));
}

/**
 * A page of the dossiers behind a view, overdue first. A list of late and overdue dossiers
 * alone reads the ever-late ones, where the data is pre-aggregated (`aggregated` not empty:
 * the tables are written together); both give the same rows (tests/unit/aggregates.test.ts).
 */
export async function queryDossiers(engine: Querier, req: DossierListRequest, aggregated: ReadonlySet<string> = new Set()): Promise<DossierListRow[]> {
	const lateOnly = !!req.outcomes?.length && req.outcomes.every((o) => o === 'late' || o === 'overdue');
	const dueSoonOnly = req.dueSoon && req.outcomes?.length === 1 && req.outcomes[0] === 'due_soon';
	const from = dueSoonOnly ? dueSoonCandidates(req.dueSoon!) : lateOnly && aggregated.size > 0 ? LATE_DOSSIERS_TABLE : 'dossiers';
	return engine.query<DossierListRow & Record<string, unknown>>(dossierListSql({ ...req, from }));
}

/**
 * Due soon and overdue at the end of a reference day, by group (domain/query.ts): summed
 * from the counts kept for the standard periods when the window's reference day is one of
 * theirs; else, where the ever-late dossiers are kept, from them and the dossiers due within
 * the window; else from every dossier. All three give the same rows (tests/unit/due-soon.test.ts).
 * `data` names the periods pre-aggregated, the data's last day and the holidays the counts
 * were kept with: the counts serve a window of those holidays, on one of those periods' days.
 */
export async function queryDueSoon(engine: Querier, req: DueSoonRequest, data?: { aggregated: ReadonlySet<string>; dataAsOf: IsoDay; holidays?: readonly IsoDay[] }): Promise<DueSoonRow[]> {
	const kept = data !== undefined && data.aggregated.size > 0;
	const w = req.window;
	const held =
		kept &&
		w.days.length <= MAX_DUE_SOON_DAYS &&
		dueSoonReferences([...data.aggregated].map(parsePeriodKey), data.dataAsOf).includes(w.reference) &&
		dueSoonWindow(w.reference, w.days.length, data.holidays ?? []).days.join() === w.days.join();
	const sql = held ? aggregatedDueSoonSql(req) : dueSoonSql(req, kept ? dueSoonOrOverdueCandidates(w) : 'dossiers');
	return readDueSoonRows(await engine.query(sql), req.groupBy);
}

/**
 * The province's public holidays, in order. A database written before the calendar was kept
 * (no table), or with none in it, gives none: working days are then weekdays alone, and the
 * pages that count them say so.
 */
export async function queryHolidays(engine: Querier): Promise<IsoDay[]> {
	const [found] = await engine.query<{ n: number }>(
		`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = current_schema() AND table_name = ${sqlList([HOLIDAY_TABLE.name])}`
	);
	if (!found?.n) return [];
	const rows = await engine.query<{ day: string }>(`SELECT DISTINCT strftime(day, '%Y-%m-%d') AS day FROM ${HOLIDAY_TABLE.name} ORDER BY day`);
	return rows.map((r) => r.day);
}

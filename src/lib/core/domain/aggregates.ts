/**
 * Counts pre-aggregated at build time for every standard period (reporting and calendar
 * months, quarters, halves, nine months and years over the data's span), by agency,
 * procedure and channel. They are the very counts of metricsSql, summed once: every count
 * is additive over groups, so any level, field or filter re-aggregates from them exactly.
 * A query whose periods are all standard reads a few thousand rows instead of scanning
 * every dossier; custom ranges still go to the dossiers (query.ts). Rows are kept in order
 * of the period's last day, so a query reads only the blocks of the months it asks for.
 * A second, coarser table sums them again by level and channel: the province's overview
 * reads a few thousand rows and no join. Today's unit of every agency is kept beside them,
 * so that the counts by agency are summed again by today's units without computing it at
 * every query (domain/succession.ts). A copy of the dossiers ever past due serves the
 * lists of late and overdue dossiers (query.ts, LATE_DOSSIERS_TABLE). The dossiers due soon and
 * overdue at the end of each standard period's due-soon reference day are counted by step
 * (DUE_SOON_TABLE): a view's due-soon warning for any N up to MAX_DUE_SOON_DAYS is a sum of them.
 */
import type { IsoDay } from './dates';
import { COUNTS, dueStepSql } from './metrics';
import { periodKey, periodsCovering, type Period, type Span } from './periods';
import { AGGREGATED_PERIODS_TABLE, AGGREGATE_LEVEL_TABLE, AGGREGATE_TABLE, DUE_SOON_TABLE, EVER_PAST_DUE_SQL, LATE_DOSSIERS_TABLE, dueSoonOrOverdueCandidates, referencePeriod, periodsValues, stateSql } from './query';
import { MAX_DUE_SOON_DAYS, dueSoonReference, dueSoonWindow } from './workdays';
import { DOSSIER_ORDER } from './schema';
import { sqlDate, sqlList, sqlString } from './sql';
import { CURRENT_UNITS, CURRENT_UNITS_SQL } from './succession';

const SPANS: Span[] = ['month', 'quarter', 'half', 'nine_months', 'year'];

/** Every reporting and calendar period overlapping first … last. */
export function standardPeriods(first: IsoDay, last: IsoDay, cutoffDay: number): Period[] {
	return (['reporting', 'calendar'] as const).flatMap((kind) => SPANS.flatMap((span) => periodsCovering(first, last, kind, span, cutoffDay)));
}

/** What due soon is judged by when the counts are written: the data's last day and the province's holidays. */
export interface DueSoonCalendar {
	dataAsOf: IsoDay;
	holidays: readonly IsoDay[];
}

/** The days due soon is judged at the end of for these periods (workdays.ts dueSoonReference), each once, in order. */
export function dueSoonReferences(periods: readonly Pick<Period, 'last'>[], dataAsOf: IsoDay): IsoDay[] {
	return [...new Set(periods.map((p) => dueSoonReference(p.last, dataAsOf)))].sort();
}

/**
 * The rows of DUE_SOON_TABLE: for each reference day, the dossiers in progress at its end
 * that are overdue or due within MAX_DUE_SOON_DAYS working days, by agency, procedure,
 * channel and step (metrics.ts dueStepSql), read from the ever-late dossiers and those due
 * within the window (query.ts), as a view's own count reads them.
 */
function dueSoonCountsSelect(references: readonly IsoDay[], calendar: DueSoonCalendar): string {
	if (references.length === 0) return `SELECT DATE '2000-01-01' AS reference, '' AS agency_id, '' AS procedure_code, '' AS channel, 0::TINYINT AS step, 0 AS n WHERE false`;
	return references
		.map((day) => {
			const w = dueSoonWindow(day, MAX_DUE_SOON_DAYS, calendar.holidays);
			const state = stateSql({ periods: [referencePeriod(day)] }, dueSoonOrOverdueCandidates(w));
			return `SELECT * FROM (WITH ${periodsValues([referencePeriod(day)])},
state AS (
  ${state}
), stepped AS (SELECT agency_id, procedure_code, channel, ${dueStepSql(w)} AS step FROM state)
SELECT ${sqlDate(day)} AS reference, agency_id, procedure_code, channel, CAST(step AS TINYINT) AS step, CAST(count(*) AS INTEGER) AS n
FROM stepped WHERE step IS NOT NULL
GROUP BY agency_id, procedure_code, channel, step)`;
		})
		.join('\nUNION ALL\n');
}

/** The per-agency counts of these periods: the rows of AGGREGATE_TABLE. */
function periodCountsSelect(periods: readonly Period[]): string {
	const counts = COUNTS.map((c) => `CAST(count_if(${c.sql}) AS INTEGER) AS "${c.id}"`);
	return `WITH ${periodsValues(periods)},
state AS (
  ${stateSql({ periods })}
)
SELECT period, last_day AS period_last, agency_id, procedure_code, channel,
  ${counts.join(',\n  ')}
FROM state
GROUP BY period, last_day, agency_id, procedure_code, channel
ORDER BY period_last, period, agency_id, procedure_code, channel`;
}

/**
 * What is derived from AGGREGATE_TABLE, the agencies and the dossiers as a whole: the level
 * table, today's unit of every agency (for the counts by today's units), the ever-late copy,
 * the list of periods.
 */
function derivedSql(periods: readonly Period[], calendar: DueSoonCalendar): string {
	return `CREATE OR REPLACE TABLE ${AGGREGATE_LEVEL_TABLE} AS
SELECT d.period, d.period_last, a.level, d.channel,
  ${COUNTS.map((c) => `CAST(sum(d."${c.id}") AS INTEGER) AS "${c.id}"`).join(',\n  ')}
FROM ${AGGREGATE_TABLE} d
LEFT JOIN agencies a ON a.id = d.agency_id
GROUP BY d.period, d.period_last, a.level, d.channel
ORDER BY d.period_last, d.period, a.level, d.channel;
CREATE OR REPLACE TABLE ${CURRENT_UNITS} AS
${CURRENT_UNITS_SQL};
CREATE OR REPLACE TABLE ${LATE_DOSSIERS_TABLE} AS SELECT * FROM dossiers WHERE ${EVER_PAST_DUE_SQL} ORDER BY ${DOSSIER_ORDER};
CREATE OR REPLACE TABLE ${DUE_SOON_TABLE} AS SELECT * FROM (
${dueSoonCountsSelect(dueSoonReferences(periods, calendar.dataAsOf), calendar)}
) ORDER BY reference, agency_id, procedure_code, channel, step;
CREATE OR REPLACE TABLE ${AGGREGATED_PERIODS_TABLE} AS SELECT * FROM (VALUES ${periods.map((p) => `(${sqlString(periodKey(p))})`).join(', ')}) AS t(period);`;
}

/** The statements that (re)build the aggregate tables for these periods. */
export function aggregatesSql(periods: readonly Period[], calendar: DueSoonCalendar): string {
	return `CREATE OR REPLACE TABLE ${AGGREGATE_TABLE} AS
${periodCountsSelect(periods)};
${derivedSql(periods, calendar)}`;
}

/**
 * The statements that bring the aggregate tables up to date after the dossiers changed
 * from `from` on (no period ending before that day can have changed: a dossier's state at
 * the end of a day depends only on what happened by then): the periods ending on or after
 * it are counted again, those before kept. `periods` are all the standard periods now.
 */
export function aggregatesFromSql(periods: readonly Period[], from: IsoDay, calendar: DueSoonCalendar): string {
	const recount = periods.filter((p) => p.last >= from);
	return `DELETE FROM ${AGGREGATE_TABLE} WHERE period_last >= ${sqlDate(from)} OR period NOT IN (${sqlList(periods.map(periodKey))});
${recount.length ? `INSERT INTO ${AGGREGATE_TABLE}\n${periodCountsSelect(recount)};` : ''}
${derivedSql(periods, calendar)}`;
}

/**
 * A dossier seen again takes its latest state. Exports come again and again (weekly,
 * nightly), and a dossier in progress in one is resolved or withdrawn in a later one: the
 * later file (in load order) replaces an earlier one's record, and a later row of the same
 * file an earlier row. Each staged row is, in load order, `new` (no record of its id
 * before it), `updated` (it differs from the record before it) or `unchanged`.
 *
 * A change that looks like a correction rather than progress (the receipt time or the
 * agency changes, a closed dossier opens again, a closing date moves) is applied and
 * listed as a warning with the old and new values, for the analyst to check.
 *
 * The data page and the command line both merge here, on the staged rows (store.ts).
 */
import { DOSSIER_COLUMNS } from '../core/domain/schema';
import type { Engine } from '../core/engine/types';
import type { Warning } from './tally';

export const MERGED = 'memory.merged';

/** Every column of a dossier's record but its id: what "unchanged" compares. */
const STATE_COLUMNS = DOSSIER_COLUMNS.filter((c) => c !== 'id');
const stateOf = (alias: string) => `struct_pack(${STATE_COLUMNS.map((c) => `${c} := ${alias}.${c}`).join(', ')})`;

export interface MergeCounts {
	new: number;
	updated: number;
	unchanged: number;
}

/**
 * Classifies memory.staged (store.ts endStaging) against `current`, the dossiers on record
 * (a table or view with the dossier columns; null when there are none), into memory.merged:
 * every staged row with `outcome`, its record before it (`before`, null when new) and
 * `latest` (no later row of the load has its id).
 */
export async function mergeStaged(engine: Engine, current: string | null): Promise<MergeCounts> {
	const recorded = current ? `LEFT JOIN (SELECT id, ${stateOf('c')} AS state FROM ${current} c) c ON c.id = o.id` : '';
	await engine.query(`CREATE OR REPLACE TABLE ${MERGED} AS
WITH o AS (
  SELECT s.*, ${stateOf('s')} AS state,
    row_number() OVER w = 1 AS first_in_load,
    lag(${stateOf('s')}) OVER w AS before_in_load,
    lead(s.id) OVER w IS NULL AS latest
  FROM memory.staged s
  WINDOW w AS (PARTITION BY s.id ORDER BY s.source_index, s.source_line)
), b AS (
  SELECT o.* EXCLUDE (first_in_load, before_in_load),
    CASE WHEN o.first_in_load THEN ${current ? 'c.state' : 'NULL'} ELSE o.before_in_load END AS before
  FROM o ${recorded}
)
SELECT *, CASE WHEN before IS NULL THEN 'new' WHEN before IS NOT DISTINCT FROM state THEN 'unchanged' ELSE 'updated' END AS outcome
FROM b`);
	const rows = await engine.query<{ outcome: keyof MergeCounts; n: number }>(`SELECT outcome, count(*)::DOUBLE AS n FROM ${MERGED} GROUP BY outcome`);
	const counts: MergeCounts = { new: 0, updated: 0, unchanged: 0 };
	for (const r of rows) counts[r.outcome] = r.n;
	return counts;
}

/** The record each id ends the load with: the latest of its rows. */
export const LATEST_SQL = `SELECT ${DOSSIER_COLUMNS.join(', ')} FROM ${MERGED} WHERE latest`;

export async function dropMerged(engine: Engine): Promise<void> {
	await engine.query(`DROP TABLE IF EXISTS ${MERGED}`);
}

/** An update that looks like a correction: the row, the field and its old and new values. */
export type Correction = {
	reason: Extract<Warning, 'reopened' | 'corrected_received' | 'corrected_agency' | 'corrected_closed'>;
	/** The dossier field whose column the warning names. */
	field: 'received_at' | 'agency' | 'resolved_at' | 'withdrawn_at';
	source_index: number;
	source_line: number;
	id: string;
	previous: string;
	value: string;
	agency_id: string;
	month: string;
};

const shown = (ts: string) => `coalesce(strftime(${ts}, '%d/%m/%Y %H:%M'), '')`;
/** A record's closing date (result or withdrawal) as the account shows it; '' while open. */
const closing = (s: string) => shown(`coalesce(${s}.resolved_at, ${s}.withdrawn_at)`);

/** The corrections among the updated rows, in load order. */
export async function correctionsOf(engine: Engine): Promise<Correction[]> {
	const b = 'm.before';
	const n = 'm.state';
	const closed = (s: string) => `(${s}.resolved_at IS NOT NULL OR ${s}.withdrawn_at IS NOT NULL)`;
	const cases = [
		[`${b}.received_at <> ${n}.received_at`, 'corrected_received', 'received_at', shown(`${b}.received_at`), shown(`${n}.received_at`)],
		[`${b}.agency_id <> ${n}.agency_id`, 'corrected_agency', 'agency', `${b}.agency_id`, `${n}.agency_id`],
		[`${closed(b)} AND NOT ${closed(n)}`, 'reopened', `CASE WHEN ${b}.resolved_at IS NOT NULL THEN 'resolved_at' ELSE 'withdrawn_at' END`, closing(b), closing(n)],
		[
			`${closed(b)} AND ${closed(n)} AND (${b}.resolved_at IS DISTINCT FROM ${n}.resolved_at OR ${b}.withdrawn_at IS DISTINCT FROM ${n}.withdrawn_at)`,
			'corrected_closed',
			`CASE WHEN ${n}.resolved_at IS NOT NULL THEN 'resolved_at' ELSE 'withdrawn_at' END`,
			closing(b),
			closing(n)
		]
	] as const;
	const selects = cases.map(
		([when, reason, field, previous, value], i) =>
			`SELECT ${i} AS k, '${reason}' AS reason, ${field.startsWith('CASE') ? field : `'${field}'`} AS field, m.source_index, m.source_line, m.id,
  ${previous} AS previous, ${value} AS value, m.agency_id, strftime(m.received_at, '%Y-%m') AS month
FROM ${MERGED} m WHERE m.outcome = 'updated' AND ${when}`
	);
	const rows = await engine.query<Correction & { k: number }>(`${selects.join('\nUNION ALL\n')}\nORDER BY source_index, source_line, k`);
	return rows.map(({ k: _, ...c }) => c);
}

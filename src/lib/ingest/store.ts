/**
 * Loaded data in the engine. The rows a user loads live in three in-memory tables
 * (user_dossiers, user_agencies, user_procedures); the data every view reads is assembled in
 * the in-memory catalog from them and, when the user added to the sample, the sample's
 * tables. The same tables, in the engine's columnar form, are what the browser keeps between visits (saved.ts).
 *
 * Catalogs: `province` is the site's database file (read-only, absent when the page started
 * from saved data that replaced it); `memory` holds everything loaded.
 */
import { standardPeriods, aggregatesSql } from '../core/domain/aggregates';
import { AGGREGATED_PERIODS_TABLE, AGGREGATE_LEVEL_TABLE, AGGREGATE_TABLE, LATE_DOSSIERS_TABLE } from '../core/domain/query';
import { CURRENT_UNITS } from '../core/domain/succession';
import { vietnamToday, type IsoDay } from '../core/domain/dates';
import { dossierFactsSql, lastEventDay } from '../core/engine/source';
import { AGENCY_TABLE, DOSSIER_COLUMNS, DOSSIER_ORDER, DOSSIER_TABLE, PROCEDURE_TABLE, SUCCESSOR_TABLE, columnNames, columnTypesSql, pickColumns, sqlTypes, type Columns } from '../core/domain/schema';
import { engineCsv } from '../core/engine/csv';
import { queryHolidays } from '../core/engine/metrics';
import type { Engine } from '../core/engine/types';
import { USER_AGENCY_COLUMNS, type AgencyRecord, type ProcedureRecord } from './catalogue';
import { dropMerged, LATEST_SQL, MERGED } from './merge';
import { sqlString } from '../core/domain/sql';
import { STAGED_COLUMNS } from './staged';

/** What the data on screen is made of. */
export type Base = 'sample' | 'none';

/** A loaded agency: what a file tells of it (schema.ts's agencies less the parent and the last day). */
const USER_AGENCIES = pickColumns(AGENCY_TABLE.columns, USER_AGENCY_COLUMNS);
/**
 * The loaded rows, and the ids of the site's dossiers a loaded one replaces: the columns of
 * schema.ts with their types alone (the merge, not a constraint, keeps them sound).
 */
const USER_TABLES: Record<string, Columns> = {
	user_dossiers: DOSSIER_TABLE.columns,
	user_agencies: USER_AGENCIES,
	user_procedures: PROCEDURE_TABLE.columns,
	user_replaced: pickColumns(DOSSIER_TABLE.columns, ['id'])
};

/** Empties (or creates) the tables of loaded rows. */
export async function resetUserTables(engine: Engine): Promise<void> {
	for (const [table, columns] of Object.entries(USER_TABLES)) await engine.query(`CREATE OR REPLACE TABLE memory.${table} (${columnTypesSql(columns)})`);
}

export async function ensureUserTables(engine: Engine): Promise<void> {
	for (const [table, columns] of Object.entries(USER_TABLES)) await engine.query(`CREATE TABLE IF NOT EXISTS memory.${table} (${columnTypesSql(columns)})`);
}

const valuesOf = <T extends object>(columns: readonly string[], r: T) => columns.map((c) => (r as Record<string, unknown>)[c]);

/**
 * Staging: each batch of a load becomes a table of its own (memory.staged_1, _2 …), and
 * `memory.staged` their union with the engine's column types. Creating a table from Arrow
 * is what DuckDB-WASM does fastest: appending to one table cost it twice as long.
 */
export function stager(engine: Engine): (ipc: Uint8Array) => Promise<void> {
	let batches = 0;
	return (ipc) => engine.createTableFromArrow(`memory.staged_${++batches}`, ipc);
}

async function stagedTables(engine: Engine): Promise<string[]> {
	const rows = await engine.query<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables()
WHERE database_name = 'memory' AND regexp_matches(table_name, '^staged_[0-9]+$') ORDER BY CAST(split_part(table_name, '_', 2) AS INTEGER)`);
	return rows.map((r) => r.name);
}

/** Makes `memory.staged` of the batches staged; false when there are none. */
export async function endStaging(engine: Engine): Promise<boolean> {
	const tables = await stagedTables(engine);
	if (!tables.length) return false;
	const columns = Object.entries(STAGED_COLUMNS)
		.map(([c, { type }]) => `CAST(${c} AS ${type}) AS ${c}`)
		.join(', ');
	await engine.query(`CREATE OR REPLACE VIEW memory.staged AS\n${tables.map((t) => `SELECT ${columns} FROM memory.${t}`).join('\nUNION ALL\n')}`);
	return true;
}

export async function dropStaging(engine: Engine): Promise<void> {
	await engine.query('DROP VIEW IF EXISTS memory.staged');
	for (const t of await stagedTables(engine)) await engine.query(`DROP TABLE memory.${t}`);
}

/**
 * Moves the merged rows (merge.ts: the latest record of each id) and the new agencies and
 * procedures into the user tables. On 'add', a loaded dossier replaces the one of the same id
 * already loaded, and the ids it takes over from the site's file are listed in
 * user_replaced, which assemble() leaves out of the site's rows. The dossiers' table is made
 * anew rather than inserted into: DuckDB-WASM creates a table from a query in half the time
 * it inserts the same rows.
 */
export async function commitMerged(engine: Engine, agencies: readonly AgencyRecord[], procedures: readonly ProcedureRecord[], siteData: boolean): Promise<void> {
	const columns = DOSSIER_COLUMNS.join(', ');
	if (siteData) {
		await engine.query(`INSERT INTO memory.user_replaced SELECT id FROM (${LATEST_SQL}) l SEMI JOIN province.dossiers d ON d.id = l.id ANTI JOIN memory.user_replaced r ON r.id = l.id`);
	}
	await engine.query(`CREATE OR REPLACE TABLE memory.user_dossiers AS
SELECT ${columns} FROM memory.user_dossiers u ANTI JOIN ${MERGED} m ON m.id = u.id
UNION ALL ${LATEST_SQL}`);
	await dropMerged(engine);
	await dropStaging(engine);
	for (const [table, columns, rows] of [
		['memory.user_agencies', USER_AGENCIES, agencies],
		['memory.user_procedures', PROCEDURE_TABLE.columns, procedures]
	] as const) {
		const cols = columnNames(columns);
		if (rows.length)
			await engine.insertCsv(
				table,
				engineCsv(
					cols,
					rows.map((r) => valuesOf(cols, r))
				),
				sqlTypes(columns)
			);
	}
}

export interface DatasetSettings {
	base: Base;
	province: string;
	cutoffDay: number;
	/** The sample's last day, when it is part of the data. */
	baseAsOf: IsoDay | null;
}

/**
 * Builds the tables every view reads in the in-memory catalog and makes it the default. The
 * data's last day is the last day anything happened to a loaded dossier (or the sample's
 * last day, if later), and never after today. The aggregates of the data before are dropped:
 * until buildAggregates has run, every view counts the dossiers themselves (same figures,
 * slower), so the data is on screen without waiting for them.
 */
export async function assemble(engine: Engine, s: DatasetSettings): Promise<void> {
	const fromSample = (table: string, cols: string) => (s.base === 'sample' ? `SELECT ${cols} FROM province.${table} UNION ALL ` : '');
	const dossierCols = DOSSIER_COLUMNS.join(', ');
	const agencyCols = columnNames(AGENCY_TABLE.columns);
	const procedureCols = columnNames(PROCEDURE_TABLE.columns).join(', ');
	// A loaded agency has no parent and no last day.
	const userAgencyCols = agencyCols.map((c) => (c in USER_AGENCIES ? c : `NULL::${AGENCY_TABLE.columns[c].type} AS ${c}`)).join(', ');
	await ensureUserTables(engine);
	// The site's dossiers a loaded one replaced are left out; the anti join only when there are any.
	const [{ replaced }] = await engine.query<{ replaced: number }>('SELECT count(*)::DOUBLE AS replaced FROM memory.user_replaced');
	const siteRows = s.base !== 'sample' ? '' : replaced ? `SELECT ${dossierCols} FROM province.dossiers ANTI JOIN memory.user_replaced r USING (id) UNION ALL ` : fromSample('dossiers', dossierCols);
	// A view, not a copy: a million loaded dossiers are on screen without being copied again.
	await engine.query(`CREATE OR REPLACE VIEW memory.dossiers AS
${siteRows}SELECT ${dossierCols} FROM memory.user_dossiers`);
	await engine.query(`CREATE OR REPLACE TABLE memory.agencies AS
${fromSample('agencies', agencyCols.join(', '))}SELECT ${userAgencyCols} FROM memory.user_agencies`);
	await engine.query(`CREATE OR REPLACE TABLE memory.procedures AS
${fromSample('procedures', procedureCols)}SELECT ${procedureCols} FROM memory.user_procedures`);
	await engine.query(
		s.base === 'sample' ? 'CREATE OR REPLACE TABLE memory.agency_successors AS SELECT * FROM province.agency_successors' : `CREATE OR REPLACE TABLE memory.agency_successors (${columnTypesSql(SUCCESSOR_TABLE.columns)})`
	);
	// The site's holiday calendar goes on with its data (a file older than the calendar has none: weekends alone then).
	const [{ held }] = await engine.query<{ held: number }>(`SELECT count(*)::INTEGER AS held FROM duckdb_tables() WHERE database_name = 'province' AND table_name = 'holidays'`);
	await engine.query(s.base === 'sample' && held ? 'CREATE OR REPLACE TABLE memory.holidays AS SELECT * FROM province.holidays' : 'DROP TABLE IF EXISTS memory.holidays');
	const asOf = await lastEventDay(engine, 'memory.dossiers', vietnamToday(), s.baseAsOf);
	const [facts] = await engine.query<{ dossiers: number; data_from: string | null }>(dossierFactsSql('memory.dossiers'));
	const dataset = {
		province: s.province,
		data_as_of: asOf,
		cutoff_day: String(s.cutoffDay),
		source: s.base === 'sample' ? 'sample+loaded' : 'loaded',
		// What datasetInfo would otherwise count (engine/source.ts).
		dossiers: String(facts.dossiers),
		...(facts.data_from ? { data_from: facts.data_from } : {})
	};
	await engine.query(
		`CREATE OR REPLACE TABLE memory.dataset AS SELECT * FROM (VALUES ${Object.entries(dataset)
			.map(([k, v]) => `(${sqlString(k)}, ${sqlString(v)})`)
			.join(', ')}) AS t(key, value)`
	);
	for (const table of [AGGREGATED_PERIODS_TABLE, AGGREGATE_LEVEL_TABLE, AGGREGATE_TABLE, CURRENT_UNITS, LATE_DOSSIERS_TABLE]) await engine.query(`DROP TABLE IF EXISTS memory.${table}`);
	await engine.query('USE memory');
}

/**
 * Puts the loaded dossiers in the order the site's file has them (domain/schema.ts): a list
 * of one agency's dossiers then skips the others' blocks. Run after a load, in the background.
 */
export async function sortLoaded(engine: Engine): Promise<void> {
	await engine.query(`CREATE OR REPLACE TABLE memory.user_dossiers AS SELECT * FROM memory.user_dossiers ORDER BY ${DOSSIER_ORDER}`);
}

/** Pre-aggregates the assembled data for every standard period (domain/aggregates.ts), as the site's file has them. */
export async function buildAggregates(engine: Engine): Promise<void> {
	const [{ first, asOf, cutoff }] = await engine.query<{ first: string | null; asOf: string; cutoff: string }>(`SELECT
  (SELECT strftime(min(received_at)::DATE, '%Y-%m-%d') FROM memory.dossiers) AS first,
  (SELECT value FROM memory.dataset WHERE key = 'data_as_of') AS asOf,
  (SELECT value FROM memory.dataset WHERE key = 'cutoff_day') AS cutoff`);
	if (!first || first > asOf) return;
	// Due soon by the calendar the loaded data carries (the site's, or none: see above).
	const calendar = { dataAsOf: asOf, holidays: await queryHolidays(engine) };
	for (const statement of aggregatesSql(standardPeriods(first, asOf, Number(cutoff)), calendar).split(/;\n/)) if (statement.trim()) await engine.query(statement);
}

/** The loaded rows, to keep between visits: one entry per user table. */
export function savedTables(engine: Engine): Promise<Record<string, Uint8Array>> {
	return engine.saveTables(Object.keys(USER_TABLES));
}

export function restoreUserTables(engine: Engine, saved: Readonly<Record<string, Uint8Array>>): Promise<void> {
	return engine.restoreTables(saved);
}

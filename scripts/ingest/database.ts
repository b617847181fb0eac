/**
 * The new database of an ingest: the previous database's dossiers with the merged ones in
 * place of those they update (src/lib/ingest/merge.ts), the agencies of the register, and
 * everything derived from them, in the one schema every writer uses and the storage format
 * DuckDB-WASM reads.
 *
 * Two ways to the same file contents. Written whole (the first run, or when many dossiers
 * changed): every dossier in storage order, every period aggregated. Updated (a night's
 * export into a large database): a copy of the previous file with the changed dossiers
 * deleted and inserted again, and only the periods ending on or after the earliest day a
 * change touches counted again; the rows added so go at the end, out of storage order, so
 * once they are a tenth of the data the next run writes the file whole again.
 */
import { copyFileSync } from 'node:fs';
import { aggregatesFromSql, standardPeriods } from '../../src/lib/core/domain/aggregates';
import { DEFAULT_CUTOFF_DAY } from '../../src/lib/core/domain/periods';
import {
	AGENCY_TABLE,
	DOSSIER_COLUMNS,
	DOSSIER_ORDER,
	HOLIDAY_TABLE,
	PROCEDURE_TABLE,
	SCHEMA_DDL,
	SUCCESSOR_TABLE,
	columnNames,
	columnTypesSql,
	createTableSql,
	sqlTypes,
	type Agency,
	type Holiday
} from '../../src/lib/core/domain/schema';
import { dossierFactsSql } from '../../src/lib/core/engine/source';
import { queryHolidays } from '../../src/lib/core/engine/metrics';
import { sqlString } from '../../src/lib/core/domain/sql';
import type { NodeEngine } from '../../src/lib/core/engine/node';
import { engineCsv } from '../../src/lib/core/engine/csv';
import type { ProcedureRecord } from '../../src/lib/ingest/catalogue';
import { LATEST_SQL, MERGED } from '../../src/lib/ingest/merge';
import type { RegisterUnit } from '../../src/lib/ingest/register';
import { describeAndAggregate, WASM_STORAGE_VERSION } from '../sample/write-db';

export interface NewDatabase {
	/** Where to write it (a file that does not exist yet). */
	path: string;
	/** The previous database is attached as `prev` (null on the first run). */
	previous: boolean;
	units: readonly RegisterUnit[];
	newProcedures: readonly ProcedureRecord[];
	/** The province's days off: the calendar file's, else the previous database's. */
	holidays: readonly Holiday[];
	/** The dataset facts but `data_as_of`, which is the last day anything happened. */
	dataset: Record<string, string>;
	/** Called once the dossiers are written, before the rest: where a test stops a run mid-write. */
	onDossiersWritten?: () => void;
}

/** The dataset key counting the dossiers added out of storage order since the file was last written whole. */
const APPENDED = 'appended_since_rewrite';

/** Writes the database whole; `dataAsOf` gives the data's last day from its dossiers. */
export async function writeNewDatabase(engine: NodeEngine, d: NewDatabase, dataAsOf: (table: string) => Promise<string>): Promise<void> {
	await engine.run(`ATTACH ${sqlString(d.path)} AS out (STORAGE_VERSION '${WASM_STORAGE_VERSION}'); USE out;`);
	await engine.run(SCHEMA_DDL);
	const columns = DOSSIER_COLUMNS.join(', ');
	const kept = d.previous ? `SELECT ${columns} FROM prev.dossiers p ANTI JOIN ${MERGED} m ON m.id = p.id UNION ALL ` : '';
	await engine.run(`INSERT INTO dossiers SELECT * FROM (${kept}${LATEST_SQL}) ORDER BY ${DOSSIER_ORDER}`);
	d.onDossiersWritten?.();
	await writeCatalogue(engine, d);
	await describeAndAggregate(engine, { ...d.dataset, data_as_of: await dataAsOf('out.dossiers'), [APPENDED]: '0' });
	await engine.run('CHECKPOINT');
	await engine.run('USE memory; DETACH out;');
}

/** The units, their successors, the procedures and the holidays, in the current database (empty tables). */
async function writeCatalogue(engine: NodeEngine, d: NewDatabase): Promise<void> {
	if (d.holidays.length) await engine.run(`INSERT INTO ${HOLIDAY_TABLE.name} VALUES ${d.holidays.map((h) => `(DATE ${sqlString(h.day)}, ${sqlString(h.name)})`).join(', ')}`);
	// Units: a day the register leaves empty is the day of the unit's first dossier, else the data's first.
	await engine.run(`CREATE OR REPLACE TABLE memory.units (${columnTypesSql(AGENCY_TABLE.columns)})`);
	const unitCols = columnNames(AGENCY_TABLE.columns);
	const unitRows = d.units.map((u): Record<keyof Agency, string | null> => ({
		id: u.code,
		name: u.name,
		short_name: u.short_name,
		level: u.level,
		parent_id: u.parent,
		valid_from: u.valid_from,
		valid_to: u.valid_to
	}));
	if (unitRows.length)
		await engine.insertCsv(
			'memory.units',
			engineCsv(
				unitCols,
				unitRows.map((u) => unitCols.map((c) => u[c]))
			),
			sqlTypes(AGENCY_TABLE.columns)
		);
	await engine.run(`INSERT INTO agencies SELECT u.id, u.name, u.short_name, u.level, u.parent_id,
  coalesce(u.valid_from, (SELECT min(received_at)::DATE FROM dossiers d WHERE d.agency_id = u.id), (SELECT min(received_at)::DATE FROM dossiers), current_date),
  u.valid_to
FROM memory.units u`);
	// Ranked in the register's order: the first is the primary successor.
	const successors = d.units.flatMap((u) => u.successors.map((s, i) => `(${sqlString(u.code)}, ${sqlString(s)}, ${i + 1})`));
	if (successors.length) await engine.run(`INSERT INTO agency_successors VALUES ${successors.join(', ')}`);

	if (d.previous) await engine.run('INSERT INTO procedures SELECT * FROM prev.procedures ANTI JOIN procedures p USING (code)');
	if (d.newProcedures.length) {
		const cols = columnNames(PROCEDURE_TABLE.columns);
		await engine.run(`CREATE OR REPLACE TABLE memory.new_procedures (${columnTypesSql(PROCEDURE_TABLE.columns)})`);
		await engine.insertCsv(
			'memory.new_procedures',
			engineCsv(
				cols,
				d.newProcedures.map((p) => cols.map((c) => p[c]))
			),
			sqlTypes(PROCEDURE_TABLE.columns)
		);
		await engine.run('INSERT INTO procedures SELECT * FROM memory.new_procedures ANTI JOIN procedures p USING (code)');
	}
}

const STATE = DOSSIER_COLUMNS.filter((c) => c !== 'id');
const struct = (alias: string, columns: readonly string[]) => `struct_pack(${columns.map((c) => `${c} := ${alias}.${c}`).join(', ')})`;
/** Closing a dossier (its result or withdrawal) changes the periods from that day on; any other change, those from its receipt. */
const CLOSING = ['resolved_at', 'withdrawn_at', 'status'];

/**
 * The dossiers whose latest record differs from the previous database's (or that it lacks),
 * in memory.changed, with the first day each change touches. Returns how many, and how many
 * the previous database held.
 */
export async function changedDossiers(engine: NodeEngine): Promise<{ changed: number; previous: number; appended: number }> {
	const other = STATE.filter((c) => !CLOSING.includes(c));
	await engine.run(`CREATE OR REPLACE TABLE memory.changed AS
SELECT l.*, CASE
    WHEN p.id IS NULL THEN l.received_at
    WHEN ${struct('l', other)} IS DISTINCT FROM ${struct('p', other)} THEN least(l.received_at, p.received_at)
    ELSE coalesce(least(
      CASE WHEN l.resolved_at IS DISTINCT FROM p.resolved_at THEN least(l.resolved_at, p.resolved_at) END,
      CASE WHEN l.withdrawn_at IS DISTINCT FROM p.withdrawn_at THEN least(l.withdrawn_at, p.withdrawn_at) END), least(l.received_at, p.received_at))
  END::DATE AS touches_from
FROM (${LATEST_SQL}) l LEFT JOIN prev.dossiers p ON p.id = l.id
WHERE p.id IS NULL OR ${struct('l', STATE)} IS DISTINCT FROM ${struct('p', STATE)}`);
	const [r] = await engine.query<{ changed: number; previous: number; appended: string | null }>(`SELECT
  (SELECT count(*)::DOUBLE FROM memory.changed) AS changed,
  (SELECT count(*)::DOUBLE FROM prev.dossiers) AS previous,
  (SELECT value FROM prev.dataset WHERE key = '${APPENDED}') AS appended`);
	return { changed: r.changed, previous: r.previous, appended: Number(r.appended ?? 0) };
}

/**
 * Writes the database as a copy of the previous one brought up to date: the changed
 * dossiers (changedDossiers) deleted and inserted again, the catalogue written again, the
 * periods from the earliest day a change touches counted again.
 */
export async function updateDatabase(engine: NodeEngine, d: NewDatabase & { previousPath: string; appended: number }, dataAsOf: (table: string) => Promise<string>): Promise<void> {
	copyFileSync(d.previousPath, d.path);
	await engine.run(`ATTACH ${sqlString(d.path)} AS out; USE out;`);
	const columns = DOSSIER_COLUMNS.join(', ');
	await engine.run(`DELETE FROM dossiers WHERE id IN (SELECT id FROM memory.changed)`);
	await engine.run(`INSERT INTO dossiers SELECT ${columns} FROM memory.changed ORDER BY ${DOSSIER_ORDER}`);
	d.onDossiersWritten?.();
	// The successors' table made again: a previous file may be older than its rank column; the holidays', older than the table.
	await engine.run(`DELETE FROM agencies; DELETE FROM procedures; DROP TABLE agency_successors; ${createTableSql(SUCCESSOR_TABLE)} DROP TABLE IF EXISTS ${HOLIDAY_TABLE.name}; ${createTableSql(HOLIDAY_TABLE)}`);
	await writeCatalogue(engine, d);

	const [{ touches }] = await engine.query<{ touches: string | null }>(`SELECT strftime(min(touches_from), '%Y-%m-%d') AS touches FROM memory.changed`);
	const [facts] = await engine.query<{ dossiers: number; data_from: string }>(dossierFactsSql('dossiers'));
	const dataset: Record<string, string> = { ...d.dataset, data_as_of: await dataAsOf('out.dossiers'), dossiers: String(facts.dossiers), data_from: facts.data_from, [APPENDED]: String(d.appended) };
	await engine.run(
		`DELETE FROM dataset; INSERT INTO dataset VALUES ${Object.entries(dataset)
			.map(([k, v]) => `(${sqlString(k)}, ${sqlString(v)})`)
			.join(', ')}`
	);
	const periods = standardPeriods(dataset.data_from, dataset.data_as_of, Number(dataset.cutoff_day ?? DEFAULT_CUTOFF_DAY));
	await engine.run(aggregatesFromSql(periods, touches ?? dataset.data_as_of, { dataAsOf: dataset.data_as_of, holidays: await queryHolidays(engine) }));
	await engine.run('CHECKPOINT');
	await engine.run('USE memory; DETACH out;');
}

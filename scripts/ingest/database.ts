/**
 * The new database of an ingest: the previous database's dossiers with the merged ones in
 * place of those they update (src/lib/ingest/merge.ts), the agencies of the register, and
 * everything derived from them, in the one schema every writer uses and the storage format
 * DuckDB-WASM reads.
 */
import { DOSSIER_COLUMNS, DOSSIER_ORDER, SCHEMA_DDL } from '../../src/lib/domain/schema';
import { sqlString } from '../../src/lib/domain/query';
import type { NodeEngine } from '../../src/lib/engine/node';
import { engineCsv } from '../../src/lib/engine/csv';
import type { ProcedureRecord } from '../../src/lib/ingest/catalogue';
import { LATEST_SQL, MERGED } from '../../src/lib/ingest/merge';
import type { RegisterUnit } from '../../src/lib/ingest/register';
import { PROCEDURE_TYPES } from '../../src/lib/ingest/store';
import { describeAndAggregate, WASM_STORAGE_VERSION } from '../sample/write-db';

export interface NewDatabase {
	/** Where to write it (a file that does not exist yet). */
	path: string;
	/** The previous database is attached as `prev` (null on the first run). */
	previous: boolean;
	units: readonly RegisterUnit[];
	newProcedures: readonly ProcedureRecord[];
	/** The dataset facts but `data_as_of`, which is the last day anything happened. */
	dataset: Record<string, string>;
	/** Called once the dossiers are written, before the rest: where a test stops a run mid-write. */
	onDossiersWritten?: () => void;
}

const UNIT_TYPES = { id: 'VARCHAR', name: 'VARCHAR', short_name: 'VARCHAR', level: 'VARCHAR', parent_id: 'VARCHAR', valid_from: 'DATE', valid_to: 'DATE' };

/** Writes the database; `dataAsOf` gives the data's last day from its dossiers. */
export async function writeNewDatabase(engine: NodeEngine, d: NewDatabase, dataAsOf: (table: string) => Promise<string>): Promise<void> {
	await engine.run(`ATTACH ${sqlString(d.path)} AS out (STORAGE_VERSION '${WASM_STORAGE_VERSION}'); USE out;`);
	await engine.run(SCHEMA_DDL);
	const columns = DOSSIER_COLUMNS.join(', ');
	const kept = d.previous ? `SELECT ${columns} FROM prev.dossiers p ANTI JOIN ${MERGED} m ON m.id = p.id UNION ALL ` : '';
	await engine.run(`INSERT INTO dossiers SELECT * FROM (${kept}${LATEST_SQL}) ORDER BY ${DOSSIER_ORDER}`);
	d.onDossiersWritten?.();

	// Units: a day the register leaves empty is the day of the unit's first dossier, else the data's first.
	await engine.run(`CREATE OR REPLACE TABLE memory.units (${Object.entries(UNIT_TYPES).map(([c, t]) => `${c} ${t}`).join(', ')})`);
	const unitRows = d.units.map((u) => [u.code, u.name, u.short_name, u.level, u.parent, u.valid_from, u.valid_to]);
	if (unitRows.length) await engine.insertCsv('memory.units', engineCsv(Object.keys(UNIT_TYPES), unitRows), UNIT_TYPES);
	await engine.run(`INSERT INTO agencies SELECT u.id, u.name, u.short_name, u.level, u.parent_id,
  coalesce(u.valid_from, (SELECT min(received_at)::DATE FROM dossiers d WHERE d.agency_id = u.id), (SELECT min(received_at)::DATE FROM dossiers), current_date),
  u.valid_to
FROM memory.units u`);
	const successors = d.units.flatMap((u) => u.successors.map((s) => `(${sqlString(u.code)}, ${sqlString(s)})`));
	if (successors.length) await engine.run(`INSERT INTO agency_successors VALUES ${successors.join(', ')}`);

	if (d.previous) await engine.run('INSERT INTO procedures SELECT * FROM prev.procedures');
	if (d.newProcedures.length) {
		const cols = Object.keys(PROCEDURE_TYPES);
		await engine.run(`CREATE OR REPLACE TABLE memory.new_procedures (${cols.map((c) => `${c} VARCHAR`).join(', ')})`);
		await engine.insertCsv('memory.new_procedures', engineCsv(cols, d.newProcedures.map((p) => cols.map((c) => p[c as keyof ProcedureRecord]))), PROCEDURE_TYPES);
		await engine.run('INSERT INTO procedures SELECT * FROM memory.new_procedures ANTI JOIN procedures p USING (code)');
	}

	await describeAndAggregate(engine, { ...d.dataset, data_as_of: await dataAsOf('out.dossiers') });
	await engine.run('CHECKPOINT');
	await engine.run('USE memory; DETACH out;');
}

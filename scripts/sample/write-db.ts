/**
 * Writes a dossier database from CSV files: the DuckDB file the site opens with ATTACH
 * (in the storage format DuckDB-WASM reads) and optionally a Parquet copy of the dossiers
 * for other tools. The sample generator and the test fixtures both go through here, so
 * both get the one schema of src/lib/core/domain/schema.ts.
 */
import { existsSync, rmSync } from 'node:fs';
import { aggregatesSql, standardPeriods } from '../../src/lib/core/domain/aggregates';
import { DEFAULT_CUTOFF_DAY } from '../../src/lib/core/domain/periods';
import { DOSSIER_ORDER, SCHEMA_DDL } from '../../src/lib/core/domain/schema';
import { sqlString } from '../../src/lib/core/domain/sql';
import { NodeEngine } from '../../src/lib/core/engine/node';
import { dossierFactsSql } from '../../src/lib/core/engine/source';
import { queryHolidays } from '../../src/lib/core/engine/metrics';

/** DuckDB-WASM 1.32 carries DuckDB 1.4: files written by a newer DuckDB must use its format. */
export const WASM_STORAGE_VERSION = 'v1.4.0';

/** CSV files with a header row; columns are matched by name, empty cells are NULL. */
export interface CsvTables {
	agencies: string;
	agency_successors?: string;
	procedures: string;
	dossiers: string;
	/** The province's days off (`day,name`): none when missing, weekends alone are then not working days. */
	holidays?: string;
}

/** Creates the schema, loads the tables into the engine's current database and pre-aggregates the standard periods. */
export async function loadCsvTables(engine: NodeEngine, tables: CsvTables, dataset: Record<string, string>): Promise<void> {
	await engine.run(SCHEMA_DDL);
	const load = (table: string, file: string, order = '') => engine.run(`INSERT INTO ${table} BY NAME SELECT * FROM read_csv(${sqlString(file)}, header = true, all_varchar = true, nullstr = '')${order}`);
	await load('agencies', tables.agencies);
	if (tables.agency_successors) await load('agency_successors', tables.agency_successors);
	await load('procedures', tables.procedures);
	await load('dossiers', tables.dossiers, ` ORDER BY ${DOSSIER_ORDER}`);
	if (tables.holidays) await load('holidays', tables.holidays);
	await describeAndAggregate(engine, dataset);
}

/**
 * Writes the `dataset` facts (those given, and the dossiers' count and first day) and the
 * pre-aggregates of every standard period from the first receipt to the data's last day
 * (domain/aggregates.ts), in the engine's current database. Every database writer ends here.
 */
export async function describeAndAggregate(engine: NodeEngine, dataset: Record<string, string>): Promise<void> {
	const [facts] = await engine.query<{ dossiers: number; data_from: string | null }>(dossierFactsSql('dossiers'));
	const described: Record<string, string> = { ...dataset, dossiers: String(facts.dossiers), ...(facts.data_from ? { data_from: facts.data_from } : {}) };
	const rows = Object.entries(described).map(([k, v]) => `(${sqlString(k)}, ${sqlString(v)})`);
	await engine.run(`INSERT INTO dataset VALUES ${rows.join(', ')}`);
	const first = described.data_from;
	if (!first || !described.data_as_of) return;
	const cutoff = Number(described.cutoff_day ?? DEFAULT_CUTOFF_DAY);
	await engine.run(aggregatesSql(standardPeriods(first, described.data_as_of, cutoff), { dataAsOf: described.data_as_of, holidays: await queryHolidays(engine) }));
}

export async function writeDatabase(tables: CsvTables, dataset: Record<string, string>, dbPath: string, parquetPath?: string): Promise<void> {
	for (const p of [dbPath, `${dbPath}.wal`, parquetPath]) if (p && existsSync(p)) rmSync(p);
	const engine = await NodeEngine.open();
	try {
		await engine.run(`ATTACH ${sqlString(dbPath)} AS out (STORAGE_VERSION '${WASM_STORAGE_VERSION}'); USE out;`);
		await loadCsvTables(engine, tables, dataset);
		await engine.run('CHECKPOINT');
		if (parquetPath) await engine.run(`COPY dossiers TO ${sqlString(parquetPath)} (FORMAT parquet, COMPRESSION zstd)`);
		await engine.run('USE memory; DETACH out;');
	} finally {
		await engine.close();
	}
}

/** Writes rows as a CSV file with a header (values must not need quoting beyond what this does). */
export function toCsv<T extends object>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
	const cell = (v: unknown): string => {
		if (v === null || v === undefined) return '';
		const s = String(v);
		return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}

/** What every part of the app needs from DuckDB: run SQL, get plain rows back. */
export type Row = Record<string, unknown>;

/** What reading figures needs: one statement in, plain rows out (numbers, strings, booleans, null). */
export interface Querier {
	query<T extends Row = Row>(sql: string): Promise<T[]>;
}

export interface Engine extends Querier {
	/** Inserts CSV text or bytes (with a header row) into an existing table, read with these column types. */
	insertCsv(table: string, csv: string | Uint8Array, columns: Readonly<Record<string, string>>): Promise<void>;
	/** Creates a table of an Arrow IPC stream, with the types DuckDB gives Arrow's. */
	createTableFromArrow(table: string, ipc: Uint8Array): Promise<void>;
	/**
	 * Tables of the in-memory catalog as bytes to keep (one entry per table), in a columnar
	 * form of the engine's choosing that restoreTables of the same engine reads back exactly.
	 */
	saveTables(tables: readonly string[]): Promise<Record<string, Uint8Array>>;
	/** Tables saved by saveTables, copied into the in-memory catalog in place of any there. */
	restoreTables(saved: Readonly<Record<string, Uint8Array>>): Promise<void>;
	close(): Promise<void>;
}

/**
 * Settings both engines start with, so the browser and Node run the same plans.
 *
 * The period table has a handful of rows; joined to the dossiers on inequalities, DuckDB
 * would pick a piecewise merge join that sorts every dossier (0.3 s of the 0.4 s of a
 * fifteen-period query on a million dossiers, one thread). A nested loop over so few
 * periods costs a fraction of that.
 */
export const ENGINE_SETTINGS = ['SET nested_loop_join_threshold = 64'];

/** The read_csv call for a file written by csvOf or by the loader: header, types given, nothing guessed. */
export function readCsvSql(file: string, columns: Readonly<Record<string, string>>): string {
	const spec = Object.entries(columns)
		.map(([name, type]) => `'${name}': '${type}'`)
		.join(', ');
	return `read_csv('${file}', header = true, delim = ',', quote = '"', escape = '"', auto_detect = false, columns = {${spec}})`;
}

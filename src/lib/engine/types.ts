/** What every part of the app needs from DuckDB: run SQL, get plain rows back. */
export type Row = Record<string, unknown>;

export interface Engine {
	/** Runs one statement and returns its rows as plain objects (numbers, strings, booleans, null). */
	query<T extends Row = Row>(sql: string): Promise<T[]>;
	close(): Promise<void>;
}

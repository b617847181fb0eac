/** What every part of the app needs from DuckDB: run SQL, get plain rows back. */
export type Row = Record<string, unknown>;

export interface Engine {
	/** Runs one statement and returns its rows as plain objects (numbers, strings, booleans, null). */
	query<T extends Row = Row>(sql: string): Promise<T[]>;
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

/**
 * A bounded cache in front of an engine, keyed by the SQL text: going back to a view, or a
 * chart asking for what another already asked, costs nothing; a query already running is
 * shared, not run twice. The least recently used results are dropped beyond `capacity`.
 *
 * Callers share the cached rows: they must not change them.
 */
import type { Engine, Row } from './types';

export class CachedEngine implements Engine {
	private readonly entries = new Map<string, Promise<Row[]>>();

	constructor(
		/** The engine itself, for statements that change data and must never be served from the cache. */
		readonly inner: Engine,
		private readonly capacity = 200
	) {}

	query<T extends Row = Row>(sql: string): Promise<T[]> {
		const hit = this.entries.get(sql);
		if (hit) {
			// Map keeps insertion order: re-inserting marks the entry as the most recently used.
			this.entries.delete(sql);
			this.entries.set(sql, hit);
			return hit as Promise<T[]>;
		}
		const result = this.inner.query(sql);
		// A failed query is not remembered: the next ask tries again.
		result.catch(() => this.entries.get(sql) === result && this.entries.delete(sql));
		this.entries.set(sql, result);
		while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
		return result as Promise<T[]>;
	}

	insertCsv(table: string, csv: string | Uint8Array, columns: Readonly<Record<string, string>>): Promise<void> {
		this.clear();
		return this.inner.insertCsv(table, csv, columns);
	}

	createTableFromArrow(table: string, ipc: Uint8Array): Promise<void> {
		this.clear();
		return this.inner.createTableFromArrow(table, ipc);
	}

	saveTables(tables: readonly string[]): Promise<Record<string, Uint8Array>> {
		return this.inner.saveTables(tables);
	}

	restoreTables(saved: Readonly<Record<string, Uint8Array>>): Promise<void> {
		this.clear(); // the tables the cached answers came from are replaced
		return this.inner.restoreTables(saved);
	}

	get size(): number {
		return this.entries.size;
	}

	/** Forgets every result (the data changed). */
	clear(): void {
		this.entries.clear();
	}

	close(): Promise<void> {
		this.entries.clear();
		return this.inner.close();
	}
}

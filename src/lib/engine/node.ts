/**
 * The engine in Node: native DuckDB (@duckdb/node-api), running the very SQL the browser
 * runs on DuckDB-WASM. Used by the sample generator, build-time scripts, tests and benchmarks.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataType, tableFromIPC } from 'apache-arrow';
import { microsText } from '../domain/dates';
import { engineCsv } from './csv';
import { ENGINE_SETTINGS, readCsvSql, type Engine, type Row } from './types';

/** Converts DuckDB's JS values to plain ones: BIGINT → number, TIMESTAMP/DATE → ISO-like string. */
function plain(value: unknown): unknown {
	if (typeof value === 'bigint') return Number(value);
	if (value instanceof Date) return value.toISOString().replace('T', ' ').replace('Z', '');
	return value;
}

/** The type DuckDB gives an Arrow column, for the types staging uses. */
function duckdbType(t: DataType): string {
	if (DataType.isDictionary(t)) return duckdbType(t.dictionary);
	if (DataType.isUtf8(t)) return 'VARCHAR';
	if (DataType.isTimestamp(t)) return 'TIMESTAMP';
	if (DataType.isBool(t)) return 'BOOLEAN';
	if (DataType.isFloat(t)) return 'DOUBLE';
	if (DataType.isInt(t)) return ({ 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT' } as const)[t.bitWidth];
	throw new Error(`no DuckDB type for Arrow's ${t}`);
}

export class NodeEngine implements Engine {
	private constructor(
		private readonly instance: DuckDBInstance,
		private readonly connection: DuckDBConnection
	) {}

	/** Opens a database file, or an in-memory database when no path is given. */
	static async open(path = ':memory:', options: Record<string, string> = {}): Promise<NodeEngine> {
		const instance = await DuckDBInstance.create(path, options);
		const connection = await instance.connect();
		for (const setting of ENGINE_SETTINGS) await connection.run(setting);
		return new NodeEngine(instance, connection);
	}

	async query<T extends Row = Row>(sql: string): Promise<T[]> {
		const reader = await this.connection.runAndReadAll(sql);
		const rows = reader.getRowObjectsJS() as Record<string, unknown>[];
		return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)]))) as T[];
	}

	/** Runs statements that return nothing useful (DDL, COPY, several statements at once). */
	async run(sql: string): Promise<void> {
		await this.connection.run(sql);
	}

	/** CSV goes through a file of its own, as DuckDB-WASM reads a registered file. */
	async insertCsv(table: string, csv: string | Uint8Array, columns: Readonly<Record<string, string>>): Promise<void> {
		const dir = mkdtempSync(join(tmpdir(), 'insert-'));
		try {
			const file = join(dir, 'rows.csv');
			writeFileSync(file, csv);
			await this.connection.run(`INSERT INTO ${table} SELECT * FROM ${readCsvSql(file, columns)}`);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}

	/**
	 * Arrow goes in as CSV: native DuckDB reads Arrow IPC only through an extension, and Node
	 * stages only the small batches of tests. Each column gets the type DuckDB-WASM gives it.
	 */
	async createTableFromArrow(table: string, ipc: Uint8Array): Promise<void> {
		const arrow = tableFromIPC(ipc);
		const fields = arrow.schema.fields;
		const columns = Object.fromEntries(fields.map((f) => [f.name, duckdbType(f.type)]));
		const rows: unknown[][] = [];
		for (let r = 0; r < arrow.numRows; r++) {
			rows.push(
				fields.map((f, i) => {
					const v = arrow.getChildAt(i)!.get(r);
					// Arrow hands a timestamp over as milliseconds, its microseconds as the fraction.
					return v !== null && DataType.isTimestamp(f.type) ? microsText(Math.round(v * 1000)) : v;
				})
			);
		}
		const dir = mkdtempSync(join(tmpdir(), 'arrow-'));
		try {
			const file = join(dir, 'rows.csv');
			writeFileSync(file, engineCsv(Object.keys(columns), rows));
			await this.connection.run(`CREATE TABLE ${table} AS SELECT * FROM ${readCsvSql(file, columns)}`);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}

	/** Parquet files: what native DuckDB writes and reads fastest. */
	async saveTables(tables: readonly string[]): Promise<Record<string, Uint8Array>> {
		const dir = mkdtempSync(join(tmpdir(), 'saved-'));
		try {
			const saved: Record<string, Uint8Array> = {};
			for (const t of tables) {
				const file = join(dir, `${t}.parquet`);
				await this.connection.run(`COPY memory.${t} TO '${file}' (FORMAT parquet)`);
				saved[t] = new Uint8Array(readFileSync(file));
			}
			return saved;
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}

	async restoreTables(saved: Readonly<Record<string, Uint8Array>>): Promise<void> {
		const dir = mkdtempSync(join(tmpdir(), 'restore-'));
		try {
			for (const [t, bytes] of Object.entries(saved)) {
				const file = join(dir, `${t}.parquet`);
				writeFileSync(file, bytes);
				await this.connection.run(`CREATE OR REPLACE TABLE memory.${t} AS SELECT * FROM read_parquet('${file}')`);
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}

	async close(): Promise<void> {
		this.connection.closeSync();
		this.instance.closeSync();
	}
}

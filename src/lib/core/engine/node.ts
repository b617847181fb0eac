/**
 * The engine in Node: native DuckDB (@duckdb/node-api), running the very SQL the browser
 * runs on DuckDB-WASM. Used by the sample generator, build-time scripts, tests and benchmarks.
 */
import { BIGINT, BOOLEAN, DOUBLE, DuckDBDataChunk, DuckDBInstance, INTEGER, TINYINT, VARCHAR, type DuckDBConnection, type DuckDBType } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataType, makeVector, tableFromIPC, type Data } from 'apache-arrow';
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

/** The rows of one appended chunk: DuckDB's vector size. */
const CHUNK_ROWS = 2048;

const APPENDER_TYPES: Record<string, DuckDBType> = { VARCHAR, DOUBLE, BOOLEAN, TINYINT, INTEGER, BIGINT };

/** An Arrow column's values as the appender takes them (timestamps as microseconds), null where not valid. */
function columnValues(chunks: readonly Data[], type: string): (string | number | boolean | null)[] {
	const out: (string | number | boolean | null)[] = [];
	for (const d of chunks) {
		const valid = (i: number) => !d.nullBitmap || d.nullCount === 0 || (d.nullBitmap[(d.offset + i) >> 3] & (1 << ((d.offset + i) & 7))) !== 0;
		if (type === 'TIMESTAMP') {
			// Two 32-bit halves of each 64-bit value: no BigInt per value.
			const halves = new Int32Array(d.values.buffer, d.values.byteOffset, d.length * 2 + d.offset * 2);
			for (let i = 0; i < d.length; i++) out.push(valid(i) ? halves[2 * (d.offset + i) + 1] * 2 ** 32 + (halves[2 * (d.offset + i)] >>> 0) : null);
		} else if (type === 'BOOLEAN') {
			for (let i = 0; i < d.length; i++) out.push(valid(i) ? (d.values[(d.offset + i) >> 3] & (1 << ((d.offset + i) & 7))) !== 0 : null);
		} else if (type === 'VARCHAR') {
			const vector = makeVector(d);
			for (let i = 0; i < d.length; i++) out.push(vector.get(i) as string | null);
		} else {
			for (let i = 0; i < d.length; i++) out.push(valid(i) ? Number(d.values[d.offset + i]) : null);
		}
	}
	return out;
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
	 * Arrow goes in through DuckDB's appender, a chunk of column vectors at a time (native
	 * DuckDB reads Arrow IPC only through an extension). Timestamps cross as microseconds in a
	 * DOUBLE (exact to 2^53: past the year 2200) and become TIMESTAMP in SQL, so no value
	 * needs an object of its own. Each column gets the type DuckDB-WASM gives it.
	 */
	async createTableFromArrow(table: string, ipc: Uint8Array): Promise<void> {
		const arrow = tableFromIPC(ipc);
		const fields = arrow.schema.fields;
		const types = fields.map((f) => duckdbType(f.type));
		const columns = fields.map((f, i) => columnValues(arrow.getChildAt(i)!.data, types[i]));
		const [catalog, name] = table.includes('.') ? table.split('.') : [null, table];
		const incoming = `${name}_incoming`;
		const qualified = catalog ? `${catalog}.${incoming}` : incoming;
		const staging = types.map((t) => (t === 'TIMESTAMP' ? 'DOUBLE' : t));
		await this.connection.run(`CREATE TABLE ${qualified} (${fields.map((f, i) => `"${f.name}" ${staging[i]}`).join(', ')})`);
		const appender = await this.connection.createAppender(incoming, null, catalog);
		const chunkTypes = staging.map((t) => APPENDER_TYPES[t]);
		for (let start = 0; start < arrow.numRows; start += CHUNK_ROWS) {
			const n = Math.min(CHUNK_ROWS, arrow.numRows - start);
			const chunk = DuckDBDataChunk.create(chunkTypes, n);
			columns.forEach((values, c) => chunk.setColumnValues(c, values.slice(start, start + n)));
			appender.appendDataChunk(chunk);
		}
		appender.flushSync();
		appender.closeSync();
		const select = fields.map((f, i) => (types[i] === 'TIMESTAMP' ? `make_timestamp(CAST("${f.name}" AS BIGINT)) AS "${f.name}"` : `"${f.name}"`));
		await this.connection.run(`CREATE TABLE ${table} AS SELECT ${select.join(', ')} FROM ${qualified}; DROP TABLE ${qualified};`);
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

/**
 * DuckDB-WASM run in Node (its blocking bundle, one thread): the same engine as the page's,
 * without the browser around it. The benchmark's "plain approach" runs on it: the raw
 * dossier table, no pre-aggregates, no cache, as a plain DuckDB-WASM page would.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { rowsOf, type ArrowTable } from '../../src/lib/core/engine/arrow';
import { ENGINE_SETTINGS, type Engine, type Row } from '../../src/lib/core/engine/types';

const require = createRequire(import.meta.url);
const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
const DIST = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));

type Conn = { query(sql: string): ArrowTable; close(): void };

/** DuckDB-WASM's blocking Node build, started with an empty in-memory database. */
export async function wasmDuckDB() {
	const bundles = {
		mvp: { mainModule: join(DIST, 'duckdb-mvp.wasm'), mainWorker: join(DIST, 'duckdb-node-mvp.worker.cjs') },
		eh: { mainModule: join(DIST, 'duckdb-eh.wasm'), mainWorker: join(DIST, 'duckdb-node-eh.worker.cjs') }
	};
	const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await db.instantiate();
	db.open({ path: ':memory:' });
	return db;
}

export class WasmNodeEngine implements Engine {
	private constructor(
		private readonly db: { reset(): void },
		private readonly conn: Conn
	) {}

	/** Opens the database file read-only, as the page attaches the site's file. */
	static async open(path: string): Promise<WasmNodeEngine> {
		const db = await wasmDuckDB();
		// The whole file in the engine's memory, as the page holds it after its one GET.
		db.registerFileBuffer('province.duckdb', new Uint8Array(readFileSync(path)));
		const conn = db.connect() as Conn;
		conn.query(`ATTACH 'province.duckdb' AS province (READ_ONLY)`);
		conn.query('USE province');
		for (const s of ENGINE_SETTINGS) conn.query(s);
		return new WasmNodeEngine(db, conn);
	}

	async query<T extends Row = Row>(sql: string): Promise<T[]> {
		return rowsOf<T>(this.conn.query(sql));
	}

	insertCsv(): Promise<void> {
		throw new Error('the benchmark engine only reads');
	}
	createTableFromArrow(): Promise<void> {
		throw new Error('the benchmark engine only reads');
	}
	saveTables(): Promise<Record<string, Uint8Array>> {
		throw new Error('the benchmark engine only reads');
	}
	restoreTables(): Promise<void> {
		throw new Error('the benchmark engine only reads');
	}

	async close(): Promise<void> {
		this.conn.close();
		this.db.reset();
	}
}

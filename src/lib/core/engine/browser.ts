/**
 * The engine in the browser: DuckDB-WASM served from the site itself (no CDN), started in a
 * worker, with the province's database file registered by URL and attached read-only, read
 * in place with HTTP range requests: only the blocks a query touches are fetched, once, and
 * kept by the engine's buffer pool. DuckDB-WASM 1.32 otherwise downloads the whole file at
 * attach (783 MB at 10 million dossiers, 4.5 GB of renderer memory; docs/SCALE.md).
 *
 * Import this module dynamically and only in the browser: DuckDB-WASM cannot be loaded
 * while SvelteKit prerenders.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { rowsOf, streamOfFile } from './arrow';
import { ENGINE_SETTINGS, readCsvSql, type Engine, type Row } from './types';

// The threaded "coi" bundle is left out: it needs COOP/COEP headers that static hosts rarely
// set, and it broke ATTACH over HTTP (docs/ARCHITECTURE.md).
const BUNDLES: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

/** Whether the server answers a ranged request for `url` with just the range (206). */
async function servesRanges(url: string): Promise<boolean> {
	const res = await fetch(url, { method: 'HEAD', headers: { Range: 'bytes=0-' }, cache: 'no-store' });
	return res.status === 206;
}

/**
 * The engine's worker, started from a script that loads the real one. A worker started from
 * its own address is served by the service workers whose scope holds that address (none); one
 * started from a blob belongs to its page, so the wall's service worker (src/service-worker.ts)
 * sees the engine's files and the database it reads, and answers them offline.
 */
function blobWorker(script: string): Worker {
	const source = new Blob([`importScripts(${JSON.stringify(new URL(script, location.href).href)});`], { type: 'text/javascript' });
	const url = URL.createObjectURL(source);
	try {
		return new Worker(url);
	} finally {
		URL.revokeObjectURL(url);
	}
}

export class BrowserEngine implements Engine {
	private constructor(
		private readonly db: duckdb.AsyncDuckDB,
		private readonly worker: Worker,
		private readonly conn: duckdb.AsyncDuckDBConnection
	) {}

	/**
	 * Starts DuckDB-WASM and attaches the database at `databaseUrl` as the default catalog;
	 * with no URL, only the in-memory catalog exists (data loaded from the user's files).
	 */
	static async start(databaseUrl: string | null): Promise<BrowserEngine> {
		const bundle = await duckdb.selectBundle(BUNDLES);
		const worker = blobWorker(bundle.mainWorker!);
		const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
		try {
			await db.instantiate(new URL(bundle.mainModule, location.href).href, bundle.pthreadWorker);
			// Read in place where the server serves ranges; DuckDB-WASM's own fallback to a whole
			// read did not trigger (measured), so the page asks first and says which it wants.
			if (databaseUrl && (await servesRanges(databaseUrl))) {
				await db.open({ filesystem: { forceFullHTTPReads: false, allowFullHTTPReads: false, reliableHeadRequests: true } });
			}
			const conn = await db.connect();
			if (databaseUrl) {
				await db.registerFileURL('province.duckdb', databaseUrl, duckdb.DuckDBDataProtocol.HTTP, false);
				await conn.query(`ATTACH 'province.duckdb' AS province (READ_ONLY)`);
				await conn.query('USE province');
			}
			for (const setting of ENGINE_SETTINGS) await conn.query(setting);
			return new BrowserEngine(db, worker, conn);
		} catch (e) {
			worker.terminate();
			throw e;
		}
	}

	async query<T extends Row = Row>(sql: string): Promise<T[]> {
		return rowsOf<T>(await this.conn.query(sql));
	}

	private files = 0;

	async insertCsv(table: string, csv: string | Uint8Array, columns: Readonly<Record<string, string>>): Promise<void> {
		const name = `insert-${++this.files}.csv`;
		if (typeof csv === 'string') await this.db.registerFileText(name, csv);
		else await this.db.registerFileBuffer(name, csv);
		try {
			await this.conn.query(`INSERT INTO ${table} SELECT * FROM ${readCsvSql(name, columns)}`);
		} finally {
			await this.db.dropFile(name);
		}
	}

	/**
	 * Arrow IPC streams: the engine's own result format, written and read without parsing
	 * text. The bytes are the worker's own result, cut to the stream it holds: the page
	 * neither decodes nor re-encodes a million rows (that froze it for a second).
	 */
	async saveTables(tables: readonly string[]): Promise<Record<string, Uint8Array>> {
		const saved: Record<string, Uint8Array> = {};
		for (const t of tables) {
			const file = await this.conn.useUnsafe((db, conn) => db.runQuery(conn, `SELECT * FROM memory.${t}`));
			saved[t] = streamOfFile(file);
		}
		return saved;
	}

	async createTableFromArrow(table: string, ipc: Uint8Array): Promise<void> {
		const [catalog, name] = table.split('.');
		if (catalog !== 'memory' || !name) throw new Error(`Arrow makes tables in memory only, not ${table}`);
		await this.inMemoryCatalog(() => this.conn.insertArrowFromIPCStream(ipc, { name, create: true }));
	}

	async restoreTables(saved: Readonly<Record<string, Uint8Array>>): Promise<void> {
		await this.inMemoryCatalog(async () => {
			for (const [t, bytes] of Object.entries(saved)) {
				await this.conn.query(`DROP TABLE IF EXISTS memory.${t}`);
				await this.conn.insertArrowFromIPCStream(bytes, { name: t, create: true });
			}
		});
	}

	/** Arrow is inserted into the default catalog: made the in-memory one for the time being. */
	private async inMemoryCatalog(insert: () => Promise<void>): Promise<void> {
		const [{ catalog }] = await this.query<{ catalog: string }>('SELECT current_database() AS catalog');
		await this.conn.query('USE memory');
		try {
			await insert();
		} finally {
			await this.conn.query(`USE ${catalog}`);
		}
	}

	async close(): Promise<void> {
		await this.conn.close();
		await this.db.terminate();
		this.worker.terminate();
	}
}

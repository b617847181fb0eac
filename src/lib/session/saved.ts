/**
 * Loaded data kept in the browser (IndexedDB) between visits, until the user clears it:
 * the loaded rows (ingest/store.ts) and the account of the load. Nothing leaves
 * the browser.
 */
import type { Base } from '../ingest/store';
import type { Problem, QualityCount } from '../ingest/tally';

export interface LoadAccount {
	files: string[];
	loadedAt: string;
	/** rowsRead = rowsNew + rowsUpdated + rowsUnchanged + rowsRejected. */
	rowsRead: number;
	rowsNew: number;
	rowsUpdated: number;
	rowsUnchanged: number;
	rowsRejected: number;
	rejected: Problem[];
	warnings: Problem[];
	quality: QualityCount[];
	newAgencies: string[];
}

/** What the data is made of and how it was loaded: what the page shows of it. */
export interface SavedLoads {
	base: Base;
	province: string;
	cutoffDay: number;
	/** Every load that went into the data, oldest first. */
	loads: LoadAccount[];
}

export interface SavedData extends SavedLoads {
	/** The loaded rows: the user_* tables as the engine saved them (store.ts), as Blobs, which IndexedDB writes to disk as they are. */
	tables: Record<string, Blob>;
}

const DB = 'one-stop-dashboard';
const STORE = 'loaded';
const KEY = 'current';

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE);
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
	const db = await open();
	try {
		// Settled when the transaction commits, not when its request succeeds: a write must be
		// on disk before the page (or the saving worker) may go.
		return await new Promise<T>((resolve, reject) => {
			const tx = db.transaction(STORE, mode);
			const req = act(tx.objectStore(STORE));
			tx.oncomplete = () => resolve(req.result);
			tx.onerror = () => reject(tx.error ?? req.error);
			tx.onabort = () => reject(tx.error ?? new Error('the browser storage refused the write'));
		});
	} finally {
		db.close();
	}
}

export async function readSaved(): Promise<SavedData | null> {
	if (typeof indexedDB === 'undefined') return null;
	const saved = await run<SavedData | undefined>('readonly', (s) => s.get(KEY));
	// Data kept by an earlier version of the page (CSV bytes) cannot be read back: start without it.
	if (!saved || !Object.values(saved.tables).every((t) => t instanceof Blob)) return null;
	return { ...saved, loads: saved.loads.map(accountOfEarlierVersion) };
}

/** An account kept before loads told updates apart counted every loaded row as new. */
function accountOfEarlierVersion(a: LoadAccount & { rowsLoaded?: number }): LoadAccount {
	if (a.rowsNew !== undefined) return a;
	const { rowsLoaded = 0, ...rest } = a;
	return { ...rest, rowsNew: rowsLoaded, rowsUpdated: 0, rowsUnchanged: 0 };
}

export function writeSaved(loads: SavedLoads, tables: Readonly<Record<string, Uint8Array>>): Promise<unknown> {
	const blobs = Object.fromEntries(Object.entries(tables).map(([t, bytes]) => [t, new Blob([bytes as Uint8Array<ArrayBuffer>])]));
	return run('readwrite', (s) => s.put({ ...loads, tables: blobs } satisfies SavedData, KEY));
}

/** The saved tables' bytes, for the engine to restore. */
export async function savedBytes(saved: SavedData): Promise<Record<string, Uint8Array>> {
	const entries = await Promise.all(Object.entries(saved.tables).map(async ([t, blob]) => [t, new Uint8Array(await blob.arrayBuffer())] as const));
	return Object.fromEntries(entries);
}

export function clearSaved(): Promise<unknown> {
	return run('readwrite', (s) => s.delete(KEY));
}

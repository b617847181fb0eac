/**
 * Loaded data kept in the browser (IndexedDB) between visits, until the user clears it:
 * the loaded rows as CSV (ingest/store.ts) and the account of the load. Nothing leaves
 * the browser.
 */
import type { Base } from '../ingest/store';
import type { Problem, QualityCount } from '../ingest/tally';

export interface LoadAccount {
	files: string[];
	loadedAt: string;
	rowsRead: number;
	rowsLoaded: number;
	rowsRejected: number;
	rejected: Problem[];
	warnings: Problem[];
	quality: QualityCount[];
	newAgencies: string[];
}

export interface SavedData {
	base: Base;
	province: string;
	cutoffDay: number;
	tables: { user_dossiers: Uint8Array; user_agencies: Uint8Array; user_procedures: Uint8Array };
	/** Every load that went into the data, oldest first. */
	loads: LoadAccount[];
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
		return await new Promise<T>((resolve, reject) => {
			const req = act(db.transaction(STORE, mode).objectStore(STORE));
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
	} finally {
		db.close();
	}
}

export function readSaved(): Promise<SavedData | null> {
	if (typeof indexedDB === 'undefined') return Promise.resolve(null);
	return run<SavedData | undefined>('readonly', (s) => s.get(KEY)).then((v) => v ?? null);
}

export function writeSaved(data: SavedData): Promise<unknown> {
	return run('readwrite', (s) => s.put(data, KEY));
}

export function clearSaved(): Promise<unknown> {
	return run('readwrite', (s) => s.delete(KEY));
}

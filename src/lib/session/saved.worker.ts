/**
 * Writes the loaded data to IndexedDB off the main thread: turning a million rows' bytes
 * into stored Blobs took the page a second of its time.
 */
/// <reference lib="webworker" />
import { writeSaved, type SavedLoads } from './saved';

export interface SaveRequest {
	loads: SavedLoads;
	tables: Record<string, Uint8Array>;
}
export type SaveReply = { ok: true } | { ok: false; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (e: MessageEvent<SaveRequest>) => {
	try {
		await writeSaved(e.data.loads, e.data.tables);
		scope.postMessage({ ok: true } satisfies SaveReply);
	} catch (err) {
		scope.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) } satisfies SaveReply);
	}
};

/** writeSaved in a worker of its own (saved.worker.ts): the table bytes are moved to it, not copied. */
import type { SavedLoads } from './saved';
import type { SaveReply, SaveRequest } from './saved.worker';

export function writeSavedInWorker(loads: SavedLoads, tables: Record<string, Uint8Array>): Promise<void> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./saved.worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (e: MessageEvent<SaveReply>) => {
			worker.terminate();
			if (e.data.ok) resolve();
			else reject(new Error(e.data.message));
		};
		const fail = (err: Error) => {
			worker.terminate();
			reject(err);
		};
		worker.onerror = (e) => fail(new Error(e.message || 'saving failed'));
		worker.onmessageerror = () => fail(new Error('the saving worker sent a message that could not be read'));
		const buffers = [...new Set(Object.values(tables).map((t) => t.buffer as ArrayBuffer))];
		try {
			worker.postMessage({ loads, tables } satisfies SaveRequest, buffers);
		} catch (err) {
			fail(err instanceof Error ? err : new Error(String(err)));
		}
	});
}

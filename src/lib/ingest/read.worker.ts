/**
 * The page's reading worker: runs readFiles off the main thread, so a million-row file is
 * read on its own core while the page stays responsive and the engine's worker inserts the
 * batches already read. Each batch waits for the page to say it is staged (at most one
 * batch in flight, as in readFiles).
 */
/// <reference lib="webworker" />
import { readFiles, type KnownNames, type LoadProgress, type PlannedFile, type ReadOutcome } from './ingest';
import { FileError } from './sources';

export type ToReader = { type: 'read'; files: PlannedFile[]; known: KnownNames | null } | { type: 'staged' };
export type FromReader =
	| { type: 'stage'; ipc: Uint8Array }
	| { type: 'progress'; progress: LoadProgress }
	| { type: 'done'; outcome: ReadOutcome }
	| { type: 'failed'; fileError: { code: FileError['code']; detail: string } | null; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromReader, transfer: Transferable[] = []) => scope.postMessage(m, transfer);
let staged: (() => void) | null = null;

scope.onmessage = async (e: MessageEvent<ToReader>) => {
	const m = e.data;
	if (m.type === 'staged') {
		staged?.();
		return;
	}
	try {
		const outcome = await readFiles(
			m.files,
			m.known,
			(ipc) =>
				new Promise<void>((resolve) => {
					staged = resolve;
					post({ type: 'stage', ipc }, [ipc.buffer]);
				}),
			(progress) => post({ type: 'progress', progress })
		);
		post({ type: 'done', outcome });
	} catch (err) {
		const fileError = err instanceof FileError ? { code: err.code, detail: err.detail } : null;
		post({ type: 'failed', fileError, message: err instanceof Error ? err.message : String(err) });
	}
};

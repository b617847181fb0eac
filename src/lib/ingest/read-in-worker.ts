/**
 * readFiles in a worker of its own (read.worker.ts), for the page: the main thread only
 * passes each staged batch to the engine and draws the progress.
 */
import type { FromReader, ToReader } from './read.worker';
import type { Reader } from './ingest';
import { FileError } from './sources';
import { Tally } from './tally';

export const readInWorker: Reader = (files, known, stage, onProgress) =>
	new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./read.worker.ts', import.meta.url), { type: 'module' });
		const send = (m: ToReader) => worker.postMessage(m);
		const end = () => worker.terminate();
		worker.onerror = (e) => {
			end();
			reject(new Error(e.message || 'reading worker failed'));
		};
		worker.onmessage = async (e: MessageEvent<FromReader>) => {
			const m = e.data;
			switch (m.type) {
				case 'progress':
					onProgress(m.progress);
					break;
				case 'stage':
					try {
						await stage(m.ipc);
						send({ type: 'staged' });
					} catch (err) {
						end();
						reject(err);
					}
					break;
				case 'done':
					end();
					resolve({ ...m.outcome, tally: Tally.revive(m.outcome.tally) });
					break;
				case 'failed':
					end();
					reject(m.fileError ? new FileError(m.fileError.code, m.fileError.detail) : new Error(m.message));
					break;
			}
		};
		send({ type: 'read', files: [...files], known });
	});

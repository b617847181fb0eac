/**
 * The two steps of a load in two workers, for the page: reading (read.worker.ts) and
 * admitting (admit.worker.ts) run side by side on their own cores, talking over a port of
 * their own; the main thread only passes each staged batch to the engine and draws progress.
 */
import type { FromAdmitter, ToAdmitter } from './admit.worker';
import type { Reader } from './ingest';
import type { FromReader, ToReader } from './read.worker';
import { Tally } from './tally';
import { errorOf } from './worker-failure';

export const readInWorkers: Reader = (files, known, stage, onProgress) =>
	new Promise((resolve, reject) => {
		const reader = new Worker(new URL('./read.worker.ts', import.meta.url), { type: 'module' });
		const admitter = new Worker(new URL('./admit.worker.ts', import.meta.url), { type: 'module' });
		const end = () => {
			reader.terminate();
			admitter.terminate();
		};
		// The batch being staged when something fails is let finish first, so that the caller
		// can drop every staged batch and none appears after.
		let staging: Promise<void> = Promise.resolve();
		const fail = async (err: unknown) => {
			end();
			await staging.catch(() => {});
			reject(err);
		};
		for (const w of [reader, admitter]) {
			w.onerror = (e) => fail(new Error(e.message || 'a reading worker failed'));
			w.onmessageerror = () => fail(new Error('a reading worker sent a message that could not be read'));
		}
		reader.onmessage = (e: MessageEvent<FromReader>) => {
			if (e.data.type === 'progress') onProgress(e.data.progress);
			else fail(errorOf(e.data));
		};
		admitter.onmessage = async (e: MessageEvent<FromAdmitter>) => {
			const m = e.data;
			if (m.type === 'stage') {
				try {
					await (staging = stage(m.ipc));
					admitter.postMessage({ type: 'staged' } satisfies ToAdmitter);
				} catch (err) {
					fail(err);
				}
			} else if (m.type === 'done') {
				end();
				resolve({ ...m.outcome, tally: Tally.revive(m.outcome.tally) });
			} else fail(errorOf(m));
		};
		const channel = new MessageChannel();
		const plans = files.map((f) => ({ name: f.name, headers: f.headers, mapping: f.mapping }));
		try {
			admitter.postMessage({ type: 'admit', files: plans, known, reader: channel.port2 } satisfies ToAdmitter, [channel.port2]);
			reader.postMessage({ type: 'read', files: [...files], admitter: channel.port1 } satisfies ToReader, [channel.port1]);
		} catch (err) {
			fail(err); // a plan that cannot be posted (DataCloneError)
		}
	});

/**
 * A Reader (src/lib/ingest/ingest.ts) for the command line with its two steps side by side:
 * reading in a thread (read-thread.ts), admitting and staging here. The same steps, in the
 * same order, as readFiles runs one after the other; only where they run differs.
 */
import { Worker } from 'node:worker_threads';
import { Admission } from '../../src/lib/ingest/admit';
import type { LoadProgress, PlannedFile, Reader } from '../../src/lib/ingest/ingest';
import { unpackBatch, type PackedBatch } from '../../src/lib/ingest/rows';
import { errorOf, type Failure } from '../../src/lib/ingest/worker-failure';

/** A planned file as it crosses to the thread: its path in place of its Blob. */
export type ThreadFile = Omit<PlannedFile, 'file'> & { path: string };
export type FromThread = { type: 'batch'; batch: PackedBatch } | { type: 'progress'; progress: LoadProgress } | { type: 'end' } | Failure;

/** The Reader for these files; `paths[i]` is the file of the i-th planned file. */
export function readInThread(paths: readonly string[]): Reader {
	return (files, known, stage, onProgress) =>
		new Promise((resolve, reject) => {
			const threadFiles: ThreadFile[] = files.map(({ file: _, ...f }, i) => ({ ...f, path: paths[i] }));
			const thread = new Worker(new URL('./read-thread.mjs', import.meta.url), { workerData: { files: threadFiles } });
			const admission = new Admission(files, known);
			let settled = false;
			const fail = (err: unknown) => {
				if (settled) return;
				settled = true;
				thread.terminate();
				reject(err);
			};
			// One batch at a time: the thread reads the next one while this one is admitted and staged.
			let queue: Promise<void> = Promise.resolve();
			thread.on('message', (m: FromThread) => {
				queue = queue
					.then(async () => {
						if (settled) return;
						if (m.type === 'progress') onProgress(m.progress);
						else if (m.type === 'batch') {
							const ipc = admission.admit(unpackBatch(m.batch));
							if (ipc) await stage(ipc);
							thread.postMessage('admitted');
						} else if (m.type === 'end') {
							settled = true;
							await thread.terminate();
							resolve(admission.outcome());
						} else fail(errorOf(m));
					})
					.catch(fail);
			});
			thread.on('error', fail);
			thread.on('exit', (code) => {
				if (!settled) fail(new Error(`the reading thread stopped (${code})`));
			});
		});
}

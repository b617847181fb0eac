/**
 * The first step of a load (readBatches: files → batches of values) in a thread of its own,
 * for the command line, as the page runs it in a worker (src/lib/ingest/read.worker.ts):
 * the main thread admits and stages each batch meanwhile, on the other core. Files cross as
 * paths (a file-backed Blob cannot be posted) and batches packed, their buffers moved.
 */
import { openAsBlob } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { readBatches, type PlannedFile } from '../../src/lib/ingest/ingest';
import { packedHandOver } from '../../src/lib/ingest/rows';
import { failureOf } from '../../src/lib/ingest/worker-failure';
import type { ThreadFile, FromThread } from './read-in-thread';

const port = parentPort!;
const post = (m: FromThread, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
const handOver = packedHandOver((batch, transfer) => post({ type: 'batch', batch }, transfer));
port.on('message', handOver.admitted);

try {
	const files: PlannedFile[] = [];
	for (const f of workerData.files as ThreadFile[]) files.push({ ...f, file: await openAsBlob(f.path) });
	await readBatches(files, handOver.onBatch, (progress) => post({ type: 'progress', progress }));
	post({ type: 'end' });
} catch (err) {
	post(failureOf(err));
}

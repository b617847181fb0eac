/**
 * The page's reading worker: the first step of a load (readBatches), off the main thread.
 * Each batch goes, packed, to the admitting worker (admit.worker.ts) over a port of their
 * own; the next batch is read while it is admitted and staged, and waits for it.
 */
/// <reference lib="webworker" />
import { readBatches, type LoadProgress, type PlannedFile } from './ingest';
import { packedHandOver, type PackedBatch } from './rows';
import { failureOf, type Failure } from './worker-failure';

export type ToReader = { type: 'read'; files: PlannedFile[]; admitter: MessagePort };
/** To the admitting worker: a batch, or the end of the files. */
export type ReaderToAdmitter = { type: 'batch'; batch: PackedBatch } | { type: 'end' };
export type FromReader = { type: 'progress'; progress: LoadProgress } | Failure;

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (e: MessageEvent<ToReader>) => {
	const { files, admitter } = e.data;
	const post = (m: FromReader) => scope.postMessage(m);
	const send = (m: ReaderToAdmitter, transfer: Transferable[] = []) => admitter.postMessage(m, transfer);
	const handOver = packedHandOver((batch, transfer) => send({ type: 'batch', batch }, transfer));
	admitter.onmessage = handOver.admitted;
	try {
		await readBatches(files, handOver.onBatch, (progress) => post({ type: 'progress', progress }));
		send({ type: 'end' });
	} catch (err) {
		post(failureOf(err));
	}
};

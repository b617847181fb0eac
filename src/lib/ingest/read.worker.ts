/**
 * The page's reading worker: the first step of a load (readBatches), off the main thread.
 * Each batch goes, packed, to the admitting worker (admit.worker.ts) over a port of their
 * own; the next batch is read while it is admitted and staged, and waits for it.
 */
/// <reference lib="webworker" />
import { readBatches, type LoadProgress, type PlannedFile } from './ingest';
import { packBatch, packedBuffers, type PackedBatch } from './rows';
import { failureOf, type Failure } from './worker-failure';

export type ToReader = { type: 'read'; files: PlannedFile[]; admitter: MessagePort };
/** To the admitting worker: a batch, or the end of the files. */
export type ReaderToAdmitter = { type: 'batch'; batch: PackedBatch } | { type: 'end' };
export type FromReader = { type: 'progress'; progress: LoadProgress } | Failure;

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (e: MessageEvent<ToReader>) => {
	const { files, admitter } = e.data;
	const post = (m: FromReader) => scope.postMessage(m);
	let admitted: (() => void) | null = null;
	admitter.onmessage = () => admitted?.();
	const send = (m: ReaderToAdmitter, transfer: Transferable[] = []) => admitter.postMessage(m, transfer);
	try {
		await readBatches(
			files,
			(batch) =>
				new Promise<void>((resolve) => {
					admitted = resolve;
					const packed = packBatch(batch);
					send({ type: 'batch', batch: packed }, packedBuffers(packed));
				}),
			(progress) => post({ type: 'progress', progress })
		);
		send({ type: 'end' });
	} catch (err) {
		post(failureOf(err));
	}
};

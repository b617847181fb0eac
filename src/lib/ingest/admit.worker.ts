/**
 * The page's admitting worker: the second step of a load (admit.ts) on the batches the
 * reading worker sends. Each batch's Arrow goes to the page for the engine to stage; the
 * reading worker hears once it is staged. At the end the page receives the load's account.
 */
/// <reference lib="webworker" />
import { Admission, type FilePlan } from './admit';
import type { KnownNames, ReadOutcome } from './admit';
import type { ReaderToAdmitter } from './read.worker';
import { unpackBatch } from './rows';
import { failureOf, type Failure } from './worker-failure';

export type ToAdmitter = { type: 'admit'; files: FilePlan[]; known: KnownNames | null; reader: MessagePort } | { type: 'staged' };
export type FromAdmitter = { type: 'stage'; ipc: Uint8Array } | { type: 'done'; outcome: ReadOutcome } | Failure;

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromAdmitter, transfer: Transferable[] = []) => scope.postMessage(m, transfer);
let staged: (() => void) | null = null;

scope.onmessage = (e: MessageEvent<ToAdmitter>) => {
	const m = e.data;
	if (m.type === 'staged') {
		staged?.();
		return;
	}
	const admission = new Admission(m.files, m.known);
	const reader = m.reader;
	reader.onmessage = async (r: MessageEvent<ReaderToAdmitter>) => {
		try {
			if (r.data.type === 'end') {
				post({ type: 'done', outcome: admission.outcome() });
				return;
			}
			const ipc = admission.admit(unpackBatch(r.data.batch));
			if (ipc) {
				await new Promise<void>((resolve) => {
					staged = resolve;
					post({ type: 'stage', ipc }, [ipc.buffer]);
				});
			}
			reader.postMessage('admitted');
		} catch (err) {
			post(failureOf(err));
		}
	};
};

/**
 * A load from the user's files, in two steps: each file opened and its rows read, in order,
 * into batches of values (rows.ts); then each batch admitted (admit.ts: agencies, duplicate
 * ids) and handed on as Arrow for the engine to stage. In the page the two steps run in two
 * workers (read-in-workers.ts); in tests, one after the other here.
 */
import { dayNumber, vietnamToday } from '../core/domain/dates';
import { Admission, type KnownNames, type ReadOutcome } from './admit';
import type { Encoding } from './encoding';
import type { Mapping } from './headers';
import { newBatch, packBatch, readValues, unpackBatch, type ReadBatch, type RowContext } from './rows';
import { FileError, openSource } from './sources';
import { readNfcText, readText } from './values';

/** A file to read, as the user mapped it: plain data, so it can be handed to a worker. */
export interface PlannedFile {
	name: string;
	file: Blob;
	/** The encoding the user chose, or null to detect it. */
	encoding: Encoding | null;
	/** The header row the user chose (line, or .xlsx row number), or null for the proposed one. */
	headerLine: number | null;
	headers: string[];
	mapping: Mapping;
}

export interface LoadProgress {
	file: string;
	/** Files done plus the fraction of the current one, over the number of files. */
	fraction: number;
	rowsRead: number;
}

/** Reads the planned files; `stage` receives each batch of loadable rows as an Arrow IPC stream (staged.ts). */
export type Reader = (files: readonly PlannedFile[], known: KnownNames | null, stage: (ipc: Uint8Array) => Promise<void>, onProgress: (p: LoadProgress) => void) => Promise<ReadOutcome>;

const BATCH_ROWS = 50_000;

/** Hands the thread back (input, paint, messages) before the next chunk. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The first step: every file's rows read into batches of about BATCH_ROWS, in file order.
 * `onBatch` may take its time: the next batch is read meanwhile, and waits for it.
 */
export async function readBatches(files: readonly PlannedFile[], onBatch: (b: ReadBatch) => Promise<void>, onProgress: (p: LoadProgress) => void): Promise<void> {
	let pending: Promise<void> = Promise.resolve();
	let rowsRead = 0;
	const handOver = async (full: ReadBatch) => {
		await pending;
		rowsRead += full.rowsRead;
		pending = onBatch(full);
		// A failure is reported when it is next awaited, not as an unhandled rejection.
		pending.catch(() => {});
	};
	try {
		await readEach(files, handOver, onProgress, () => rowsRead);
	} catch (e) {
		// The batch being handed over finishes first: the caller then drops every staged batch.
		await pending.catch(() => {});
		throw e;
	}
	await pending;
}

/** Every file's rows, batch by batch, handed over in file order. */
async function readEach(files: readonly PlannedFile[], handOver: (b: ReadBatch) => Promise<void>, onProgress: (p: LoadProgress) => void, handedOver: () => number): Promise<void> {
	// A date-only ISO text is read as UTC midnight: the day's number, as rows.ts counts days.
	const today = dayNumber(Date.parse(vietnamToday()) * 1000);
	for (const [index, file] of files.entries()) {
		try {
			await readOne(file, index, today, handOver, (fraction, rowsRead) => onProgress({ file: file.name, fraction: (index + fraction) / files.length, rowsRead: handedOver() + rowsRead }));
		} catch (e) {
			// The user is told which file could not be read.
			if (e instanceof FileError) e.file = file.name;
			throw e;
		}
	}
}

/** One file's rows, from the row after the header the user chose. */
async function readOne(file: PlannedFile, index: number, today: number, handOver: (b: ReadBatch) => Promise<void>, onProgress: (fraction: number, rowsRead: number) => void): Promise<void> {
	const source = await openSource(file.file, file.encoding, file.headerLine);
	const ctx: RowContext = { file: file.name, headers: file.headers, mapping: file.mapping, today, text: source.nfc ? readNfcText : readText };
	let batch = newBatch(index);
	await source.rows(
		(row) => readValues(ctx, row.line, row.cells, batch, row.fault),
		async (fraction) => {
			if (batch.rowsRead >= BATCH_ROWS) {
				const full = batch;
				batch = newBatch(index);
				await handOver(full);
			}
			onProgress(fraction, batch.rowsRead);
			await breathe();
		}
	);
	if (batch.rowsRead) await handOver(batch);
}

/** Both steps in this thread, one batch after the other; each batch packed as it is to cross to a worker. */
export const readFiles: Reader = async (files, known, stage, onProgress) => {
	const admission = new Admission(files, known);
	await readBatches(
		files,
		async (batch) => {
			const ipc = admission.admit(unpackBatch(packBatch(batch)));
			if (ipc) await stage(ipc);
		},
		onProgress
	);
	return admission.outcome();
};

/**
 * A load from the user's files: each file opened and mapped, its rows read in order into
 * dossiers (rows.ts) and handed on in batches as Arrow for the engine to stage, with the
 * fraction done reported. The same function runs in the page's reading worker
 * (read.worker.ts) and, in tests, in Node.
 */
import { vietnamToday } from '../domain/dates';
import type { Level } from '../domain/types';
import type { Encoding } from './encoding';
import type { Mapping } from './headers';
import { Catalogue, readRow, type AgencyRecord, type DossierRecord, type ProcedureRecord, type RowContext } from './rows';
import { openSource } from './sources';
import { stagedArrow } from './staged';
import { Tally } from './tally';

/** A file to read, as the user mapped it: plain data, so it can be handed to a worker. */
export interface PlannedFile {
	name: string;
	file: Blob;
	/** The encoding the user chose, or null to detect it. */
	encoding: Encoding | null;
	headers: string[];
	mapping: Mapping;
}

/** The agencies and procedures of the data on screen, so rows naming them join them. */
export interface KnownNames {
	agencies: ReadonlyMap<string, { id: string; name: string; shortName: string; level: Level }>;
	procedures: ReadonlyMap<string, { code: string; field: string }>;
}

export interface LoadProgress {
	file: string;
	/** Files done plus the fraction of the current one, over the number of files. */
	fraction: number;
	rowsRead: number;
}

export interface ReadOutcome {
	tally: Tally;
	newAgencies: AgencyRecord[];
	newProcedures: ProcedureRecord[];
}

/** Reads the planned files; `stage` receives each batch of loadable rows as an Arrow IPC stream (staged.ts). */
export type Reader = (
	files: readonly PlannedFile[],
	known: KnownNames | null,
	stage: (ipc: Uint8Array) => Promise<void>,
	onProgress: (p: LoadProgress) => void
) => Promise<ReadOutcome>;

export const BATCH_ROWS = 50_000;

/** Hands the thread back (input, paint, messages) before the next chunk. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Reads every file. The tally accounts for every row: loaded, or rejected with its reason.
 */
export const readFiles: Reader = async (files, known, stage, onProgress) => {
	const today = vietnamToday();
	const catalogue = new Catalogue(known?.agencies, known?.procedures);
	const tally = new Tally();
	const seen = new Set<string>();
	const longAfterDue = new Map<string, string>();
	let batch: DossierRecord[] = [];
	// A batch goes to the engine (its own worker) while the next one is read: at most one waits.
	let staging: Promise<void> = Promise.resolve();
	const handOver = async (full: DossierRecord[]) => {
		await staging;
		staging = stage(stagedArrow(full));
		// A failed insert is reported when it is next awaited, not as an unhandled rejection.
		staging.catch(() => {});
	};
	for (const [index, file] of files.entries()) {
		const source = await openSource(file.file, file.encoding);
		const ctx: RowContext = { file: file.name, headers: file.headers, mapping: file.mapping, today, tally, catalogue, seen, longAfterDue };
		await source.rows(
			(row) => {
				const record = readRow(ctx, row.line, row.cells);
				if (record) batch.push(record);
			},
			async (fraction) => {
				if (batch.length >= BATCH_ROWS) {
					const full = batch;
					batch = [];
					await handOver(full);
				}
				onProgress({ file: file.name, fraction: (index + fraction) / files.length, rowsRead: tally.rowsRead });
				await breathe();
			}
		);
	}
	if (batch.length) await handOver(batch);
	await staging;
	return { tally, newAgencies: [...catalogue.newAgencies.values()], newProcedures: [...catalogue.newProcedures.values()] };
};

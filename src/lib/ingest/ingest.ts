/**
 * A load from the user's files: each file opened and mapped, its rows read in order into
 * dossiers (rows.ts) and handed on in batches, with the fraction done reported and the
 * main thread given back between chunks so the page stays responsive.
 */
import { vietnamToday } from '../domain/dates';
import type { Mapping } from './headers';
import { Catalogue, readRow, type DossierRecord, type RowContext } from './rows';
import type { Source } from './sources';
import { Tally } from './tally';

export interface PlannedFile {
	name: string;
	source: Source;
	headers: string[];
	mapping: Mapping;
}

export interface LoadProgress {
	file: string;
	/** Files done plus the fraction of the current one, over the number of files. */
	fraction: number;
	rowsRead: number;
}

export const BATCH_ROWS = 50_000;

/** Hands the thread back to the browser (input, paint) before the next chunk. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Reads every file; `onBatch` receives the dossiers to load, in batches. The tally accounts
 * for every row: loaded, or rejected with its reason.
 */
export async function readFiles(
	files: readonly PlannedFile[],
	catalogue: Catalogue,
	onBatch: (batch: DossierRecord[]) => Promise<void>,
	onProgress: (p: LoadProgress) => void,
	today = vietnamToday()
): Promise<Tally> {
	const tally = new Tally();
	const seen = new Set<string>();
	const longAfterDue = new Map<string, string>();
	let batch: DossierRecord[] = [];
	// A batch goes to the engine (its own worker) while the next one is read: at most one waits.
	let inserting: Promise<void> = Promise.resolve();
	const handOver = async (full: DossierRecord[]) => {
		await inserting;
		inserting = onBatch(full);
		// A failed insert is reported when it is next awaited, not as an unhandled rejection.
		inserting.catch(() => {});
	};
	for (const [index, file] of files.entries()) {
		const ctx: RowContext = { file: file.name, headers: file.headers, mapping: file.mapping, today, tally, catalogue, seen, longAfterDue };
		await file.source.rows(
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
	await inserting;
	return tally;
}

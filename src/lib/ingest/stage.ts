/**
 * From files to an account, the one road for the data page and the command line: the
 * planned files read into staging (ingest.ts, store.ts), then merged with the dossiers on
 * record (merge.ts), so that every row read is new, updated, unchanged or rejected, and
 * every update that looks like a correction is a warning with its old and new values.
 * What is done with the merged rows then differs: the page keeps them in memory
 * (store.ts commitMerged), the command line writes a new database file.
 */
import type { Engine } from '../core/engine/types';
import type { Mapping } from './headers';
import type { KnownNames, ReadOutcome } from './admit';
import { readFiles, type LoadProgress, type PlannedFile, type Reader } from './ingest';
import { correctionsOf, dropMerged, mergeStaged } from './merge';
import { dropStaging, endStaging, stager } from './store';

/** The header of the column a field was read from ('' when none). */
function columnOf(file: { headers: readonly string[]; mapping: Mapping }, field: 'received_at' | 'agency' | 'resolved_at' | 'withdrawn_at'): string {
	const col = field === 'agency' ? (file.mapping.agency ?? file.mapping.agency_code) : file.mapping[field];
	return col === null ? '' : (file.headers[col] ?? '');
}

/**
 * Reads the files into memory.staged and merges them into memory.merged against `current`
 * (the dossiers on record, or null for none). A failure leaves nothing staged.
 */
export async function stageAndMerge(
	engine: Engine,
	files: readonly PlannedFile[],
	known: KnownNames | null,
	current: string | null,
	onProgress: (p: LoadProgress) => void,
	read: Reader = readFiles
): Promise<ReadOutcome> {
	await discardStaged(engine);
	try {
		const outcome = await read(files, known, stager(engine), onProgress);
		const { tally } = outcome;
		if (!(await endStaging(engine))) return outcome;
		const counts = await mergeStaged(engine, current);
		[tally.rowsNew, tally.rowsUpdated, tally.rowsUnchanged] = [counts.new, counts.updated, counts.unchanged];
		for (const c of await correctionsOf(engine)) {
			const file = files[c.source_index];
			tally.warn({ file: file.name, line: c.source_line, column: columnOf(file, c.field), value: c.value, previous: c.previous, reason: c.reason, agency: c.agency_id, month: c.month });
		}
		return outcome;
	} catch (e) {
		// The batches staged before the failure would otherwise join the next load.
		await discardStaged(engine);
		throw e;
	}
}

/** Drops whatever a load staged or merged. */
export async function discardStaged(engine: Engine): Promise<void> {
	await dropMerged(engine);
	await dropStaging(engine);
}

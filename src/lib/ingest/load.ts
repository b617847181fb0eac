/**
 * A whole load, the same in the browser and in tests: read the planned files into staging,
 * account for every row, drop duplicates of the data on screen, keep the rest as loaded
 * rows and assemble the data every view reads (store.ts). Nothing on screen changes when no
 * row loads.
 */
import type { Engine } from '../engine/types';
import type { Catalog } from '../engine/catalog';
import { readFiles, type LoadProgress, type PlannedFile, type Reader } from './ingest';
import { assemble, commitStaged, dropStaging, duplicatesOfCurrent, endStaging, ensureUserTables, resetUserTables, stager, type Base } from './store';
import type { Tally } from './tally';

export type LoadMode = 'replace' | 'add';

export interface LoadOptions {
	mode: LoadMode;
	province: string;
	cutoffDay: number;
	/** What the data on screen is made of now, and the sample's last day when it is part of it. */
	base: Base;
	baseAsOf: string | null;
	/** The names behind the data on screen, so rows naming a known agency or procedure join it. */
	current: Catalog | null;
}

export interface LoadResult {
	tally: Tally;
	/** True when the data on screen was replaced by the new data; false when nothing loaded. */
	changed: boolean;
	base: Base;
	newAgencies: string[];
}

/** `read` is where the rows are read: the page passes its two workers (read-in-workers.ts). */
export async function loadFiles(
	engine: Engine,
	files: readonly PlannedFile[],
	o: LoadOptions,
	onProgress: (p: LoadProgress) => void,
	read: Reader = readFiles
): Promise<LoadResult> {
	const known = o.mode === 'add' && o.current ? { agencies: o.current.agencies, procedures: o.current.procedures } : null;
	await dropStaging(engine);
	let outcome: Awaited<ReturnType<Reader>>;
	try {
		outcome = await read(files, known, stager(engine), onProgress);
	} catch (e) {
		// The batches staged before the failure would otherwise join the next load.
		await dropStaging(engine);
		throw e;
	}
	const { tally, newAgencies, newProcedures } = outcome;
	const staged = await endStaging(engine);
	if (o.mode === 'add' && staged) {
		const idColumn = (name: string) => {
			const f = files.find((f) => f.name === name);
			return f ? (f.headers[f.mapping.id!] ?? '') : '';
		};
		for (const d of await duplicatesOfCurrent(engine)) {
			tally.unload({ file: d.source_file, line: d.source_line, column: idColumn(d.source_file), value: d.id, reason: 'duplicate_id', agency: d.agency_id, month: d.month });
		}
	}
	const base: Base = o.mode === 'replace' ? 'none' : o.base;
	if (tally.rowsLoaded === 0) {
		await dropStaging(engine);
		return { tally, changed: false, base: o.base, newAgencies: [] };
	}
	if (o.mode === 'replace') await resetUserTables(engine);
	else await ensureUserTables(engine);
	await commitStaged(engine, newAgencies, newProcedures, o.mode === 'add');
	await assemble(engine, { base, province: o.province, cutoffDay: o.cutoffDay, baseAsOf: base === 'sample' ? o.baseAsOf : null });
	return { tally, changed: true, base, newAgencies: newAgencies.map((a) => a.name) };
}

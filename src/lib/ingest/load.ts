/**
 * A whole load in the browser (and in its tests): read the planned files into staging,
 * account for every row, merge them with the data on screen ('add': a dossier seen again
 * takes its latest state) or in its place ('replace'), keep them as loaded rows and assemble
 * the data every view reads (store.ts). Nothing on screen changes when no row is new or
 * updated.
 */
import type { Engine } from '../core/engine/types';
import type { Catalog } from '../core/engine/catalog';
import { readFiles, type LoadProgress, type PlannedFile, type Reader } from './ingest';
import { discardStaged, stageAndMerge } from './stage';
import { assemble, commitMerged, ensureUserTables, resetUserTables, type Base } from './store';
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
export async function loadFiles(engine: Engine, files: readonly PlannedFile[], o: LoadOptions, onProgress: (p: LoadProgress) => void, read: Reader = readFiles): Promise<LoadResult> {
	const adding = o.mode === 'add';
	const known = adding && o.current ? { agencies: o.current.agencies, procedures: o.current.procedures } : null;
	const { tally, newAgencies, newProcedures } = await stageAndMerge(engine, files, known, adding ? 'dossiers' : null, onProgress, read);
	if (tally.rowsNew + tally.rowsUpdated === 0) {
		await discardStaged(engine);
		return { tally, changed: false, base: o.base, newAgencies: [] };
	}
	const base: Base = adding ? o.base : 'none';
	if (adding) await ensureUserTables(engine);
	else await resetUserTables(engine);
	await commitMerged(engine, newAgencies, newProcedures, adding && o.base === 'sample');
	await assemble(engine, { base, province: o.province, cutoffDay: o.cutoffDay, baseAsOf: base === 'sample' ? o.baseAsOf : null });
	return { tally, changed: true, base, newAgencies: newAgencies.map((a) => a.name) };
}

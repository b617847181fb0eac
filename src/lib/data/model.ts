/**
 * What the data page shows and records, as plain functions of its state: which files are
 * ready to load, the account a load leaves, what the browser keeps of it, and the page's
 * words for the data now on screen and for a file or a load that failed. No DOM, no engine.
 */
import { formatCount, formatDay, type Locale } from '../core/format/format';
import { t, type MessageKey } from './messages';
import type { Encoding } from '../ingest/encoding';
import { missingRequired, type Mapping } from '../ingest/headers';
import type { LoadProgress } from '../ingest/ingest';
import type { LoadMode, LoadResult } from '../ingest/load';
import { refusalText } from '../ingest/refusal';
import { FileError, type Inspection } from '../ingest/sources';
import type { LoadAccount, SavedLoads } from '../session/saved';
import type { Session } from '../session/session';

/** A file the user chose, as the page shows it: how it was read, how its columns map. */
export interface Entry {
	key: number;
	file: File;
	encoding: Encoding | null;
	/** The header row the user chose; null for the proposed one. */
	headerLine: number | null;
	inspection: Inspection | null;
	mapping: Mapping | null;
	fromSaved: boolean;
	remember: boolean;
	error: string | null;
}

export function newEntry(key: number, file: File): Entry {
	return { key, file, encoding: null, headerLine: null, inspection: null, mapping: null, fromSaved: false, remember: false, error: null };
}

/** Files read and mapped with every required field: what a load would read. */
export function readyEntries(entries: readonly Entry[]): Entry[] {
	return entries.filter((e) => e.inspection && e.mapping && missingRequired(e.mapping).length === 0);
}

/** A load can start when every readable file is ready and nothing else is under way. */
export function canLoad(entries: readonly Entry[], busy: boolean): boolean {
	const ready = readyEntries(entries).length;
	return !busy && ready > 0 && ready === entries.filter((e) => !e.error).length;
}

/** What follows a load once its data is on screen. */
export type Finishing = 'aggregating' | 'saving' | 'saved' | 'failed';

export interface Outcome {
	kind: 'done' | 'nothing' | 'failed';
	text: string;
}

/** The account of a load, as the page shows it and the browser keeps it. */
export function accountOf(files: readonly string[], result: Pick<LoadResult, 'tally' | 'newAgencies'>, loadedAt: Date): LoadAccount {
	const { tally } = result;
	return {
		files: [...files],
		loadedAt: loadedAt.toISOString(),
		rowsRead: tally.rowsRead,
		rowsNew: tally.rowsNew,
		rowsUpdated: tally.rowsUpdated,
		rowsUnchanged: tally.rowsUnchanged,
		rowsRejected: tally.rowsRejected,
		rejected: tally.rejected,
		warnings: tally.warnings,
		quality: tally.qualityCounts(),
		newAgencies: result.newAgencies
	};
}

/** The province's name for a load: as typed, else the data's own. */
export function provinceName(typed: string, session: Pick<Session, 'info'>): string {
	return typed.trim() || session.info.province;
}

/** What the browser keeps after a load: added to the earlier loads, or in their place. */
export function savedAfter(session: Pick<Session, 'info' | 'saved'>, result: Pick<LoadResult, 'base'>, mode: LoadMode, province: string, account: LoadAccount): SavedLoads {
	return {
		base: result.base,
		province,
		cutoffDay: session.info.cutoffDay,
		loads: mode === 'add' && session.saved ? [...session.saved.loads, account] : [account]
	};
}

/** Which words say what the data on screen is: the site's, none, the user's alone, or the user's added to the site's. */
export function dataNowKey(session: Pick<Session, 'saved' | 'siteAsOf' | 'base'>): MessageKey {
	if (!session.saved) return session.siteAsOf ? 'dataNowSite' : 'dataNowEmpty';
	return session.base === 'none' ? 'dataNowLoaded' : 'dataNowAdded';
}

export function dataNowText(locale: Locale, session: Pick<Session, 'saved' | 'siteAsOf' | 'base' | 'info'>): string {
	const files = session.saved?.loads.flatMap((l) => l.files).join(', ') ?? '';
	return t(locale, dataNowKey(session), { files, n: formatCount(session.info.dossiers, locale), day: formatDay(session.info.dataAsOf) });
}

/** What the user is told of a file that cannot be read: the cause in words, never a library's message. */
export function fileErrorText(locale: Locale, e: unknown): string {
	if (e instanceof FileError) return refusalText(locale, e);
	console.error(e);
	return t(locale, 'ingest_unexpected');
}

/** A load that failed: which file, when one is to blame, and why. */
export function loadFailedText(locale: Locale, e: unknown): string {
	const detail = e instanceof FileError && e.file ? t(locale, 'fileError', { file: e.file, reason: fileErrorText(locale, e) }) : fileErrorText(locale, e);
	return t(locale, 'loadFailed', { detail });
}

export function progressText(locale: Locale, p: LoadProgress): string {
	return t(locale, 'loadingFiles', { file: p.file, rows: formatCount(p.rowsRead, locale) });
}

/** The name of a file's mapping as a file for `npm run ingest -- --mapping FILE`. */
export function mappingFileName(fileName: string): string {
	return `${fileName.replace(/\.[^.]*$/, '')}.mapping.json`;
}

/** A file's size as the page shows it beside its name, in whole kilobytes. */
export function sizeText(locale: Locale, bytes: number): string {
	return `${formatCount(Math.ceil(bytes / 1024), locale)} KB`;
}

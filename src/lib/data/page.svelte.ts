/**
 * The data page's state and what it does (its route only draws it and sends intents): the
 * files chosen, each sniffed and mapped; a load through the coordinator (`db.change`, alone,
 * with progress); then, with the data on screen, sorting and pre-aggregating it and keeping
 * it in the browser, in the background; and clearing what was kept.
 *
 * What the page does outside itself (the reading workers, the saving worker, the browser's
 * storage, a question to the user, a reload) comes in as `DataServices`, so the unit tests
 * run the same sequence on native DuckDB.
 */
import type { Coordinator } from '../core/engine/coordinator';
import type { Locale } from '../core/format/format';
import { download } from '../core/export/download';
import { t } from './messages';
import type { Encoding } from '../ingest/encoding';
import { proposeMapping, type Mapping } from '../ingest/headers';
import type { LoadProgress, Reader } from '../ingest/ingest';
import { loadFiles, type LoadMode } from '../ingest/load';
import { mappingFileOf } from '../ingest/mapping-file';
import { saveMapping, savedMapping } from '../ingest/mappings';
import { readInWorkers } from '../ingest/read-in-workers';
import { openSource } from '../ingest/sources';
import { buildAggregates, savedTables, sortLoaded, type Base } from '../ingest/store';
import { writeSavedInWorker } from '../session/save-in-worker';
import { clearSaved, type LoadAccount, type SavedLoads } from '../session/saved';
import { dataChanged, type Session } from '../session/session';
import {
	accountOf,
	canLoad,
	dataNowText,
	fileErrorText,
	loadFailedText,
	mappingFileName,
	newEntry,
	progressText,
	provinceName,
	readyEntries,
	savedAfter,
	type Entry,
	type Finishing,
	type Outcome
} from './model';

/** What the page reads of its session (PageSession): the session, the language, and how to hand over a new session. */
export interface DataHost {
	readonly session: Session | null;
	readonly address: Locale;
	replace(session: Session): void;
}

export interface DataServices {
	/** Where the rows are read: the page's two workers. */
	read: Reader;
	/** Keeps the loaded rows and the account in the browser. */
	save(loads: SavedLoads, tables: Record<string, Uint8Array>): Promise<void>;
	/** Forgets what the browser kept. */
	forget(): Promise<unknown>;
	ask(question: string): boolean;
	reload(): void;
	download(name: string, text: string, type: string): void;
}

export const BROWSER_SERVICES: DataServices = {
	read: readInWorkers,
	save: writeSavedInWorker,
	forget: clearSaved,
	ask: (question) => confirm(question),
	reload: () => window.location.reload(),
	download
};

export class DataPage {
	entries = $state<Entry[]>([]);
	mode = $state<LoadMode>('replace');
	progress = $state<{ text: string; fraction: number } | null>(null);
	outcome = $state<Outcome | null>(null);
	/**
	 * What follows a load once its data is on screen: sorting and pre-aggregating it (views
	 * are slower until then), then keeping it in the browser (a reload before 'saved' loses it).
	 */
	finishing = $state<Finishing | null>(null);
	/** Settles when that background work has ended, however it ended. */
	finished: Promise<void> = Promise.resolve();
	/** The province's name as typed; null until the user types one. */
	private typedProvince = $state<string | null>(null);
	/** The account of this visit's last load; before one, the last kept in the browser. */
	private lastAccount = $state.raw<LoadAccount | null>(null);
	private nextKey = 0;

	constructor(
		private readonly host: DataHost,
		private readonly services: DataServices = BROWSER_SERVICES
	) {}

	get session(): Session | null {
		return this.host.session;
	}

	get locale(): Locale {
		return this.host.address;
	}

	get province(): string {
		return this.typedProvince ?? this.session?.info.province ?? '';
	}

	set province(name: string) {
		this.typedProvince = name;
	}

	get account(): LoadAccount | null {
		return this.lastAccount ?? this.session?.saved?.loads.at(-1) ?? null;
	}

	/** Sorting, aggregating or saving is under way: another load or a clear waits. */
	get busyFinishing(): boolean {
		return this.finishing === 'aggregating' || this.finishing === 'saving';
	}

	get canLoad(): boolean {
		return !!this.session && canLoad(this.entries, this.progress !== null || this.busyFinishing);
	}

	/** Whether the page is ready for the user: the session open and no load under way. */
	get ready(): boolean {
		return !!this.session && this.progress === null;
	}

	/** What the data on screen is, in words. */
	get nowText(): string {
		return this.session ? dataNowText(this.locale, this.session) : '';
	}

	async addFiles(files: Iterable<File>): Promise<void> {
		this.outcome = null;
		for (const file of [...files]) {
			this.entries.push(newEntry(this.nextKey++, file));
			// The entry as the state holds it, so that what inspect() sets is drawn.
			await this.inspect(this.entries[this.entries.length - 1]);
		}
	}

	remove(entry: Entry): void {
		this.entries = this.entries.filter((e) => e.key !== entry.key);
	}

	/** The user chose an encoding (null: the one detected); the file is read again. */
	setEncoding(entry: Entry, encoding: Encoding | null): Promise<void> {
		entry.encoding = encoding;
		return this.inspect(entry);
	}

	/** The user chose the header row; the file is read again below it. */
	setHeaderLine(entry: Entry, line: number): Promise<void> {
		entry.headerLine = line;
		return this.inspect(entry);
	}

	setMapping(entry: Entry, mapping: Mapping): void {
		entry.mapping = mapping;
	}

	setRemember(entry: Entry, remember: boolean): void {
		entry.remember = remember;
	}

	/** The mapping as a file for `npm run ingest -- --mapping FILE`: an office maps its vendor's columns once. */
	downloadMapping(entry: Entry): void {
		const file = mappingFileOf(entry.inspection!.headers, entry.mapping!, entry.headerLine);
		this.services.download(mappingFileName(entry.file.name), JSON.stringify(file, null, 2) + '\n', 'application/json');
	}

	private async inspect(entry: Entry): Promise<void> {
		try {
			entry.inspection = await (await openSource(entry.file, entry.encoding, entry.headerLine)).inspect();
			const saved = savedMapping(entry.inspection.headers);
			entry.fromSaved = saved !== null;
			entry.mapping = saved ?? proposeMapping(entry.inspection.headers);
			entry.error = null;
		} catch (e) {
			entry.inspection = null;
			entry.error = fileErrorText(this.locale, e);
		}
	}

	async load(): Promise<void> {
		const session = this.session;
		if (!session) return;
		const mode = this.mode;
		const province = provinceName(this.province, session);
		const ready = readyEntries(this.entries);
		this.outcome = null;
		this.finishing = null;
		this.progress = { text: '', fraction: 0 };
		// Snapshots: the plan goes to the reading worker, and state proxies cannot be posted.
		const files = ready.map((e) => ({ name: e.file.name, file: e.file, encoding: e.encoding, headerLine: e.inspection!.headerLine, headers: $state.snapshot(e.inspection!.headers), mapping: $state.snapshot(e.mapping!) }));
		for (const e of ready) if (e.remember) saveMapping(e.inspection!.headers, e.mapping!);
		try {
			const options = { mode, province, cutoffDay: session.info.cutoffDay, base: session.base, baseAsOf: session.siteAsOf, current: session.catalog };
			const onProgress = (p: LoadProgress) => (this.progress = { text: progressText(this.locale, p), fraction: p.fraction });
			const result = await session.db.change((engine) => loadFiles(engine, files, options, onProgress, this.services.read));
			const account = accountOf(
				files.map((f) => f.name),
				result,
				new Date()
			);
			this.lastAccount = account;
			if (!result.changed) {
				this.outcome = { kind: 'nothing', text: this.text('loadNothing') };
				return;
			}
			const saved = savedAfter(session, result, mode, province, account);
			this.host.replace(await dataChanged(session, result.base, saved));
			this.entries = [];
			this.outcome = { kind: 'done', text: this.text('loadDone') };
			// The figures are on screen; pre-aggregating them and keeping the rows for the next visit come after.
			this.finishing = 'aggregating';
			this.finished = this.finish(session.db, result.base, saved);
		} catch (e) {
			this.outcome = { kind: 'failed', text: loadFailedText(this.locale, e) };
		} finally {
			this.progress = null;
		}
	}

	private async finish(db: Coordinator, base: Base, saved: SavedLoads): Promise<void> {
		try {
			await db.change(sortLoaded);
			await db.change(buildAggregates);
			// Described again, now that the aggregates exist.
			if (this.session) this.host.replace(await dataChanged(this.session, base, saved));
			this.finishing = 'saving';
			await this.services.save($state.snapshot(saved), await db.change(savedTables));
			this.finishing = 'saved';
		} catch (e) {
			// The message says what it means for the user; the engine's words are for developers.
			console.error(e);
			this.finishing = 'failed';
		}
	}

	/** Forgets the loaded data, once the user confirms, and starts again on the site's. */
	async clear(): Promise<void> {
		if (!this.services.ask(this.text('clearConfirm'))) return;
		await this.services.forget();
		this.services.reload();
	}

	private text(key: 'loadNothing' | 'loadDone' | 'clearConfirm'): string {
		return t(this.locale, key);
	}
}

/**
 * The wall's data source, read again on a schedule. Each read fetches the manifest and asks
 * the server for the database file's validators (HEAD: ETag, Last-Modified, length); only
 * when the data changed is an engine started, the wall's figures computed, and the engine
 * closed again. So a wall that runs for days holds one set of plain figures and, between
 * changes, no engine at all: WebAssembly memory never shrinks, so its worker is recycled
 * by construction, and the old figures stay on screen until the new ones are ready (no
 * blank frame). A failed read keeps the last good figures and says since when it fails.
 * A source answered by the screen's own copy (the service worker's, when the server cannot be
 * reached: src/service-worker.ts) is read like the server, and counts as a failure all the same.
 *
 * The figures are asked for through a coordinator of the engine's own (as every view asks),
 * made with the engine and closed with it: the wall's lifecycle stays the engine's.
 */
import { Coordinator } from '../core/engine/coordinator';
import type { Engine, Querier } from '../core/engine/types';
import type { WallFigures } from './figures';
import { COPY_HEADER } from './offline-protocol';

export interface FeedState {
	figures: WallFigures | null;
	/** When the figures on screen were read from the source. */
	updatedAt: Date | null;
	/** When the source was last read without error. */
	checkedAt: Date | null;
	/** The first failed read of the current run of failures; null while the source answers. */
	failingSince: Date | null;
	failure: string | null;
	/** The server could not be reached and the screen's own copy answered: the figures are that copy's. */
	offline: boolean;
}

export interface FeedSource {
	/**
	 * A text that changes whenever the data changes, and the URL to open it at; throws when the source
	 * cannot be read. `copy`: the answer came from the screen's own copy, read from the server at `readAt`.
	 */
	version(): Promise<{ version: string; url: string; copy?: { readAt: Date | null } }>;
	/** Starts an engine on the database at `url`. */
	open(url: string): Promise<Engine>;
	/** The wall's figures, asked for through `db` (the coordinator of the engine just opened). */
	figures(db: Querier): Promise<WallFigures>;
}

/** Reads of a source that keeps changing under the wall, before it says so. */
const MAX_ATTEMPTS = 3;

export class WallFeed {
	state: FeedState = { figures: null, updatedAt: null, checkedAt: null, failingSince: null, failure: null, offline: false };
	private version: string | null = null;
	private reading: Promise<void> | null = null;

	constructor(
		private readonly source: FeedSource,
		private readonly onChange: (s: FeedState) => void,
		private readonly now: () => Date = () => new Date()
	) {}

	/** Reads the source once; a read still running is not started twice. */
	read(): Promise<void> {
		this.reading ??= this.readOnce().finally(() => (this.reading = null));
		return this.reading;
	}

	/**
	 * Reads the source again even if its version did not change (the engine's files then pass the
	 * service worker), once any read under way is done: that read would set its version again.
	 */
	async reread(): Promise<void> {
		await this.reading;
		this.version = null;
		return this.read();
	}

	private async readOnce(): Promise<void> {
		try {
			for (let attempt = 1; ; attempt++) {
				const { version, url, copy } = await this.source.version();
				if (version !== this.version) {
					const figures = await this.figuresAt(url);
					// The engine reads the file in place, range by range: a file replaced meanwhile
					// may have given figures from both. Only figures of one version are shown.
					if ((await this.source.version()).version !== version) {
						if (attempt < MAX_ATTEMPTS) continue;
						throw new Error('the data changed while it was read');
					}
					this.version = version;
					this.state = { ...this.state, figures, updatedAt: copy?.readAt ?? this.now() };
				}
				if (copy) {
					this.state = { ...this.state, failingSince: this.state.failingSince ?? this.now(), failure: 'the server cannot be reached', offline: true };
					return;
				}
				break;
			}
			this.state = { ...this.state, checkedAt: this.now(), failingSince: null, failure: null, offline: false };
		} catch (e) {
			this.state = { ...this.state, failingSince: this.state.failingSince ?? this.now(), failure: e instanceof Error ? e.message : String(e), offline: false };
		} finally {
			this.onChange(this.state);
		}
	}

	private async figuresAt(url: string): Promise<WallFigures> {
		const db = new Coordinator(await this.source.open(url));
		try {
			return await this.source.figures(db);
		} finally {
			// Closes the engine too: its worker ends, and with it the memory it held.
			await db.close();
		}
	}
}

/** The site's own data folder as the wall's source: manifest.json and the database it names. */
export function siteSource(dataUrl: (file: string) => string, open: (url: string) => Promise<Engine>, figures: (db: Querier) => Promise<WallFigures>): FeedSource {
	return {
		async version() {
			const res = await fetch(dataUrl('manifest.json'), { cache: 'no-store' });
			if (!res.ok) throw new Error(`data/manifest.json: HTTP ${res.status}`);
			const manifest = await res.text();
			// The copy's Date is the server's, from when the copy was read.
			const readAt = res.headers.get('date');
			const copy = res.headers.has(COPY_HEADER) ? { readAt: readAt ? new Date(readAt) : null } : undefined;
			const { database } = JSON.parse(manifest) as { database: string };
			const url = dataUrl(database);
			const head = await fetch(url, { method: 'HEAD', cache: 'no-store' });
			if (!head.ok) throw new Error(`data/${database}: HTTP ${head.status}`);
			const version = [manifest, head.headers.get('etag'), head.headers.get('last-modified'), head.headers.get('content-length')].join('|');
			// A new address per version, so no cache between here and the server hands back the old file.
			return { version, url: `${url}?v=${hash(version)}`, copy };
		},
		open,
		figures
	};
}

/** A short, stable hash of a text (FNV-1a), for cache-busting addresses. */
function hash(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return (h >>> 0).toString(36);
}

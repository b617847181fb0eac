/**
 * The page's one engine: DuckDB-WASM started once, the data opened, the dataset's
 * description and catalogue read, and a query cache in front. Every page of the site shares
 * it, so moving between pages does not start the engine again.
 *
 * The data is the site's database file, unless the user loaded files (/data): those are
 * kept in the browser (saved.ts) and assembled in memory again at every start, added to the
 * site's data or in its place.
 */
import { DEFAULT_CUTOFF_DAY } from '../core/domain/periods';
import type { MessageKey } from '../core/i18n/messages';
import { assemble, buildAggregates, resetUserTables, restoreUserTables, type Base } from '../ingest/store';
import type { BrowserEngine } from '../core/engine/browser';
import { CachedEngine } from '../core/engine/cache';
import { loadCatalog, type Catalog } from '../core/engine/catalog';
import { readSaved, savedBytes, type SavedLoads } from './saved';
import { datasetInfo, dataUrl, fetchManifest, type DatasetInfo } from '../core/engine/source';

export interface Session {
	engine: CachedEngine;
	info: DatasetInfo;
	catalog: Catalog;
	/** What the data on screen is made of: the site's data ('sample') or none of it. */
	base: Base;
	/** The site's own data's last day, when its file is open. */
	siteAsOf: string | null;
	/** The user's loads in the data, or null for the site's data alone. */
	saved: SavedLoads | null;
}

let opening: Promise<Session> | null = null;

/** Opens the session (once); `onStep` hears each loading step, for the progress message. */
export function openSession(base: string, onStep: (step: MessageKey) => void): Promise<Session> {
	opening ??= start(base, onStep).catch((e) => {
		opening = null; // a failed start can be retried
		throw e;
	});
	return opening;
}

async function start(base: string, onStep: (step: MessageKey) => void): Promise<Session> {
	const saved = await readSaved().catch(() => null);
	const useSite = saved?.base !== 'none';
	onStep('loadingManifest');
	const manifest = useSite ? await fetchManifest(base) : null;
	onStep('loadingEngine');
	const { BrowserEngine } = await import('../core/engine/browser');
	const inner: BrowserEngine = await BrowserEngine.start(manifest ? dataUrl(base, manifest.database) : null);
	const engine = new CachedEngine(inner);
	onStep('loadingData');
	let siteAsOf: string | null = null;
	if (manifest) [{ value: siteAsOf }] = await engine.query<{ value: string }>("SELECT value FROM province.dataset WHERE key = 'data_as_of'");
	if (saved) {
		onStep('loadingSaved');
		await restoreUserTables(inner, await savedBytes(saved));
		await assemble(inner, { base: saved.base, province: saved.province, cutoffDay: saved.cutoffDay, baseAsOf: siteAsOf });
		await buildAggregates(inner);
	} else if (!manifest) {
		// A site deployed without data: empty tables, so the data page can load the user's files.
		await resetUserTables(inner);
		await assemble(inner, { base: 'none', province: '', cutoffDay: DEFAULT_CUTOFF_DAY, baseAsOf: null });
	}
	onStep('loadingQuery');
	return describe(engine, saved?.base ?? (manifest ? 'sample' : 'none'), siteAsOf, saved);
}

async function describe(engine: CachedEngine, base: Base, siteAsOf: string | null, saved: SavedLoads | null): Promise<Session> {
	engine.clear();
	const [info, catalog] = await Promise.all([datasetInfo(engine), loadCatalog(engine)]);
	return { engine, info, catalog, base, siteAsOf, saved };
}

/** After a load changed the data in the engine: every page sees the new data from now on. */
export async function dataChanged(session: Session, base: Base, saved: SavedLoads | null): Promise<Session> {
	const next = describe(session.engine, base, session.siteAsOf, saved);
	opening = next;
	return next;
}

/**
 * The page's one engine session: DuckDB-WASM started once behind the query coordinator,
 * the data opened, the dataset's description and catalogue read. Every page of the site
 * shares it, so moving between pages does not start the engine again.
 *
 * The data is the site's database file, unless the user loaded files (/data): those are
 * kept in the browser (saved.ts) and assembled in memory again at every start, added to the
 * site's data or in its place. With the site's data alone, the first view's answers
 * (bundle.ts) seed the coordinator: the session is described, and the dashboard's default
 * view drawn, before the engine is up; `db.ready` tells when it is.
 */
import { DEFAULT_CUTOFF_DAY } from '../core/domain/periods';
import type { MessageKey } from '../core/i18n/messages';
import { assemble, buildAggregates, resetUserTables, restoreUserTables, type Base } from '../ingest/store';
import { loadCatalog, type Catalog } from '../core/engine/catalog';
import { Coordinator } from '../core/engine/coordinator';
import type { Engine } from '../core/engine/types';
import { fetchBundle } from './bundle';
import { readSaved, savedBytes, type SavedData, type SavedLoads } from './saved';
import { datasetInfo, dataUrl, fetchManifest, type DatasetInfo } from '../core/engine/source';

export interface Session {
	/** Every query and every change of data goes through it. */
	db: Coordinator;
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
	const bundle = manifest && !saved ? fetchBundle(base, manifest).catch(() => null) : null;
	onStep('loadingEngine');
	const engine = startEngine(manifest ? dataUrl(base, manifest.database) : null, saved, manifest?.dataAsOf ?? null, onStep);
	const db = new Coordinator(engine);
	const seed = await bundle;
	if (seed) db.seed(seed);
	else await db.ready;
	onStep('loadingQuery');
	return describe(db, saved?.base ?? (manifest ? 'sample' : 'none'), manifest?.dataAsOf ?? null, saved);
}

/** DuckDB-WASM with the site's file attached, and the user's loads assembled over it. */
async function startEngine(url: string | null, saved: SavedData | null, siteAsOf: string | null, onStep: (step: MessageKey) => void): Promise<Engine> {
	const { BrowserEngine } = await import('../core/engine/browser');
	const engine = await BrowserEngine.start(url);
	onStep('loadingData');
	if (saved) {
		onStep('loadingSaved');
		await restoreUserTables(engine, await savedBytes(saved));
		await assemble(engine, { base: saved.base, province: saved.province, cutoffDay: saved.cutoffDay, baseAsOf: siteAsOf });
		await buildAggregates(engine);
	} else if (!url) {
		// A site deployed without data: empty tables, so the data page can load the user's files.
		await resetUserTables(engine);
		await assemble(engine, { base: 'none', province: '', cutoffDay: DEFAULT_CUTOFF_DAY, baseAsOf: null });
	}
	return engine;
}

async function describe(db: Coordinator, base: Base, siteAsOf: string | null, saved: SavedLoads | null): Promise<Session> {
	const [info, catalog] = await Promise.all([datasetInfo(db), loadCatalog(db)]);
	return { db, info, catalog, base, siteAsOf, saved };
}

/** After a load changed the data in the engine: every page sees the new data from now on. */
export async function dataChanged(session: Session, base: Base, saved: SavedLoads | null): Promise<Session> {
	session.db.clear();
	const next = describe(session.db, base, session.siteAsOf, saved);
	opening = next;
	return next;
}

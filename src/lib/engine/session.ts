/**
 * The page's one engine: DuckDB-WASM started once, the database attached, the dataset's
 * description and catalogue read, and a query cache in front. Every page of the site shares
 * it, so moving between pages does not start the engine again.
 */
import type { MessageKey } from '../i18n/messages';
import { CachedEngine } from './cache';
import { loadCatalog, type Catalog } from './catalog';
import { datasetInfo, dataUrl, fetchManifest, type DatasetInfo } from './source';

export interface Session {
	engine: CachedEngine;
	info: DatasetInfo;
	catalog: Catalog;
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
	onStep('loadingManifest');
	const manifest = await fetchManifest(base);
	onStep('loadingEngine');
	const { BrowserEngine } = await import('./browser');
	const engine = new CachedEngine(await BrowserEngine.start(dataUrl(base, manifest.database)));
	onStep('loadingData');
	const [info, catalog] = await Promise.all([datasetInfo(engine), loadCatalog(engine)]);
	onStep('loadingQuery');
	return { engine, info, catalog };
}

/**
 * The dashboard's first view, computed when the site is built: the default view's figures
 * and what drawing them needs (the dataset's description and the names), as JSON beside the
 * database. The page draws them at once, before DuckDB-WASM has started and attached the
 * file (seconds, and more as the data grows); the engine then takes over. They come from
 * the same code on native DuckDB, so they are the figures the engine computes.
 */
import { loadCatalog, type AgencyEntry, type Catalog, type ProcedureEntry } from '../core/engine/catalog';
import { readSaved } from '../session/saved';
import { datasetInfo, dataUrl, fetchManifest, type DatasetInfo, type SourceManifest } from '../core/engine/source';
import type { Engine } from '../core/engine/types';
import { DEFAULT_VIEW, serializeView, type ViewState } from './view';
import { dashboardData, type Dashboard } from './dashboard';

export const FIRST_VIEW_FILE = 'first-view.json';

/** Which data the first view was computed from: it is used only with that very data. */
type Source = Pick<SourceManifest, 'database' | 'dataAsOf' | 'size'>;

export interface FirstViewFile {
	source: Source;
	info: Omit<DatasetInfo, 'aggregated'> & { aggregated: string[] };
	catalog: { agencies: AgencyEntry[]; procedures: ProcedureEntry[]; fields: string[] };
	dashboard: Dashboard;
}

export interface FirstView {
	info: DatasetInfo;
	catalog: Catalog;
	dashboard: Dashboard;
}

export async function computeFirstView(engine: Engine, manifest: Source): Promise<FirstViewFile> {
	const [info, catalog] = await Promise.all([datasetInfo(engine), loadCatalog(engine)]);
	return {
		source: { database: manifest.database, dataAsOf: manifest.dataAsOf, size: manifest.size },
		info: { ...info, aggregated: [...info.aggregated] },
		catalog: { agencies: [...catalog.agencies.values()], procedures: [...catalog.procedures.values()], fields: catalog.fields },
		dashboard: await dashboardData(engine, DEFAULT_VIEW, info)
	};
}

/** The first view for this data, or null when the file was computed from other data. */
export function readFirstView(file: FirstViewFile, manifest: Source): FirstView | null {
	const s = file.source;
	if (s.database !== manifest.database || s.dataAsOf !== manifest.dataAsOf || s.size !== manifest.size) return null;
	return {
		info: { ...file.info, aggregated: new Set(file.info.aggregated) },
		catalog: {
			agencies: new Map(file.catalog.agencies.map((a) => [a.id, a])),
			procedures: new Map(file.catalog.procedures.map((p) => [p.code, p])),
			fields: file.catalog.fields
		},
		dashboard: file.dashboard
	};
}

/** The first view answers only the default view (in either language). */
export function isFirstView(view: ViewState): boolean {
	return serializeView({ ...view, lang: DEFAULT_VIEW.lang }).toString() === '';
}

/**
 * In the browser: the site's first view, or null when there is none for its data, or when
 * the page will show the user's own loaded data instead of the site's.
 */
export async function loadFirstView(base: string): Promise<FirstView | null> {
	if (await readSaved().catch(() => null)) return null;
	const manifest = await fetchManifest(base);
	if (!manifest) return null;
	const res = await fetch(dataUrl(base, FIRST_VIEW_FILE), { cache: 'no-cache' });
	if (!res.ok) return null;
	return readFirstView((await res.json()) as FirstViewFile, manifest);
}

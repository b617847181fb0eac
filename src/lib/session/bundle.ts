/**
 * The first view's answers, computed when the site is built (dashboard/first-view.ts) and
 * kept beside the database as data/first-view.json: the queries that describe the dataset,
 * name its units and draw the dashboard's default view, with their rows. They seed the
 * coordinator's cache, so the page draws at once while DuckDB-WASM starts and attaches the
 * file (seconds, more as the data grows); every other query waits for the engine.
 */
import type { Bundle } from '../core/engine/coordinator';
import { dataUrl, type SourceManifest } from '../core/engine/source';

export const FIRST_VIEW_FILE = 'first-view.json';

/** Which data the answers came from: they are used only with that very data. */
export type BundleSource = Pick<SourceManifest, 'database' | 'dataAsOf' | 'size'>;

export interface FirstViewFile extends Bundle {
	source: BundleSource;
}

/** The bundle of this data, or null when the file was computed from other data. */
export function bundleFor(file: FirstViewFile, manifest: BundleSource): Bundle | null {
	const s = file.source;
	if (s.database !== manifest.database || s.dataAsOf !== manifest.dataAsOf || s.size !== manifest.size) return null;
	return { queries: file.queries };
}

/** In the browser: the site's first-view bundle, or null when there is none for its data. */
export async function fetchBundle(base: string, manifest: SourceManifest): Promise<Bundle | null> {
	const res = await fetch(dataUrl(base, FIRST_VIEW_FILE), { cache: 'no-cache' });
	if (!res.ok) return null;
	return bundleFor((await res.json()) as FirstViewFile, manifest);
}

/**
 * The dashboard's first view, computed when the site is built: the answers to every query
 * that describing the dataset, naming its units and drawing the default view asks
 * (session/bundle.ts). The same code asks them in the page, so the page finds them all.
 */
import { loadCatalog } from '../core/engine/catalog';
import { recording } from '../core/engine/coordinator';
import { datasetInfo } from '../core/engine/source';
import type { Querier } from '../core/engine/types';
import type { BundleSource, FirstViewFile } from '../session/bundle';
import { dashboardData } from './dashboard';
import { DEFAULT_VIEW } from './view';

export async function computeFirstView(engine: Querier, source: BundleSource): Promise<FirstViewFile> {
	const recorder = recording(engine);
	const [info] = await Promise.all([datasetInfo(recorder), loadCatalog(recorder)]);
	await dashboardData(recorder, DEFAULT_VIEW, info);
	return { source: { database: source.database, dataAsOf: source.dataAsOf, size: source.size }, ...recorder.bundle() };
}

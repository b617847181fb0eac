/**
 * Where the site's data comes from: data/manifest.json beside the pages names the DuckDB
 * file; the dataset table inside it says what the data is (province, last day covered).
 */
import { aggregatedPeriods } from './metrics';
import type { Engine } from './types';

export interface SourceManifest {
	province: string;
	database: string;
	size: number;
	dataAsOf: string;
}

export interface DatasetInfo {
	province: string;
	dataAsOf: string;
	/** The day the earliest dossier was received. */
	dataFrom: string;
	cutoffDay: number;
	dossiers: number;
	/** Keys of the periods the file holds pre-aggregated (domain/aggregates.ts). */
	aggregated: ReadonlySet<string>;
}

/** The absolute URL of a file in the site's data/ folder, from any page. */
export function dataUrl(base: string, file: string): string {
	return new URL(`${base}/data/${file}`, window.location.href).href;
}

/** The site's data manifest; null when the site is deployed without data (users load their own). */
export async function fetchManifest(base: string): Promise<SourceManifest | null> {
	const res = await fetch(dataUrl(base, 'manifest.json'), { cache: 'no-cache' });
	if (res.status === 404) return null;
	if (!res.ok) throw new Error(`data/manifest.json: HTTP ${res.status}`);
	return (await res.json()) as SourceManifest;
}

export async function datasetInfo(engine: Engine): Promise<DatasetInfo> {
	const rows = await engine.query<{ key: string; value: string }>('SELECT key, value FROM dataset');
	const kv = Object.fromEntries(rows.map((r) => [r.key, r.value]));
	const [{ n, first }] = await engine.query<{ n: number; first: string | null }>(
		"SELECT count(*)::DOUBLE AS n, strftime(min(received_at), '%Y-%m-%d') AS first FROM dossiers"
	);
	return {
		province: kv.province ?? '',
		dataAsOf: kv.data_as_of,
		dataFrom: first ?? kv.data_as_of,
		cutoffDay: Number(kv.cutoff_day ?? 15),
		dossiers: n,
		aggregated: await aggregatedPeriods(engine)
	};
}

/**
 * Where the site's data comes from: data/manifest.json beside the pages names the DuckDB
 * file; the dataset table inside it says what the data is (province, last day covered).
 */
import { addDays, type IsoDay } from '../domain/dates';
import { aggregatedPeriods, queryHolidays } from './metrics';
import type { Querier } from './types';
import { sqlTimestamp } from '../domain/sql';

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
	/** The province's days off (the `holidays` table; none when the file keeps no calendar): read once, every due-soon window counts by them. */
	holidays: readonly string[];
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

/**
 * How many dossiers, and the day the first was received: written into `dataset` by whoever
 * writes the data (`dossiers`, `data_from`), since counting them means reading a column of
 * every dossier (4 s at 10 million over HTTP range requests).
 */
export const dossierFactsSql = (table: string) => `SELECT count(*)::DOUBLE AS dossiers, strftime(min(received_at), '%Y-%m-%d') AS data_from FROM ${table}`;

/**
 * The last day of loaded data, which no one states: the last day anything happened to one of
 * its dossiers (received, resolved, withdrawn) up to `today`, or `floor` if later (the stated
 * last day of data it was added to), and never after today.
 */
export async function lastEventDay(engine: Querier, table: string, today: IsoDay, floor: IsoDay | null): Promise<IsoDay> {
	const [{ last }] = await engine.query<{ last: string | null }>(`SELECT
  strftime(max(greatest(received_at, coalesce(resolved_at, received_at), coalesce(withdrawn_at, received_at)))
    FILTER (WHERE received_at < ${sqlTimestamp(`${addDays(today, 1)} 00:00:00`)})::DATE, '%Y-%m-%d') AS last
FROM ${table}`);
	const asOf =
		[last, floor]
			.filter((d): d is string => !!d)
			.sort()
			.pop() ?? today;
	return asOf > today ? today : asOf;
}

export async function datasetInfo(engine: Querier): Promise<DatasetInfo> {
	const rows = await engine.query<{ key: string; value: string }>('SELECT key, value FROM dataset');
	const kv = Object.fromEntries(rows.map((r) => [r.key, r.value]));
	// A file written by another tool may lack them: counted then.
	const facts = kv.dossiers !== undefined ? { dossiers: Number(kv.dossiers), data_from: kv.data_from ?? null } : (await engine.query<{ dossiers: number; data_from: string | null }>(dossierFactsSql('dossiers')))[0];
	return {
		province: kv.province ?? '',
		dataAsOf: kv.data_as_of,
		dataFrom: facts.data_from ?? kv.data_as_of,
		cutoffDay: Number(kv.cutoff_day ?? 15),
		dossiers: facts.dossiers,
		aggregated: await aggregatedPeriods(engine),
		holidays: await queryHolidays(engine)
	};
}

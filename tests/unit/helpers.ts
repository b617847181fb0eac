/** Opens a fixture of tests/fixtures/<name>/ in a fresh in-memory native DuckDB. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NodeEngine } from '../../src/lib/core/engine/node';
import { loadCsvTables } from '../../scripts/sample/write-db';

/** The fixture's `dataset` facts: its last day is 31/3/2023 unless `dataAsOf` says otherwise. */
export async function openFixture(name: string, dataAsOf = '2023-03-31'): Promise<NodeEngine> {
	const dir = resolve('tests/fixtures', name);
	const engine = await NodeEngine.open();
	const successors = join(dir, 'agency_successors.csv');
	const holidays = join(dir, 'holidays.csv');
	await loadCsvTables(
		engine,
		{
			agencies: join(dir, 'agencies.csv'),
			agency_successors: existsSync(successors) ? successors : undefined,
			procedures: join(dir, 'procedures.csv'),
			dossiers: join(dir, 'dossiers.csv'),
			holidays: existsSync(holidays) ? holidays : undefined
		},
		{ province: 'Fixture', data_as_of: dataAsOf }
	);
	return engine;
}

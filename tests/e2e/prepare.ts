/** Writes the data the browser tests serve: the basic fixture as a database, and a small sample. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSample } from '../../scripts/generate';
import { writeDatabase } from '../../scripts/sample/write-db';
import { E2E_SERVERS, SAMPLE_END, SAMPLE_SIZE } from './servers';

const fixture = E2E_SERVERS.fixture.data;
mkdirSync(fixture, { recursive: true });
mkdirSync(E2E_SERVERS.missing.data, { recursive: true });
const dir = 'tests/fixtures/basic';
await writeDatabase(
	{ agencies: join(dir, 'agencies.csv'), procedures: join(dir, 'procedures.csv'), dossiers: join(dir, 'dossiers.csv') },
	{ province: 'Thử nghiệm', data_as_of: '2023-03-31', cutoff_day: '15', source: 'fixture' },
	join(fixture, 'province.duckdb')
);
writeFileSync(join(fixture, 'manifest.json'), JSON.stringify({ province: 'Thử nghiệm', database: 'province.duckdb', size: 22, dataAsOf: '2023-03-31' }));
await generateSample({ size: SAMPLE_SIZE, end: SAMPLE_END, out: E2E_SERVERS.sample.data });
console.log('Browser-test data written.');

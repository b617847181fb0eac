/** Writes the data the browser tests serve: the fixtures as databases, and a small sample. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSample } from '../../scripts/generate';
import { writeDatabase } from '../../scripts/sample/write-db';
import { E2E_SERVERS, SAMPLE_END, SAMPLE_SIZE } from './servers';

/** A fixture of tests/fixtures/<name> as the database and manifest a server reads. */
async function writeFixture(name: string, out: string) {
	mkdirSync(out, { recursive: true });
	const dir = join('tests/fixtures', name);
	await writeDatabase(
		{ agencies: join(dir, 'agencies.csv'), procedures: join(dir, 'procedures.csv'), dossiers: join(dir, 'dossiers.csv') },
		{ province: 'Thử nghiệm', data_as_of: '2023-03-31', cutoff_day: '15', source: 'fixture' },
		join(out, 'province.duckdb')
	);
	const size = readFileSync(join(dir, 'dossiers.csv'), 'utf8').trim().split('\n').length - 1;
	writeFileSync(join(out, 'manifest.json'), JSON.stringify({ province: 'Thử nghiệm', database: 'province.duckdb', size, dataAsOf: '2023-03-31' }));
}

await writeFixture('basic', E2E_SERVERS.fixture.data);
await writeFixture('report', E2E_SERVERS.report.data);
mkdirSync(E2E_SERVERS.missing.data, { recursive: true });
await generateSample({ size: SAMPLE_SIZE, end: SAMPLE_END, out: E2E_SERVERS.sample.data });
console.log('Browser-test data written.');

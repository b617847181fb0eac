/** A fixture of tests/fixtures/<name> as the database and manifest a test server reads. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeDatabase } from '../../scripts/sample/write-db';

/**
 * Writes the fixture, with `extraDossiers` (CSV lines) appended to its dossiers, into `out`,
 * its last day `dataAsOf`.
 * The files are written aside and moved in, so a page reading the folder meanwhile sees the
 * old data or the new, never half a file.
 */
export async function writeFixture(name: string, out: string, extraDossiers = '', dataAsOf = '2023-03-31') {
	mkdirSync(out, { recursive: true });
	const dir = join('tests/fixtures', name);
	// Beside `out`, on the same file system, so the files move in with a rename.
	const work = mkdtempSync(join(dirname(out), '.fixture-'));
	try {
		const dossiers = join(work, 'dossiers.csv');
		const csv = readFileSync(join(dir, 'dossiers.csv'), 'utf8').trimEnd() + '\n' + extraDossiers;
		writeFileSync(dossiers, csv);
		const holidays = join(dir, 'holidays.csv');
		await writeDatabase(
			{ agencies: join(dir, 'agencies.csv'), procedures: join(dir, 'procedures.csv'), dossiers, holidays: existsSync(holidays) ? holidays : undefined },
			{ province: 'Thử nghiệm', data_as_of: dataAsOf, cutoff_day: '15', source: 'fixture' },
			join(work, 'province.duckdb')
		);
		const size = csv.trim().split('\n').length - 1;
		writeFileSync(join(work, 'manifest.json'), JSON.stringify({ province: 'Thử nghiệm', database: 'province.duckdb', size, dataAsOf }));
		renameSync(join(work, 'province.duckdb'), join(out, 'province.duckdb'));
		renameSync(join(work, 'manifest.json'), join(out, 'manifest.json'));
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

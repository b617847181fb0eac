/**
 * Each run's log folder, DIR/logs/<run>/: the account (account.csv), the rejected rows and
 * the warnings (rejected.csv, warnings.csv), the quality counts by agency and month
 * (quality.csv), and the agency register's rejected rows (register-rejected.csv). The same
 * CSV files as the data page's downloads (src/lib/ingest/account-csv.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv } from '../../src/lib/core/export/csv';
import type { Locale } from '../../src/lib/core/format/format';
import { problemsCsv, qualityCsv } from '../../src/lib/ingest/account-csv';
import type { Problem, Tally } from '../../src/lib/ingest/tally';

export interface RunRecord {
	run: string;
	files: readonly string[];
	tally: Tally;
	registerRejected: readonly Problem[];
	/** The database the data is in after the run, and its size and last day. */
	database: string;
	dossiers: number;
	dataAsOf: string;
}

export function writeLog(dir: string, r: RunRecord, locale: Locale): string {
	mkdirSync(dir, { recursive: true });
	const { tally } = r;
	const account = toCsv(
		['run', 'files', 'read', 'new', 'updated', 'unchanged', 'rejected', 'warnings', 'database', 'dossiers', 'data_as_of'],
		[[r.run, r.files.join('; '), tally.rowsRead, tally.rowsNew, tally.rowsUpdated, tally.rowsUnchanged, tally.rowsRejected, tally.warnings.length, r.database, r.dossiers, r.dataAsOf]]
	);
	writeFileSync(join(dir, 'account.csv'), account);
	writeFileSync(join(dir, 'rejected.csv'), problemsCsv(locale, tally.rejected));
	writeFileSync(join(dir, 'warnings.csv'), problemsCsv(locale, tally.warnings));
	writeFileSync(join(dir, 'quality.csv'), qualityCsv(locale, tally.qualityCounts()));
	writeFileSync(join(dir, 'register-rejected.csv'), problemsCsv(locale, r.registerRejected));
	return dir;
}

/**
 * The account of a load as CSV files (BOM, formula-neutralised: export/csv.ts): the rejected
 * rows, the warnings and the quality counts by agency and month. The data page offers them
 * for download; `npm run ingest` writes them into each run's log folder. One writer, so both
 * give the same columns in the same words.
 */
import { toCsv } from '../core/export/csv';
import type { Locale } from '../core/format/format';
import { REASONS, t } from './messages';
import type { Problem, QualityCount, Reason } from './tally';

export const reasonText = (locale: Locale, r: Reason) => REASONS[locale][r];

/** Rejected rows or warnings: file, line, column, the value before (a correction's), the value, the reason as a code and in words. */
export function problemsCsv(locale: Locale, problems: readonly Problem[]): string {
	const header = [t(locale, 'colFile'), t(locale, 'colLine'), t(locale, 'colColumn'), t(locale, 'colPrevious'), t(locale, 'colValue'), 'code', t(locale, 'colReason')];
	return toCsv(
		header,
		problems.map((p) => [p.file, p.line, p.column, p.previous ?? '', p.value, p.reason, reasonText(locale, p.reason)])
	);
}

/** Every problem counted by agency, month received and reason. */
export function qualityCsv(locale: Locale, quality: readonly QualityCount[]): string {
	const header = [t(locale, 'agency'), t(locale, 'qualityByMonth'), 'code', t(locale, 'colReason'), t(locale, 'total')];
	return toCsv(
		header,
		quality.map((q) => [q.agency ?? '', q.month ?? '', q.reason, reasonText(locale, q.reason), q.count])
	);
}

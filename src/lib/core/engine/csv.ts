/** Rows as CSV the engines' own reader takes back (not for users: no formula guard). */

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** A value as the engine's CSV reader takes it back: no formula guard, empty = NULL. */
function engineCell(v: unknown): string {
	if (v === null || v === undefined) return '';
	if (typeof v !== 'string') return String(v); // numbers and flags never need quotes
	return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Rows as the CSV the engine reads: the header, then one line per row. */
export function engineCsv(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
	const lines = [columns.join(',')];
	for (const r of rows) lines.push(r.map(engineCell).join(','));
	return lines.join('\n') + '\n';
}

/**
 * CSV files that Excel opens with Vietnamese intact: UTF-8 with a byte-order mark, CRLF line
 * ends, every text cell quoted when it needs to be. A text cell starting with =, +, - or @
 * is prefixed with an apostrophe so that a spreadsheet never runs it as a formula.
 * Numbers are written plainly with a '.' decimal point, so they stay numbers everywhere.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	let text = String(value);
	if (FORMULA_START.test(text)) text = `'${text}`;
	return /[",\r\n;]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
	return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

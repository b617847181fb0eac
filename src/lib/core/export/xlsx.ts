/**
 * What every workbook of the site shares (ExcelJS, loaded only when a file is asked for):
 * the title rows above a table, the borders and the header's look, and the number formats,
 * so the report and the scorecard print their figures alike.
 */
import type { Row, Worksheet } from 'exceljs';

/** 1.237 and 0 as "–", as the seed reports print an empty cell. */
export const COUNT_FORMAT = '#,##0;-#,##0;"–"';
export const RATE_FORMAT = '0.0%';
export const POINTS_FORMAT = '0.00';
export const DASH = '–';

const thin = { style: 'thin' as const };
export const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

export async function newWorkbook() {
	const { default: ExcelJS } = await import('exceljs');
	const book = new ExcelJS.Workbook();
	book.created = new Date();
	return book;
}

/** Title lines merged over `span` columns: the first (the province) left, the others centred, the first two bold; an empty row after. */
export function addTitle(sheet: Worksheet, lines: readonly string[], span: number): void {
	for (const [i, text] of lines.entries()) {
		const row = sheet.addRow([text]);
		sheet.mergeCells(row.number, 1, row.number, span);
		row.getCell(1).font = { bold: i <= 1, size: i === 1 ? 14 : 11 };
		row.getCell(1).alignment = { horizontal: i === 0 ? 'left' : 'center' };
	}
	sheet.addRow([]);
}

/** A header row's cells: bold, centred, wrapped, bordered, shaded. */
export function styleHeader(row: Row, width: number): void {
	for (let c = 1; c <= width; c++) {
		const cell = row.getCell(c);
		cell.font = { bold: true };
		cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
		cell.border = BORDER;
		cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF6' } };
	}
}

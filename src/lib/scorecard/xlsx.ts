/**
 * The scorecard as an Excel workbook: its title rows, then the table every file writes
 * (model.ts scorecardTable), points with two decimals and ratios as percentages, on A4
 * landscape with the header on every page.
 */
import { BORDER, DASH, POINTS_FORMAT, RATE_FORMAT, addTitle, newWorkbook, styleHeader } from '../core/export/xlsx';
import type { scorecardTable } from './model';

export interface ScorecardTitle {
	/** "Tỉnh Quảng Ngãi" */
	province: string;
	/** The title, the period, the data's last day. */
	lines: string[];
	sheet: string;
}

export async function scorecardWorkbook(table: ReturnType<typeof scorecardTable>, title: ScorecardTitle): Promise<ArrayBuffer> {
	const book = await newWorkbook();
	const sheet = book.addWorksheet(title.sheet, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
	const width = table.header.length;
	addTitle(sheet, [title.province, ...title.lines], width);
	const head = sheet.addRow(table.header);
	styleHeader(head, width);
	head.height = 45;
	sheet.pageSetup.printTitlesRow = `${head.number}:${head.number}`;
	for (const values of table.rows) {
		const row = sheet.addRow(values.map((v) => v ?? DASH));
		row.eachCell({ includeEmpty: true }, (cell, c) => {
			cell.border = BORDER;
			const kind = table.kinds[c - 1];
			if (typeof cell.value === 'number') cell.numFmt = kind === 'rate' ? RATE_FORMAT : POINTS_FORMAT;
			if (kind !== 'text') cell.alignment = { horizontal: 'right' };
		});
	}
	sheet.getColumn(1).width = 6;
	sheet.getColumn(2).width = 34;
	for (let c = 3; c <= width; c++) sheet.getColumn(c).width = 11;
	return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}

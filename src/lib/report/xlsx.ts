/**
 * The report as an Excel workbook (ExcelJS, loaded only when asked for): the form on the
 * first sheet with its title rows, its two-row header in merged cells, numbers as numbers
 * and rates as percentages, set to print on A4 landscape with the header on every page;
 * the annex of late dossiers on the second sheet.
 */
import { BORDER as border, COUNT_FORMAT, DASH, RATE_FORMAT, addTitle as titled, newWorkbook, styleHeader } from '../core/export/xlsx';
import type { Locale } from '../core/format/format';
import { t } from './messages';
import type { AnnexGroup, Report } from './data';
import { annexHeader, annexLines, rowFigures, type ReportLayout } from './table';

export interface WorkbookTitle {
	/** "Tỉnh Quảng Ngãi" */
	province: string;
	/** The lines under the title: the period, the date of issue, the data's last day. */
	lines: string[];
	locale: Locale;
	compare: boolean;
}

export async function reportWorkbook(report: Report, annexGroups: readonly AnnexGroup[], layout: ReportLayout, title: WorkbookTitle): Promise<ArrayBuffer> {
	const book = await newWorkbook();
	const { locale } = title;
	const width = 2 + layout.columns.length;

	const form = book.addWorksheet(t(locale, 'sheetForm'), {
		pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 } }
	});
	titled(form, [title.province, t(locale, 'reportTitle').toUpperCase(), t(locale, 'reportForm'), ...title.lines], width);

	// The two-row header: the leading columns and lone ones over both rows, groups over their columns.
	const top = form.addRow([]).number;
	const bottom = form.addRow([]).number;
	layout.leading.forEach((label, i) => {
		form.getCell(top, i + 1).value = label;
		form.mergeCells(top, i + 1, bottom, i + 1);
	});
	let col = 3;
	for (const g of layout.groups) {
		form.getCell(top, col).value = g.label;
		if (g.rows === 2) form.mergeCells(top, col, bottom, col);
		else {
			form.mergeCells(top, col, top, col + g.span - 1);
			for (let i = 0; i < g.span; i++) form.getCell(bottom, col + i).value = layout.columns[col - 3 + i].label;
		}
		col += g.span;
	}
	for (const r of [top, bottom]) styleHeader(form.getRow(r), width);
	form.getRow(bottom).height = 45;
	form.pageSetup.printTitlesRow = `${top}:${bottom}`;

	for (const fr of report.rows) {
		const figures = rowFigures(fr, title.compare);
		const row = form.addRow([fr.number, fr.label, ...figures.map((v) => v ?? DASH)]);
		row.eachCell({ includeEmpty: true }, (cell, c) => {
			cell.border = border;
			if (fr.kind !== 'item') cell.font = { bold: true };
			if (c <= 2) return;
			const kind = layout.columns[c - 3].kind;
			if (typeof cell.value === 'number') cell.numFmt = kind === 'rate' ? RATE_FORMAT : COUNT_FORMAT;
			cell.alignment = { horizontal: 'right' };
		});
	}
	form.getColumn(1).width = 6;
	form.getColumn(2).width = 34;
	for (let c = 3; c <= width; c++) form.getColumn(c).width = layout.columns[c - 3].kind === 'rate' ? 10 : 9;
	form.addRow([]);
	const note = form.addRow([t(locale, 'reportNote')]);
	form.mergeCells(note.number, 1, note.number, width);

	const annex = book.addWorksheet(t(locale, 'sheetAnnex'), { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
	const head = annexHeader(locale);
	titled(annex, [title.province, t(locale, 'annexTitle').toUpperCase(), ...title.lines], head.length);
	const headRow = annex.addRow(head);
	headRow.eachCell((cell) => {
		cell.font = { bold: true };
		cell.border = border;
		cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
	});
	annex.pageSetup.printTitlesRow = `${headRow.number}:${headRow.number}`;
	for (const line of annexLines(annexGroups, locale)) annex.addRow(line).eachCell((cell) => (cell.border = border));
	[6, 30, 16, 12, 18, 20, 10, 12].forEach((w, i) => (annex.getColumn(i + 1).width = w));

	return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}

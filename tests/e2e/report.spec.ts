/**
 * The report page (Biểu 06) in Debian's Chromium on the `report` fixture: the form, the
 * comparison and the annex on screen, in the Excel workbook and in the CSV equal the
 * figures worked out by hand in tests/fixtures/report/expected.ts. Also: the options in
 * the address, print to an A4 landscape PDF, and the sample province's identities.
 */
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { BY_AGENCY, BY_FIELD, LATE_ANNEX, PREVIOUS_BY_AGENCY, type ExpectedRow } from '../fixtures/report/expected';
import { downloaded, navigate, reportView, settled, shot } from './helpers';
import { siteUrl } from './servers';

const QUARTER = '/report?period=r15-quarter-2023-1';

/** How the form prints a figure, written out here rather than taken from the page's code: 1.237; 66,7%; a dash for zero or nothing. */
function printed(v: number | null, rate: boolean): string {
	if (v === null) return '–';
	if (rate) return `${(v * 100).toFixed(1).replace('.', ',')}%`;
	return v === 0 ? '–' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
const printedRow = (e: ExpectedRow) => (e.figures ?? Array(14).fill(null)).map((v, i) => printed(v, i === 13));

/** Opens a report and waits for the form, then for the annex, which follows it. */
async function open(page: Page, path: string) {
	await page.goto(siteUrl('report', path));
	await settled(page, reportView);
	await expect(page.locator('article.annex')).toHaveAttribute('data-ready', 'true');
}
const formRows = (page: Page) => page.getByTestId('report-form').locator('tbody tr');

test('the form by agency and by field equals the one worked out by hand', async ({ page }) => {
	await open(page, QUARTER);
	await expect(page.locator('.heading')).toContainText('Kỳ báo cáo: Quý I/2023, từ ngày 15/12/2022 đến ngày 14/3/2023');
	await expect(page.locator('.heading')).toContainText('Số liệu đến hết ngày 31/3/2023');
	await expect(formRows(page).locator('th')).toHaveText(BY_AGENCY.map((e) => e.label));
	for (const [i, e] of BY_AGENCY.entries()) await expect(formRows(page).nth(i).locator('td.n')).toHaveText(printedRow(e));
	await expect(formRows(page).locator('td.no')).toHaveText(['I', '1', '2', '3', 'II', '1', '2', 'III', '1', '2', '']);
	await expect(page.getByTestId('identities')).toContainText('Mọi dòng thỏa các đẳng thức');
	// The two-row header: groups over their columns, lone columns over both rows.
	await expect(page.getByTestId('report-form').locator('thead tr').first().locator('th')).toHaveText([
		'STT',
		'Tên cơ quan',
		'Số hồ sơ tiếp nhận',
		'Số hồ sơ đã giải quyết',
		'Rút hồ sơ',
		'Số hồ sơ đang giải quyết',
		'Tỷ lệ đúng hạn'
	]);

	await navigate(page, () => page.getByLabel('Lĩnh vực trong từng cấp').check(), reportView);
	expect(new URL(page.url()).searchParams.get('group')).toBe('field');
	await expect(formRows(page).locator('th')).toHaveText(BY_FIELD.map((e) => e.label));
	for (const [i, e] of BY_FIELD.entries()) await expect(formRows(page).nth(i).locator('td.n')).toHaveText(printedRow(e));
});

test('the comparison columns and the annex of late dossiers equal the hand-computed ones', async ({ page }) => {
	await open(page, `${QUARTER}&compare=1`);
	for (const [i, e] of BY_AGENCY.entries()) {
		const prev = PREVIOUS_BY_AGENCY[e.label];
		// Quarter I 2022 holds no dossier: dashes.
		await expect(formRows(page).nth(i).locator('td.n').nth(14)).toHaveText(printed(prev?.received ?? null, false));
		await expect(formRows(page).nth(i).locator('td.n').nth(15)).toHaveText(printed(prev ? prev.onTimeRate : null, true));
		await expect(formRows(page).nth(i).locator('td.n').nth(16)).toHaveText('–');
	}
	await expect(page.getByTestId('report-form').locator('thead')).toContainText('Kỳ trước (Quý IV/2022)');
	await expect(page.getByTestId('report-form').locator('thead')).toContainText('Cùng kỳ năm trước (Quý I/2022)');

	const annex = page.getByTestId('annex');
	// A short annex opens whole; each agency says how many are overdue and how many were resolved late.
	await expect(annex.locator('tr.agency th')).toHaveText([
		/Sở TN&MT \(1\)\s*1 đang quá hạn · 0 giải quyết quá hạn/,
		/Sở Tư pháp \(2\)\s*0 đang quá hạn · 2 giải quyết quá hạn/,
		/UBND huyện Đức Phổ \(1\)\s*0 đang quá hạn · 1 giải quyết quá hạn/,
		/UBND huyện Mộ Đức \(2\)\s*1 đang quá hạn · 1 giải quyết quá hạn/,
		/UBND xã Đức Lân \(1\)\s*0 đang quá hạn · 1 giải quyết quá hạn/,
		/UBND xã Phổ An \(1\)\s*1 đang quá hạn · 0 giải quyết quá hạn/
	]);
	const rows = annex.locator('tr[data-id]');
	await expect(rows).toHaveCount(LATE_ANNEX.length);
	for (const [i, d] of LATE_ANNEX.entries()) {
		await expect(rows.nth(i).locator('td')).toHaveText([String(i + 1), d.id, d.procedure, d.due, d.overdue ? 'Đang quá hạn' : 'Giải quyết quá hạn', String(d.daysLate), d.apology ? 'Có' : 'Không']);
	}
	// An agency folds and opens again.
	await annex.getByRole('button', { name: /Sở Tư pháp/ }).click();
	await expect(rows).toHaveCount(LATE_ANNEX.length - 2);
	await annex.getByRole('button', { name: /Sở Tư pháp/ }).click();
	await expect(annex.locator('tbody[data-agency="P1"] tr[data-id]')).toHaveText([/R03/, /R05/]);
});

test('the Excel workbook and the CSV hold the figures of the screen', async ({ page }) => {
	await open(page, `${QUARTER}&compare=1`);
	const xlsx = await downloaded(page, () => page.getByRole('button', { name: 'Tải Excel (.xlsx)' }).click());
	expect(xlsx.name).toBe('bieu-06-quy-i-2023.xlsx');
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(new Uint8Array(xlsx.bytes).buffer);
	expect(book.worksheets.map((s) => s.name)).toEqual(['Biểu 06', 'Phụ lục']);
	const form = book.worksheets[0];
	expect(form.getCell('A1').value).toBe('Tỉnh Thử nghiệm');
	expect(form.getCell('A2').value).toBe('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
	expect(form.getCell('A4').value).toBe('Kỳ báo cáo: Quý I/2023, từ ngày 15/12/2022 đến ngày 14/3/2023');
	expect(form.getCell('A6').value).toMatch(/^Theo đơn vị lúc tiếp nhận: /);
	// The header: rows 8 and 9, merged as the form has it.
	expect(form.getCell('C8').value).toBe('Số hồ sơ tiếp nhận');
	expect(form.getCell('C9').value).toBe('Tổng số');
	const merges = (form.model as unknown as { merges: string[] }).merges;
	for (const m of ['A8:A9', 'B8:B9', 'C8:G8', 'H8:K8', 'L8:L9', 'M8:O8', 'P8:P9', 'Q8:R8', 'S8:T8']) expect(merges).toContain(m);
	expect(form.pageSetup.orientation).toBe('landscape');
	expect(form.pageSetup.paperSize).toBe(9); // A4
	for (const [i, e] of BY_AGENCY.entries()) {
		const row = form.getRow(10 + i);
		expect(row.getCell(2).value).toBe(e.label);
		const want = e.figures ? e.figures.map((v) => v ?? '–') : Array(14).fill('–');
		const got = Array.from({ length: 14 }, (_, c) => row.getCell(3 + c).value);
		expect(got.map((v, c) => (typeof v === 'number' && c === 13 ? Number(v.toFixed(6)) : v))).toEqual(want.map((v, c) => (typeof v === 'number' && c === 13 ? Number(v.toFixed(6)) : v)));
		if (e.figures?.[13] != null) expect(row.getCell(16).numFmt).toBe('0.0%');
		if (e.figures) expect(row.getCell(3).numFmt).toBe('#,##0;-#,##0;"–"');
		const prev = PREVIOUS_BY_AGENCY[e.label];
		expect(row.getCell(17).value).toBe(prev?.received ?? '–');
	}
	const annex = book.worksheets[1];
	const ids: string[] = [];
	annex.eachRow((row) => {
		if (/^R\d\d$/.test(String(row.getCell(3).value))) ids.push(`${row.getCell(3).value} ${row.getCell(7).value}`);
	});
	expect(ids).toEqual(LATE_ANNEX.map((d) => `${d.id} ${d.daysLate}`));

	const csv = await downloaded(page, () => page.getByRole('button', { name: 'Tải CSV' }).first().click());
	expect(csv.name).toBe('bieu-06-quy-i-2023.csv');
	const text = csv.bytes.toString('utf8');
	expect(text.startsWith('\uFEFF')).toBe(true);
	const lines = text.slice(1).trimEnd().split('\r\n');
	expect(lines[0].split(',').slice(0, 4)).toEqual(['STT', 'Tên cơ quan', 'Số hồ sơ tiếp nhận: Tổng số', 'Số hồ sơ tiếp nhận: Trực tuyến']);
	for (const [i, e] of BY_AGENCY.entries()) {
		const cells = lines[1 + i].split(',');
		expect(cells[1]).toBe(e.label);
		const want = (e.figures ?? Array(14).fill(null)).map((v, c) => (v === null ? '' : c === 13 ? String(Math.round(v * 10000) / 100) : String(v)));
		expect(cells.slice(2, 16)).toEqual(want);
	}
});

test('the options live in the address: reload and back restore the report', async ({ page }) => {
	await open(page, QUARTER);
	await navigate(page, () => page.getByLabel('Cấp tỉnh').uncheck(), reportView);
	expect(new URL(page.url()).searchParams.get('levels')).toBe('district,commune');
	await expect(formRows(page).locator('th')).toHaveText(['Cấp huyện', 'UBND huyện Đức Phổ', 'UBND huyện Mộ Đức', 'Cấp xã', 'UBND xã Đức Lân', 'UBND xã Phổ An', 'Tổng cộng']);
	// District + commune: 8 + 8 received.
	await expect(formRows(page).last().locator('td.n').first()).toHaveText('16');
	await navigate(page, () => page.locator('select[name=span]').selectOption('month'), reportView);
	expect(new URL(page.url()).searchParams.get('period')).toBe('r15-month-2023-3');
	await page.reload();
	await settled(page, reportView);
	await expect(page.getByLabel('Cấp tỉnh')).not.toBeChecked();
	await expect(page.locator('.heading')).toContainText('Tháng 3/2023, từ ngày 15/2/2023 đến ngày 14/3/2023');
	await page.goBack();
	await settled(page, reportView);
	await expect(page.locator('.heading')).toContainText('Quý I/2023');
	// The cut-off day is a setting: the 20th gives quarter I as 20/12/2022 – 19/3/2023.
	await navigate(page, () => page.locator('select[name=cutoff]').selectOption('20'), reportView);
	expect(new URL(page.url()).searchParams.get('period')).toBe('r20-quarter-2023-1');
	await expect(page.locator('.heading')).toContainText('từ ngày 20/12/2022 đến ngày 19/3/2023');
	// No level at all: the page asks for one instead of an empty form.
	await navigate(page, () => page.getByLabel('Cấp huyện').uncheck(), reportView);
	await navigate(page, () => page.getByLabel('Cấp xã').uncheck(), reportView);
	await expect(page.getByTestId('empty')).toHaveText('Hãy chọn ít nhất một cấp.');
});

test('prints on A4 landscape, and is saved as screenshots and a PDF', async ({ page }) => {
	await open(page, `${QUARTER}&compare=1`);
	await shot(page, 'report-1920x1080');
	mkdirSync('tests/.out', { recursive: true });
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('form.options')).toBeHidden();
	const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
	writeFileSync('tests/.out/report-quarter-1-2023.pdf', pdf);
	const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
	expect(boxes.length).toBeGreaterThan(0);
	// A4 landscape: 297 × 210 mm = 841,9 × 595,3 points.
	for (const [w, h] of boxes) {
		expect(Math.abs(w - 841.9)).toBeLessThan(2);
		expect(Math.abs(h - 595.3)).toBeLessThan(2);
	}
	await page.emulateMedia({ media: 'screen' });
	await page.setViewportSize({ width: 375, height: 812 });
	await shot(page, 'report-375x812');
});

test('the sample province: every row of the year’s report keeps the identities, in English too', async ({ page }) => {
	await page.setViewportSize({ width: 3840, height: 2160 });
	await page.goto(siteUrl('sample', '/report?period=r15-year-2025-1&group=field&lang=en'));
	await settled(page, reportView);
	await expect(page.locator('article.annex')).toHaveAttribute('data-ready', 'true');
	await expect(page.getByTestId('identities')).toContainText('Every row keeps the form’s identities');
	await expect(page.getByTestId('report-form').locator('thead')).toContainText('Dossiers received');
	await expect(formRows(page).last().locator('th')).toHaveText('Total');
	await shot(page, 'report-sample-year-3840x2160');
	// A long form runs over several A4 pages, each with the form's header (looked at in report-sample-year.pdf).
	await page.emulateMedia({ media: 'print' });
	const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
	writeFileSync('tests/.out/report-sample-year.pdf', pdf);
	expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)!.length).toBeGreaterThan(2);
});

/**
 * The Decision 766 scorecard in Debian's Chromium on the `report` fixture: a unit's points
 * equal those worked out by hand below, a click opens its indicators and another reaches its
 * dossiers in the dashboard, the CSV holds the same figures; screenshots at 1920×1080 and
 * 375×812.
 *
 * By hand, Sở Tư pháp (P1) in quarter I 2023 (15/12/2022 – 14/3/2023), from
 * tests/fixtures/report/dossiers.csv: R02 early, R04 on time, R03 R05 late, R06 R07 in
 * progress and not yet due; online R03 R04 R06 of the six received; no fee, nothing digitised,
 * no electronic result, no rating.
 *   2.1 (1 + 1 + 2) / (4 + 2) = 66,7%  → 20 × 4/6 = 13,33 (6,67 lost)
 *   3.3 3/6 = 50%                      → 6
 *   3.6 no dossier with a fee          → — (not in the points possible)
 *   4.1 0/4 → 0; 4.2 0/6 → 0
 *   5.4 1 − 2 late / 6 = 66,7%         → 6 × (4/6) / 0,9 = 4,44
 *   total 13,33 + 6 + 0 + 0 + 4,44 = 23,78 / 42; the most lost on 2.1 (6,67)
 * The quarter before (15/9 – 14/12/2022): R01 early; R02 in progress, due 20/12: not yet due;
 * R03 received 14/12 16:00, due 17:00, open: overdue; online R03.
 *   2.1 (1 + 1) / (1 + 2) → 13,33; 3.3 1/3 → 6 × (1/3) / 0,5 = 4; 3.6 —; 4.1 0; 4.2 0;
 *   5.4 1 − 1 overdue / 3 → 4,44; total 21,78: a change of +2,00
 */
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { parseScorecard, serializeScorecard } from '../../src/lib/scorecard/address';
import { downloaded, navigate, settled, shot } from './helpers';
import { siteUrl } from './servers';

const scorecardView = (p: URLSearchParams) => serializeScorecard(parseScorecard(p)).toString();
const QUARTER = '/scorecard?period=r15-quarter-2023-1';

test('a unit’s points equal those worked out by hand; a click opens its indicators, another its dossiers', async ({ page }) => {
	await page.goto(siteUrl('report', QUARTER));
	await settled(page, scorecardView);
	const ranking = page.getByTestId('scorecard-ranking');
	const p1 = ranking.locator('tbody tr', { has: page.getByRole('link', { name: 'Sở Tư pháp' }) });
	await expect(p1.locator('td.score')).toHaveText('23,78 / 42');
	await expect(p1.locator('td.loss')).toHaveText('2.1 · −6,67 điểm');
	await expect(p1.locator('td.change')).toHaveText('+2,00');
	await expect(page.getByTestId('scorecard-detail').locator('h2')).toHaveText('Các chỉ số: Tất cả đơn vị đã chọn');

	await navigate(page, () => p1.getByRole('link', { name: 'Sở Tư pháp' }).click(), scorecardView);
	expect(new URL(page.url()).searchParams.get('unit')).toBe('P1');
	const detail = page.getByTestId('scorecard-detail');
	await expect(detail.locator('h2')).toHaveText('Các chỉ số: Sở Tư pháp');
	await expect(detail.getByTestId('score')).toHaveText('23,78 / 42 điểm tính được');
	const row = (id: string) => detail.locator(`tr[data-indicator="${id}"] td`);
	await expect(row('2.1')).toHaveText(['13,33 / 20', '6,67', '66,7%', '6', '100%', '13,33', 'Hồ sơ, quá hạn trước']);
	await expect(row('3.6')).toHaveText(['— / 6', '—', '—', 'không có hồ sơ', '100%', '—', '']);
	await expect(row('5.4')).toHaveText(['4,44 / 6', '1,56', '66,7%', '6', '90%', '4,44', 'Hồ sơ, quá hạn trước']);
	await expect(detail.locator('tr.missing th')).toHaveText(['Công khai, minh bạch', 'Dịch vụ công trực tuyến và thanh toán trực tuyến', 'Số hóa hồ sơ', 'Mức độ hài lòng']);

	mkdirSync('tests/.out/screenshots', { recursive: true });
	await page.setViewportSize({ width: 1920, height: 1080 });
	await shot(page, 'scorecard-1920');
	await page.setViewportSize({ width: 375, height: 812 });
	await shot(page, 'scorecard-375');
	await page.setViewportSize({ width: 1280, height: 800 });

	// The dossiers behind 2.1: the unit's list in the dashboard, overdue and late first.
	await expect(detail.locator('tr[data-indicator="4.1"] a')).toHaveText('Mọi hồ sơ (chưa lọc được)');
	await detail.locator('tr[data-indicator="2.1"]').getByRole('link', { name: 'Hồ sơ, quá hạn trước' }).click();
	await settled(page);
	const url = new URL(page.url());
	expect(url.pathname).toBe('/');
	expect(Object.fromEntries(url.searchParams)).toMatchObject({ period: 'r15-quarter-2023-1', level: 'province', agency: 'P1', view: 'dossiers' });
	await expect(page.getByTestId('dossiers').locator('tbody tr')).toHaveCount(6); // R02–R07
});

test('the CSV and the Excel workbook hold the points on screen', async ({ page }) => {
	await page.goto(siteUrl('report', QUARTER));
	await settled(page, scorecardView);
	const csv = await downloaded(page, () => page.getByRole('button', { name: 'Tải CSV' }).click());
	expect(csv.name).toBe('chi-so-766-quy-i-2023.csv');
	const lines = csv.bytes.toString('utf8').replace('\uFEFF', '').split('\r\n');
	// Rank, unit, level, points, possible, share, previous, then each indicator's ratio (%) and points.
	const p1 = lines.find((l) => l.includes(',Sở Tư pháp,'))!;
	expect(p1.split(',').slice(1)).toEqual(['Sở Tư pháp', 'Cấp tỉnh', '23.78', '42', '56.61', '21.78', '66.67', '13.33', '50', '6', '', '', '0', '0', '0', '0', '66.67', '4.44']);

	const xlsx = await downloaded(page, () => page.getByRole('button', { name: 'Tải Excel (.xlsx)' }).click());
	expect(xlsx.name).toBe('chi-so-766-quy-i-2023.xlsx');
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(new Uint8Array(xlsx.bytes).buffer);
	const sheet = book.worksheets[0];
	expect(sheet.name).toBe('Chỉ số 766');
	expect(sheet.getCell('A1').value).toBe('Tỉnh Thử nghiệm');
	expect(sheet.getCell('A2').value).toBe('CHỈ SỐ CHẤT LƯỢNG PHỤC VỤ THEO QUYẾT ĐỊNH 766/QĐ-TTG');
	expect(sheet.getCell('A3').value).toBe('Kỳ: Quý I/2023, từ ngày 15/12/2022 đến ngày 14/3/2023 · so với kỳ trước: Quý IV/2022');
	expect(sheet.getCell('A5').value).toMatch(/^Theo đơn vị lúc tiếp nhận: /);
	expect(sheet.getCell('B7').value).toBe('Đơn vị');
	const r = sheet.getColumn(2).values.indexOf('Sở Tư pháp');
	const row = sheet.getRow(r);
	// Points with two decimals as numbers; ratios as fractions shown in per cent.
	expect([row.getCell(4).value, row.getCell(5).value, row.getCell(9).value, row.getCell(11).value]).toEqual([23.78, 42, 13.33, 6]);
	expect(row.getCell(8).value).toBeCloseTo(4 / 6, 12);
	expect(row.getCell(8).numFmt).toBe('0.0%');
	expect(row.getCell(4).numFmt).toBe('0.00');
	expect(row.getCell(12).value).toBe('–'); // 3.6: no dossier with a fee

	// The page in English says the same in English.
	await navigate(page, () => page.getByRole('link', { name: 'English' }).click(), scorecardView);
	await expect(page.getByTestId('scorecard-detail').getByTestId('score')).toHaveText(/^[\d.,]+ \/ 4\d computable points$/);
	await expect(
		page
			.getByTestId('scorecard-ranking')
			.locator('tbody tr', { has: page.getByRole('link', { name: 'Sở Tư pháp' }) })
			.locator('td.score')
	).toHaveText('23.78 / 42');
});

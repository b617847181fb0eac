/**
 * The data page (/data) in Debian's Chromium: every file of tests/fixtures/ingest loaded
 * through the page's own file input, with the counts, reasons and figures written in
 * tests/fixtures/ingest/expected.ts; the report on loaded data; saving across a reload;
 * and no request leaving the page's origin while files load.
 */
import { expect, test, type Page } from '@playwright/test';
import { closeSync, mkdtempSync, openSync, readFileSync, writeSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ACCOUNTS, BAD_FILES, BAD_ROWS, GOOD_FILES, HEADER_LINES, MARCH_2025 } from '../fixtures/ingest/expected';
import { APRIL_2025, CORRECTIONS, UPDATE_ACCOUNTS } from '../fixtures/updates/expected';
import { applyMappingFile } from '../../src/lib/ingest/mapping-file';
import { downloaded, reportView, settled, shot } from './helpers';
import { siteUrl } from './servers';

const FIXTURES = 'tests/fixtures/ingest';
/** The reasons as the page words them in Vietnamese, written out here. */
const REASON_VI: Record<string, string> = {
	empty_file: 'tệp rỗng.',
	no_rows: 'tệp chỉ có dòng tiêu đề, không có hồ sơ nào.',
	binary_file: 'đây không phải tệp văn bản, Excel, Parquet hay JSON (nội dung nhị phân). Có thể tệp bị đổi đuôi.',
	bad_xlsx: 'tệp Excel bị hỏng hoặc không trọn vẹn (có thể tải về chưa xong).',
	no_header:
		'không tìm thấy dòng tiêu đề: không dòng nào trong 30 dòng đầu có từ hai ô có giá trị trở lên (tệp chỉ có tiêu đề, hoặc không phải một bảng). Hãy mở tệp, kiểm tra rằng có một dòng tên cột và các dòng hồ sơ bên dưới, rồi lưu lại dưới dạng .xlsx hoặc CSV.',
	json_no_records: 'tệp JSON không chứa danh sách hồ sơ (cần một mảng các bản ghi, hoặc một đối tượng chứa mảng đó). Có thể đây là thông báo lỗi của phần mềm thay cho dữ liệu: hãy xuất lại tệp.',
	// json-damaged.json is damaged at its last line.
	bad_json: `nội dung JSON bị hỏng ở dòng ${readFileSync(join(FIXTURES, 'json-damaged.json'), 'utf8').split('\n').length}, có thể tệp chưa tải về xong. Hãy xuất lại tệp từ phần mềm, hoặc xuất ra CSV hay .xlsx.`,
	bad_parquet: 'tệp Parquet bị hỏng hoặc không trọn vẹn.'
};

async function openData(page: Page) {
	await page.goto(siteUrl('fixture', '/data'));
	await expect(page.getByTestId('data-now')).toContainText('hồ sơ', { timeout: 45_000 });
}

async function choose(page: Page, ...names: string[]) {
	await page.getByTestId('file-input').setInputFiles(names.map((n) => (n.startsWith('/') ? n : join(FIXTURES, n))));
	await expect(page.getByTestId('file')).toHaveCount(names.length);
}

async function loadChosen(page: Page, mode: 'replace' | 'add' = 'replace') {
	await page.locator(`input[name=mode][value=${mode}]`).check();
	await page.getByTestId('load').click();
	await expect(page.getByTestId('outcome')).toBeVisible({ timeout: 45_000 });
	// A load that changed the data is then kept in the browser; tests that reload wait for it, as the page asks.
	if ((await page.getByTestId('outcome').getAttribute('data-kind')) === 'done') await expect(page.getByTestId('finishing')).toHaveAttribute('data-state', 'saved');
}

const count = (page: Page, which: string) => page.locator(`[data-count=${which}]`);
/** A row of the printed form: rates with one decimal, zero counts as a dash. */
const printed = (v: number | null, rate: boolean) => (v === null ? '–' : rate ? `${(v * 100).toFixed(1).replace('.', ',')}%` : v === 0 ? '–' : String(v));
const figures = (w: Readonly<Record<string, number | null>>) => Object.values(w).map((v, i) => printed(v, i === 13));

test.describe('every good file loads the eight dossiers', () => {
	for (const [name, want] of Object.entries(GOOD_FILES)) {
		test(name, async ({ page }) => {
			await openData(page);
			await choose(page, name);
			const file = page.getByTestId('file');
			await expect(file.getByTestId('format')).toHaveText({ delimited: 'Văn bản phân cách', ndjson: 'NDJSON', json: 'JSON', xlsx: 'Excel (.xlsx)', parquet: 'Parquet' }[want.format]!);
			if (want.encoding)
				await expect(file.getByTestId('encoding').locator('option').first()).toHaveText(
					new RegExp(`^${{ 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', 'windows-1258': 'Windows-1258', tcvn3: 'TCVN3 \\(ABC\\)', vni: 'VNI' }[want.encoding]}`)
				);
			// The proposed mapping shows decoded sample values.
			await expect(file.locator('tr[data-field=agency] .sample')).toContainText('Sở Tư pháp');
			await loadChosen(page);
			await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'done');
			await expect(count(page, 'read')).toHaveText('8');
			await expect(count(page, 'new')).toHaveText('8');
			await expect(count(page, 'rejected')).toHaveText('0');
			await expect(page.getByTestId('new-agencies')).toHaveText('Cơ quan mới có trong tệp: Sở Tư pháp; UBND xã Tịnh Hà; UBND huyện Sơn Tịnh.');
			await expect(page.getByTestId('data-now')).toContainText('8 hồ sơ, đến hết ngày 20/3/2025');
		});
	}
});

test('bad rows: counted, listed with line, column and reason, downloadable, and counted by agency and month', async ({ page }) => {
	await openData(page);
	await choose(page, 'bad-rows.csv');
	await loadChosen(page);
	await expect(count(page, 'read')).toHaveText(String(BAD_ROWS.rowsRead));
	await expect(count(page, 'new')).toHaveText(String(BAD_ROWS.rowsNew));
	await expect(count(page, 'unchanged')).toHaveText(String(BAD_ROWS.rowsUnchanged));
	await expect(count(page, 'rejected')).toHaveText(String(BAD_ROWS.rejected.length));
	await expect(page.getByTestId('load-account')).toContainText('21 dòng đã đọc = 5 mới + 0 cập nhật + 1 không đổi + 15 bị loại');
	const rows = page.getByTestId('rejected-rows').locator('tbody tr');
	await expect(rows).toHaveCount(BAD_ROWS.rejected.length);
	for (const [i, r] of BAD_ROWS.rejected.entries()) {
		await expect(rows.nth(i)).toHaveAttribute('data-reason', r.reason);
		await expect(rows.nth(i).locator('td').nth(1)).toHaveText(String(r.line));
		await expect(rows.nth(i).locator('td').nth(2)).toHaveText(r.column);
	}
	await expect(rows.nth(2).locator('td').nth(3)).toHaveText('31/02/2025 08:00'); // line 6: the value that could not be read
	await expect(page.getByTestId('warnings-rows').locator('tbody tr')).toHaveCount(BAD_ROWS.warnings.length);
	const { bytes } = await downloaded(page, () => page.getByRole('button', { name: 'Tải danh sách dòng bị loại (CSV)' }).click());
	const lines = bytes
		.toString('utf8')
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n');
	expect(lines).toHaveLength(1 + BAD_ROWS.rejected.length);
	// File, line, column, the value before (a correction's: none here), the value, the reason.
	expect(lines[1]).toBe('bad-rows.csv,3,Mã hồ sơ,,,missing_id,thiếu mã hồ sơ');
	// Quality: 19 problems (15 rejections, 4 warnings). By agency: 17 name Sở Tư pháp, line 10 none,
	// line 13 "Trung tâm Dữ liệu". By month: lines 5 and 6 have no readable receipt, line 17 is in 2099.
	const byAgency = page.getByTestId('quality-by-agency');
	await expect(byAgency.locator('tbody tr th')).toHaveText(['Sở Tư pháp', 'Trung tâm Dữ liệu', '(không rõ)']);
	await expect(byAgency.locator('tbody tr td.total')).toHaveText(['17', '1', '1']);
	const byMonth = page.getByTestId('quality-by-month');
	await expect(byMonth.locator('tbody tr th')).toHaveText(['03/2025', '01/2099', '(không rõ)']);
	await expect(byMonth.locator('tbody tr td.total')).toHaveText(['16', '1', '2']);
	await shot(page, 'data-bad-rows-1920x1080');
	await page.setViewportSize({ width: 375, height: 812 });
	await shot(page, 'data-bad-rows-375x812');
});

test('bad files are refused with a reason and the page keeps its data', async ({ page }) => {
	await openData(page);
	const dir = mkdtempSync(join(tmpdir(), 'big-'));
	// A 200 MB file: an .xlsx this large is refused before it is read (CSV streams instead).
	const big = join(dir, 'huge.xlsx');
	const fd = openSync(big, 'w');
	writeSync(fd, Buffer.from('PK\u0003\u0004'));
	ftruncateSync(fd, 200 * 2 ** 20);
	closeSync(fd);
	await choose(page, ...Object.keys(BAD_FILES), big);
	for (const [name, code] of Object.entries(BAD_FILES)) {
		await expect(page.locator(`[data-file="${name}"]`).getByTestId('file-error')).toHaveText(`Không đọc được tệp ${name}: ${REASON_VI[code]}`);
	}
	await expect(page.locator('[data-file="huge.xlsx"]').getByTestId('file-error')).toContainText('tệp quá lớn cho định dạng này trong trình duyệt (xlsx 60 MB)');
	await expect(page.getByTestId('load')).toHaveCount(0);
	await expect(page.getByTestId('data-now')).toContainText('Dữ liệu mẫu của trang: 22 hồ sơ');
	await shot(page, 'data-bad-files-1920x1080');
});

test.describe('hostile files: every line accounted for on the page', () => {
	for (const [name, want] of Object.entries(ACCOUNTS)) {
		test(name, async ({ page }) => {
			await openData(page);
			await choose(page, name);
			await loadChosen(page);
			await expect(count(page, 'read')).toHaveText(String(want.rowsRead));
			await expect(count(page, 'new')).toHaveText(String(want.rowsLoaded)); // distinct ids, into no data: every loaded row is new
			await expect(count(page, 'rejected')).toHaveText(String(want.rejected.length));
			const rejected = page.getByTestId('rejected-rows').locator('tbody tr');
			await expect(rejected).toHaveCount(want.rejected.length);
			for (const [i, r] of want.rejected.entries()) {
				await expect(rejected.nth(i)).toHaveAttribute('data-reason', r.reason);
				await expect(rejected.nth(i).locator('td').nth(1)).toHaveText(String(r.line));
			}
			const warned = page.getByTestId('warnings-rows').locator('tbody tr');
			await expect(warned).toHaveCount(want.warnings.length);
			for (const [i, w] of want.warnings.entries()) await expect(warned.nth(i)).toHaveAttribute('data-reason', w.reason);
		});
	}
});

test('the header row is proposed below the title rows, and can be chosen on the mapping step', async ({ page }) => {
	await openData(page);
	await choose(page, 'title-rows.csv');
	const headerRow = page.getByTestId('header-row');
	await expect(headerRow).toHaveValue(String(HEADER_LINES['title-rows.csv']));
	await expect(headerRow.locator('option').first()).toHaveText('Dòng 4: Mã hồ sơ | Ngày tiếp nhận | Ngày hẹn trả | Ngày trả kết quả | Cơ quan | Cấp | Lĩnh vực | T…');
	await shot(page, 'data-header-row-1920x1080');
	// A wrong choice: nothing maps, and Load waits for a right one.
	await headerRow.selectOption('5');
	await expect(page.getByTestId('mapping-missing')).toBeVisible();
	await expect(page.getByTestId('load')).toBeDisabled();
	await page.setViewportSize({ width: 375, height: 812 });
	await headerRow.selectOption('4');
	await expect(page.getByTestId('mapping-missing')).toHaveCount(0);
	await expect(page.locator('tr[data-field=agency] .sample')).toContainText('Sở Tư pháp');
	await shot(page, 'data-header-row-375x812');
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
	await loadChosen(page);
	await expect(count(page, 'read')).toHaveText('8');
	await expect(count(page, 'new')).toHaveText('8');
});

test('mixed encodings: the rows in another encoding are rejected, the rest load', async ({ page }) => {
	await openData(page);
	await choose(page, 'mixed-encodings.csv');
	await loadChosen(page);
	await expect(count(page, 'new')).toHaveText('6');
	await expect(page.getByTestId('rejected-rows').locator('tbody tr[data-reason=garbled_text]')).toHaveCount(2);
});

test('a report for a custom period on loaded data gives the figures worked out by hand', async ({ page }) => {
	await openData(page);
	await choose(page, 'vendor-a-utf8.csv');
	await loadChosen(page);
	await page.getByRole('link', { name: 'Lập báo cáo' }).click();
	await page.goto(siteUrl('fixture', '/report?period=2025-03-01_2025-03-31'));
	await settled(page, reportView);
	const form = page.getByTestId('report-form');
	await expect(page.locator('main')).toContainText('Tỉnh Thử nghiệm');
	await expect(form.locator('tbody tr.total td.n')).toHaveText(figures(MARCH_2025.total));
	for (const name of ['Sở Tư pháp', 'UBND huyện Sơn Tịnh', 'UBND xã Tịnh Hà'] as const) {
		await expect(form.locator('tbody tr', { has: page.locator('th', { hasText: name }) }).locator('td.n')).toHaveText(figures(MARCH_2025[name]));
	}
});

test('loaded data survives a reload and is cleared on request; adding the same dossiers again changes nothing', async ({ page }) => {
	await openData(page);
	await choose(page, 'vendor-a-utf8.csv');
	await loadChosen(page, 'add');
	await expect(page.getByTestId('data-now')).toContainText('Dữ liệu mẫu của trang cùng dữ liệu bạn đã tải lên (vendor-a-utf8.csv): 30 hồ sơ');
	await expect(page.getByTestId('finishing')).toContainText('Đã lưu trong trình duyệt');
	await page.reload();
	await expect(page.getByTestId('data-now')).toContainText('30 hồ sơ', { timeout: 45_000 });
	await expect(count(page, 'new')).toHaveText('8'); // the last load's account is kept too
	// The same dossiers again, from another vendor's file: each is unchanged; nothing changes.
	await choose(page, 'vendor-b-utf8-bom-semicolon.csv');
	await loadChosen(page, 'add');
	await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'nothing');
	await expect(count(page, 'unchanged')).toHaveText('8');
	await expect(count(page, 'rejected')).toHaveText('0');
	page.once('dialog', (d) => d.accept());
	await page.getByRole('button', { name: 'Xóa dữ liệu đã tải lên' }).click();
	await expect(page.getByTestId('data-now')).toContainText('Dữ liệu mẫu của trang: 22 hồ sơ', { timeout: 45_000 });
});

test('a site deployed without data says so, and works on the files the user loads', async ({ page }) => {
	await page.goto(siteUrl('missing'));
	await expect(page.getByTestId('empty-site')).toContainText('Chưa có dữ liệu');
	await shot(page, 'empty-site-1920x1080');
	await page.getByRole('link', { name: 'Tải dữ liệu lên' }).click();
	await expect(page.getByTestId('data-now')).toHaveText('Trang này chưa có dữ liệu. Hãy tải lên tệp xuất từ hệ thống một cửa của bạn.', { timeout: 45_000 });
	await choose(page, 'vendor-a-utf8.csv');
	await loadChosen(page);
	await expect(count(page, 'new')).toHaveText('8');
	await expect(page.getByTestId('data-now')).toContainText('8 hồ sơ, đến hết ngày 20/3/2025');
	// A fresh visit restores the loaded data: the report for March 2025 has its hand-computed total.
	await page.goto(siteUrl('missing', '/report?period=2025-03-01_2025-03-31'));
	await settled(page, reportView);
	await expect(page.getByTestId('report-form').locator('tbody tr.total td.n')).toHaveText(figures(MARCH_2025.total));
});

test('a corrected mapping is used, and remembered for files with the same headers', async ({ page }) => {
	await openData(page);
	await choose(page, 'vendor-a-utf8.csv');
	await page.locator('#map-rating').selectOption('');
	await page.getByLabel('Ghi nhớ cách ghép cột này cho các tệp có cùng tiêu đề').check();
	await loadChosen(page);
	await choose(page, 'vendor-a-utf8.csv');
	await expect(page.getByTestId('file')).toContainText('Dùng cách ghép cột đã lưu cho tệp có cùng tiêu đề.');
	await expect(page.locator('#map-rating')).toHaveValue('');
	await expect(page.locator('#map-agency')).toHaveValue('4');
});

test('the mapping used downloads as the file npm run ingest --mapping reads', async ({ page }) => {
	await openData(page);
	await choose(page, 'vendor-a-utf8.csv');
	await page.locator('#map-rating').selectOption('');
	const { name, bytes } = await downloaded(page, () => page.getByTestId('mapping-download').click());
	expect(name).toBe('vendor-a-utf8.mapping.json');
	const file = JSON.parse(bytes.toString('utf8'));
	// Each field by the header of its column, the one unmapped by hand as null; the proposed header row is not pinned.
	expect(file).toMatchObject({ format: 'one-stop-dashboard/mapping', version: 1, fields: { id: 'Mã hồ sơ', agency: 'Cơ quan', rating: null, withdrawn_at: null } });
	expect(file.headerLine).toBeUndefined();
	// Read back against the same headers, it is the mapping on screen.
	const headers = readFileSync(join(FIXTURES, 'vendor-a-utf8.csv'), 'utf8').split('\n')[0].split(',');
	const onScreen = await page
		.locator('[data-testid=file] select[id^=map-]')
		.evaluateAll((selects) => Object.fromEntries(selects.map((s) => [s.id.slice(4), (s as HTMLSelectElement).value === '' ? null : Number((s as HTMLSelectElement).value)])));
	expect(applyMappingFile(file, headers)).toEqual(onScreen);
});

test('no request leaves the page while files are loaded', async ({ page }) => {
	const origin = new URL(siteUrl('fixture')).origin;
	const outside: string[] = [];
	page.on('request', (r) => {
		if (new URL(r.url()).origin !== origin && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) outside.push(r.url());
	});
	await openData(page);
	await choose(page, 'vendor-a-utf8.csv', 'excel-serials.xlsx', 'zstd.parquet', 'iso-utc.ndjson');
	await loadChosen(page);
	await expect(count(page, 'read')).toHaveText('32');
	await expect(count(page, 'new')).toHaveText('8');
	await expect(count(page, 'unchanged')).toHaveText('24'); // the same eight dossiers in three more files
	expect(outside).toEqual([]);
});

test('two successive exports: the second updates the first, and the report equals the full export', async ({ page }) => {
	await page.goto(siteUrl('missing', '/data'));
	await expect(page.getByTestId('data-now')).toContainText('chưa có dữ liệu', { timeout: 45_000 });
	await choose(page, resolve('tests/fixtures/updates/export-1.csv'));
	await loadChosen(page);
	await expect(count(page, 'new')).toHaveText(String(UPDATE_ACCOUNTS['export-1.csv'].new));
	await choose(page, resolve('tests/fixtures/updates/export-2.csv'));
	await loadChosen(page, 'add');
	const a = UPDATE_ACCOUNTS['export-2.csv'];
	await expect(page.getByTestId('load-account')).toContainText(`${a.read} dòng đã đọc = ${a.new} mới + ${a.updated} cập nhật + ${a.unchanged} không đổi + ${a.rejected} bị loại`);
	// The corrections, with the value before and after.
	for (const c of CORRECTIONS) {
		const cells = page.getByTestId('warnings-rows').locator(`tbody tr[data-reason=${c.reason}] td`);
		for (const [i, text] of ['export-2.csv', String(c.line), c.column, c.previous, c.value].entries()) await expect(cells.nth(i)).toHaveText(text);
	}
	await shot(page, 'data-update-1920x1080');
	await page.goto(siteUrl('missing', '/report?period=2025-04-01_2025-04-30'));
	await settled(page, reportView);
	const form = page.getByTestId('report-form');
	await expect(form.locator('tbody tr.total td.n')).toHaveText(figures(APRIL_2025.total));
	for (const name of ['Sở Tư pháp', 'UBND xã Tịnh Hà'] as const) {
		await expect(form.locator('tbody tr', { has: page.locator('th', { hasText: name }) }).locator('td.n')).toHaveText(figures(APRIL_2025[name]));
	}
});

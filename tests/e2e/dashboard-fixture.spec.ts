/**
 * The analyst dashboard in Debian's Chromium on the basic fixture: every figure below was
 * worked out by hand from tests/fixtures/basic/dossiers.csv (see expected.ts beside it), not
 * with the page's own code. The fixture's latest complete reporting quarter is quarter I
 * 2023 (15/12/2022 – 14/3/2023).
 */
import { expect, test } from '@playwright/test';
import { siteUrl } from './servers';
import { downloaded, navigate, search, settled, tile } from './helpers';

test.describe('figures', () => {
	test('tiles, levels, trend and ranking of quarter I 2023 equal the hand-computed ones', async ({ page }) => {
		await page.goto(siteUrl('fixture'));
		await settled(page);
		await expect(page.getByTestId('period')).toContainText('Quý I/2023');
		await expect(page.getByTestId('period')).toContainText('15/12/2022 – 14/3/2023');
		await expect(tile(page, 'received')).toHaveText('20');
		await expect(tile(page, 'resolved')).toHaveText('12');
		await expect(tile(page, 'on_time_rate')).toHaveText('83,3%'); // 10 / 12
		await expect(tile(page, 'online_share')).toHaveText('45,0%'); // 9 / 20
		await expect(tile(page, 'satisfaction_rate')).toHaveText('57,1%'); // 4 / 7
		await expect(tile(page, 'overdue')).toHaveText('3');
		// Quarter IV 2022 (15/9 – 14/12/2022): F01 F02 F03 F15 F16 received (5); F02 resolved early.
		await expect(page.locator('.tiles [data-metric="received"] .changes li').first()).toContainText('+300,0%');
		await expect(page.locator('.tiles [data-metric="on_time_rate"] .changes li').first()).toContainText('−16,7 điểm %');
		// Nothing a year before: no change can be computed.
		await expect(page.locator('.tiles [data-metric="received"] .changes li').nth(1)).toContainText('—');

		// The trend's table view. Reporting month 2/2023 (15/1 – 14/2): P1 F17 F19 F20; D1 F09 F15; C1 F13 F18 F21 F22.
		const trend = page.locator('[data-chart="trend-volume"]');
		await trend.getByRole('button', { name: 'Xem bảng số liệu' }).click();
		await expect(trend.locator('tbody tr').nth(10).locator('th')).toHaveText('Tháng 2/2023 (15/1/2023 – 14/2/2023)');
		await expect(trend.locator('tbody tr').nth(10).locator('td')).toHaveText(['3', '2', '4', '9']);
		// Reporting month 3/2023: 7 received (F05 F10 F11 F12 F14 F15 F22).
		await expect(trend.locator('tbody tr').nth(11).locator('td').last()).toHaveText('7');

		// Levels compared (one agency per level): on-time P1 6/6, D1 1/3, C1 3/3; online 5/7, 1/6, 3/7.
		const compare = page.locator('[data-chart="compare"]');
		await compare.getByRole('button', { name: 'Xem bảng số liệu' }).click();
		await expect(compare.locator('tbody tr')).toHaveText([/Cấp tỉnh\s*7\s*100,0%\s*71,4%\s*75,0%/, /Cấp huyện\s*6\s*33,3%\s*16,7%\s*0,0%/, /Cấp xã\s*7\s*100,0%\s*42,9%\s*50,0%/]);

		// Ranking by on-time rate, worst first: D1 33,3% then the two at 100,0% by name (Sở… before UBND…).
		const ranking = page.getByTestId('ranking');
		await expect(ranking.locator('tbody tr')).toHaveText([/UBND Mộ Đức\s*6\s*3\s*33,3%\s*3/, /Sở Tư pháp\s*7\s*6\s*100,0%\s*6/, /UBND Xã Đức Lân\s*7\s*3\s*100,0%\s*3/]);
		// Sorting by received, most first, is a link that puts the order in the address.
		await navigate(page, () => ranking.locator('a[data-sort="received"]').click());
		expect(search(page).get('sort')).toBe('-received');
		await expect(ranking.locator('tbody tr th')).toHaveText(['Sở Tư pháp', 'UBND Xã Đức Lân', 'UBND Mộ Đức']);
		await expect(ranking.locator('th[aria-sort="descending"]')).toContainText('Tiếp nhận');
	});

	test('a calendar month and a custom range chosen in the filter bar', async ({ page }) => {
		await page.goto(siteUrl('fixture'));
		await settled(page);
		// Calendar February 2023 (expected.ts, FEBRUARY_2023): 9 received, 7 resolved (4 early, 2 on time, 1 late), 1 overdue.
		await navigate(page, () => page.locator('select[name="kind"]').selectOption('calendar'));
		await navigate(page, () => page.locator('select[name="span"]').selectOption('month'));
		await navigate(page, () => page.locator('select[name="index"]').selectOption('2'));
		expect(search(page).get('period')).toBe('c-month-2023-2');
		await expect(page.getByTestId('period')).toContainText('Tháng 2/2023 (dương lịch)');
		await expect(tile(page, 'received')).toHaveText('9');
		await expect(tile(page, 'resolved')).toHaveText('7');
		await expect(tile(page, 'on_time_rate')).toHaveText('85,7%'); // 6 / 7
		await expect(tile(page, 'overdue')).toHaveText('1');

		// A custom range starts from the days on screen: the same figures.
		await navigate(page, () => page.locator('select[name="kind"]').selectOption('custom'));
		expect(search(page).get('period')).toBe('2023-02-01_2023-02-28');
		await expect(tile(page, 'received')).toHaveText('9');
		await expect(tile(page, 'resolved')).toHaveText('7');
		// The days of reporting quarter I 2023 as a custom range: the quarter's 20 received and 12 resolved.
		await page.locator('input[name="first"]').fill('2022-12-15');
		await page.locator('input[name="last"]').fill('2023-03-14');
		await navigate(page, () => page.getByRole('button', { name: 'Áp dụng' }).click());
		expect(search(page).get('period')).toBe('2022-12-15_2023-03-14');
		await expect(tile(page, 'received')).toHaveText('20');
		await expect(tile(page, 'resolved')).toHaveText('12');
		await expect(tile(page, 'overdue')).toHaveText('3');
	});

	test('a month picked on the trend by keyboard: focus shows its figures, Enter selects it', async ({ page }) => {
		await page.goto(siteUrl('fixture'));
		await settled(page);
		const month = page.locator('[data-chart="trend-volume"] rect.hit[data-key="r15-month-2023-2"]');
		await month.focus();
		await expect(page.locator('[data-chart="trend-volume"] .tooltip')).toContainText('Tháng 2/2023');
		await expect(month).toHaveAttribute('aria-label', /Tháng 2\/2023.*Tổng cộng 9/);
		await navigate(page, () => page.keyboard.press('Enter'));
		expect(search(page).get('period')).toBe('r15-month-2023-2');
		await expect(tile(page, 'received')).toHaveText('9');
	});
});

test('drills from the province to the dossiers and back up by the breadcrumb; the address restores every view', async ({ page }) => {
	await page.goto(siteUrl('fixture'));
	await settled(page);
	const crumbs = page.getByTestId('breadcrumb');

	// Province → district, by its bar in the levels chart.
	await navigate(page, () => page.locator('[data-chart="compare"] rect.hit[data-key="district"]').click());
	expect(search(page).get('level')).toBe('district');
	await expect(crumbs.locator('li')).toHaveText(['Toàn tỉnh', 'Cấp huyện']);
	await expect(tile(page, 'received')).toHaveText('6');

	// → the agency, by its row in the ranking.
	await navigate(page, () => page.locator('[data-testid="ranking"] tr[data-key="D1"] a').click());
	expect(search(page).get('agency')).toBe('D1');
	await expect(page.getByRole('heading', { name: 'Xếp hạng các lĩnh vực' })).toBeVisible();
	// The path compared: the province (20 dossiers), the district level (6) and D1 (6).
	await expect(page.locator('[data-chart="compare"] rect.hit')).toHaveCount(3);

	// → the field → the procedure.
	await navigate(page, () => page.locator('[data-testid="ranking"] tr[data-key="Đất đai"] a').click());
	await navigate(page, () => page.locator('[data-testid="ranking"] tr[data-key="2.000001"] a').click());
	await expect(crumbs.locator('li')).toHaveText(['Toàn tỉnh', 'Cấp huyện', 'UBND Mộ Đức', 'Đất đai', '2.000001']);
	await expect(page.getByRole('heading', { name: 'Xếp hạng các hình thức nộp' })).toBeVisible();

	// → its dossiers: overdue first (F15 due 1/12/2022 is 103 days late on 14/3; F10 4 days), then late (F09 1 day, F07 the same day).
	await navigate(page, () => page.locator('a.dossiers-link').click());
	const list = page.getByTestId('dossiers');
	const ids = ['F15', 'F10', 'F09', 'F07', 'F08', 'F14'];
	await expect(list.locator('tbody th')).toHaveText(ids);
	await expect(list.locator('tbody tr[data-id="F15"] td').nth(1)).toHaveText('103');
	await expect(list.locator('tbody tr[data-id="F10"] td').nth(1)).toHaveText('4');
	await expect(list.locator('tbody tr[data-id="F15"] td').first()).toHaveText('Đang giải quyết, quá hạn');
	await expect(crumbs.locator('li').last()).toHaveText('Danh sách hồ sơ');
	const listUrl = page.url();

	// Reload restores the list; back goes to the procedure, forward to the list again.
	await page.reload();
	await settled(page);
	await expect(list.locator('tbody th')).toHaveText(ids);
	await navigate(page, () => page.goBack());
	expect(search(page).get('view')).toBeNull();
	expect(search(page).get('procedure')).toBe('2.000001');
	await navigate(page, () => page.goForward());
	expect(page.url()).toBe(listUrl);
	await expect(list.locator('tbody th')).toHaveText(ids);

	// A copied address opens the same view in a fresh page.
	const colleague = await page.context().newPage();
	await colleague.goto(listUrl);
	await settled(colleague);
	await expect(colleague.getByTestId('dossiers').locator('tbody th')).toHaveText(ids);
	await colleague.close();

	// Back up by the breadcrumb: the agency, then the whole province.
	await navigate(page, () => crumbs.getByRole('link', { name: 'UBND Mộ Đức' }).click());
	expect([...search(page).keys()]).toEqual(['level', 'agency']);
	await expect(tile(page, 'received')).toHaveText('6');
	await navigate(page, () => crumbs.getByRole('link', { name: 'Toàn tỉnh' }).click());
	expect(search(page).toString()).toBe('');
	await expect(tile(page, 'received')).toHaveText('20');
});

test('a filter that leaves no dossiers says so instead of drawing empty charts, and can be undone', async ({ page }) => {
	await page.goto(siteUrl('fixture', '/?level=district'));
	await settled(page);
	await navigate(page, () => page.locator('select[name="level"]').selectOption('province'));
	await expect(page.getByTestId('empty')).toContainText('Không có hồ sơ nào khớp với kỳ và bộ lọc đã chọn.');
	await expect(page.locator('figure.chart')).toHaveCount(0);
	await expect(page.getByTestId('ranking')).toHaveCount(0);
	await expect(page.locator('.tiles')).toHaveCount(0);
	await navigate(page, () => page.getByTestId('empty').getByRole('link', { name: 'Bỏ mọi bộ lọc' }).click());
	await expect(tile(page, 'received')).toHaveText('6');
});

test('switches to English and back, in the address', async ({ page }) => {
	await page.goto(siteUrl('fixture'));
	await settled(page);
	await navigate(page, () => page.getByRole('link', { name: 'English' }).click());
	await expect(page.getByTestId('period')).toContainText('Quarter I 2023');
	await expect(page.locator('.tiles [data-metric="on_time_rate"] h3')).toHaveText('On-time rate');
	await expect(tile(page, 'on_time_rate')).toHaveText('83.3%');
	await expect(page.locator('[data-chart="trend-volume"] h3')).toHaveText('Dossiers received by month, by level');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	expect(search(page).get('lang')).toBe('en');
	await page.reload();
	await settled(page);
	await expect(tile(page, 'on_time_rate')).toHaveText('83.3%');
	await navigate(page, () => page.getByRole('link', { name: 'Tiếng Việt' }).click());
	await expect(tile(page, 'on_time_rate')).toHaveText('83,3%');
});

test('exports: charts as SVG and PNG, tables and the dossier list as CSV', async ({ page }) => {
	await page.goto(siteUrl('fixture'));
	await settled(page);
	const compare = page.locator('[data-chart="compare"]');
	const svg = await downloaded(page, () => compare.getByRole('button', { name: 'Tải SVG' }).click());
	expect(svg.name).toMatch(/\.svg$/);
	const markup = svg.bytes.toString('utf8');
	expect(markup.startsWith('<?xml')).toBe(true);
	expect(markup).toContain('<svg');
	expect(markup).toContain('Cấp huyện');
	expect(markup).toContain('<title>So sánh các cấp</title>');
	const png = await downloaded(page, () => compare.getByRole('button', { name: 'Tải PNG' }).click());
	expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

	const trend = await downloaded(page, () => page.locator('[data-chart="trend-volume"]').getByRole('button', { name: 'Tải CSV' }).click());
	const trendCsv = trend.bytes.toString('utf8');
	expect(trendCsv.startsWith('\uFEFFTháng,Cấp tỉnh,Cấp huyện,Cấp xã,Tổng cộng\r\n')).toBe(true);
	expect(trendCsv).toContain('Tháng 2/2023 (15/1/2023 – 14/2/2023),3,2,4,9\r\n');

	// P1: 7 received, 6 resolved, on time 6/6, online 5/7 = 71,43%, satisfied 3/4, 1 overdue; due soon last:
	// at the end of Tue 14/3 (no holiday known), due by Thu 16/3: none at P1 (F12 is overdue), F11 (due 14/3, no time) at C1.
	const ranking = await downloaded(page, () => page.locator('#ranking').getByRole('button', { name: 'Tải CSV' }).click());
	expect(ranking.bytes.toString('utf8')).toContain('\r\nSở Tư pháp,7,6,100,6,71.43,7,75,4,1,0\r\n');
	expect(ranking.bytes.toString('utf8')).toMatch(/\r\nỦy ban nhân dân xã Đức Lân,[^\r]*,1\r\n/);

	await page.goto(siteUrl('fixture', '/?level=district&view=dossiers'));
	await settled(page);
	const list = await downloaded(page, () => page.locator('.list').getByRole('button', { name: 'Tải CSV' }).click());
	const lines = list.bytes.toString('utf8').trim().split('\r\n');
	expect(lines).toHaveLength(7); // the header and D1's six dossiers
	expect(lines[1]).toMatch(/^F15,"Đang giải quyết, quá hạn",103,/);
});

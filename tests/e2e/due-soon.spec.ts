/**
 * Due soon in Chromium on the hand-counted `duesoon` fixture (tests/fixtures/duesoon/expected.ts:
 * last day Thursday 30/3/2023, Monday 3/4 a holiday): the dashboard's tile, the ranking's
 * column, the list narrowed to them and its CSV, the setting N; the basic fixture, which keeps
 * no calendar, says so; and the wall's scene. Screenshots at 1920×1080, 375×812 and 3840×2160.
 */
import { expect, test } from '@playwright/test';
import { siteUrl } from './servers';
import { downloaded, navigate, search, settled, shot, tile } from './helpers';

/** Calendar March 2023 runs past the data's last day: due soon is judged at the end of 30/3. */
const MARCH = '/?period=c-month-2023-3';

test('the tile, the ranking’s column, the list of them and its CSV equal the hand count', async ({ page }) => {
	await page.goto(siteUrl('duesoon', MARCH));
	await settled(page);
	// Due soon by the end of Tue 4/4 (Fri 31/3, then the weekend and the holiday skipped): S01 S02 S03 S11 at P1, S06 S09 S15 at C1.
	await expect(tile(page, 'due_soon')).toHaveText('7');
	const card = page.locator('.tiles [data-metric="due_soon"]');
	await expect(card.getByTestId('due-soon-overdue')).toHaveText('Đang quá hạn: 4'); // S16 at P1; S05 S10 S14 at C1
	await expect(card).toContainText('Hạn trả đến hết 4/4/2023 (2 ngày làm việc sau 30/3/2023)');
	await expect(card.getByTestId('no-holidays')).toHaveCount(0);
	const ranking = page.getByTestId('ranking');
	await expect(ranking.locator('tr[data-key="P1"] td[data-metric="due_soon"]')).toHaveText('4');
	await expect(ranking.locator('tr[data-key="C1"] td[data-metric="due_soon"]')).toHaveText('3');
	await shot(page, 'due-soon-dashboard-1920x1080');

	// The tile opens the list narrowed to them, soonest due first, with the working days left.
	await navigate(page, () => card.locator('a.drill').click());
	expect(search(page).get('outcome')).toBe('due_soon');
	const rows = page.getByTestId('dossiers').locator('tbody tr');
	await expect(rows.locator('th')).toHaveText(['S06', 'S01', 'S09', 'S11', 'S02', 'S15', 'S03']);
	await expect(rows.locator('td[data-left]')).toHaveText(['0', '1', '1', '1', '1', '2', '2']);
	await expect(page.getByTestId('list-summary')).toContainText('7 hồ sơ đang giải quyết có hạn trả đến hết ngày 4/4/2023');
	await shot(page, 'due-soon-list-1920x1080');

	// An agency's list as the CSV it acts on: C1's S06 (0 left), S09 (1), S15 (2).
	await page.goto(siteUrl('duesoon', `${MARCH}&level=commune&agency=C1&view=dossiers&outcome=due_soon`));
	await settled(page);
	const file = await downloaded(page, () => page.getByRole('button', { name: 'Tải CSV' }).click());
	expect(file.name).toBe('ho-so-sap-den-han-2023-03-30.csv');
	expect(file.bytes.toString('utf8')).toBe(
		'\uFEFFMã hồ sơ,Thủ tục,Ngày tiếp nhận,Hạn trả,Số ngày làm việc còn lại,Cơ quan\r\n' +
			'S06,3.000001 · Đăng ký khai sinh,2023-03-23 09:00:00,2023-03-30 23:59:59,0,Ủy ban nhân dân xã Đức Lân\r\n' +
			'S09,3.000001 · Đăng ký khai sinh,2023-03-24 09:00:00,2023-03-31 23:59:59,1,Ủy ban nhân dân xã Đức Lân\r\n' +
			'S15,3.000001 · Đăng ký khai sinh,2023-03-30 14:00:00,2023-04-04 17:00:00,2,Ủy ban nhân dân xã Đức Lân\r\n'
	);
});

test('the setting N is in the address only when changed', async ({ page }) => {
	await page.goto(siteUrl('duesoon', MARCH));
	await settled(page);
	const card = page.locator('.tiles [data-metric="due_soon"]');
	// N = 3: the 3rd working day is Wed 5/4, and S04 (due 5/4 08:00) joins: 8.
	await navigate(page, () => card.locator('a[data-soon="3"]').click());
	expect(search(page).get('soon')).toBe('3');
	await expect(tile(page, 'due_soon')).toHaveText('8');
	await expect(card.locator('a[aria-current="true"]')).toHaveText('3');
	await navigate(page, () => card.locator('a[data-soon="2"]').click());
	expect(search(page).has('soon')).toBe(false);
	await expect(tile(page, 'due_soon')).toHaveText('7');
});

test('a database without a holiday calendar says so where due soon is shown', async ({ page }) => {
	await page.goto(siteUrl('fixture'));
	await settled(page);
	const card = page.locator('.tiles [data-metric="due_soon"]');
	await expect(card.getByTestId('no-holidays')).toHaveText('Chưa có lịch nghỉ lễ: chỉ trừ thứ Bảy, Chủ nhật.');
	// Quarter I 2023 ends Tue 14/3: due by Thu 16/3, F11 (due 14/3, no time) alone; overdue then F10, F12, F15, as the overdue tile says.
	await expect(tile(page, 'due_soon')).toHaveText('1');
	await expect(card.getByTestId('due-soon-overdue')).toHaveText('Đang quá hạn: 3');
	await expect(tile(page, 'overdue')).toHaveText('3');
});

test('on a phone, the tile is in the column of tiles', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 812 });
	await page.goto(siteUrl('duesoon', MARCH));
	await settled(page);
	await expect(tile(page, 'due_soon')).toHaveText('7');
	await page.locator('.tiles [data-metric="due_soon"]').scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'tests/.out/screenshots/due-soon-dashboard-375x812.png' });
	await shot(page, 'due-soon-dashboard-375x812-full');
});

test('the wall’s scene names the units with most dossiers due soon, readable at 3840×2160', async ({ page }) => {
	await page.setViewportSize({ width: 3840, height: 2160 });
	await page.goto(siteUrl('duesoon', '/wall?pin=duesoon&stale=1000000'));
	await expect(page.locator('.wall')).toHaveAttribute('data-scene', 'duesoon', { timeout: 45_000 });
	await expect(page.getByTestId('due-soon-total')).toHaveText('7 hồ sơ sắp đến hạn');
	await expect(page.locator('.bars li')).toHaveText([/Sở Tư pháp\s*4\s*1 quá hạn/, /UBND Xã Đức Lân\s*3\s*3 quá hạn/]);
	await page.screenshot({ path: 'tests/.out/screenshots/wall-duesoon-fixture-3840x2160.png' });
});

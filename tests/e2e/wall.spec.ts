/**
 * The wall screen: its figures on the basic fixture worked out by hand, every scene at
 * 1920×1080 and 3840×2160 on the sample (screenshots), the rotation, the stale warning,
 * a data source that fails and comes back, and a data file changed behind the running page.
 */
import { expect, test, type Page } from '@playwright/test';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { SCENES } from '../../src/lib/wall/settings';
import { writeFixture } from './fixture-data';
import { shot } from './helpers';
import { E2E_SERVERS, siteUrl } from './servers';

/** The wall's figure for a metric on the headline scene. */
const figure = (page: Page, id: string) => page.locator(`[data-metric=${id}] .value`);

async function nothingScrolls(page: Page) {
	const { scroll, height } = await page.evaluate(() => ({ scroll: document.documentElement.scrollHeight, height: window.innerHeight }));
	expect(scroll).toBeLessThanOrEqual(height);
}

test('the headline and the overdue list on the fixture equal the hand-computed figures; old data says it is stale', async ({ page }) => {
	await page.goto(siteUrl('fixture', '/wall?pin=headline'));
	// Quarter I/2023 (15/12/2022 – 14/3/2023): tests/fixtures/basic/expected.ts.
	await expect(figure(page, 'received')).toHaveText('20', { timeout: 45_000 });
	await expect(figure(page, 'resolved')).toHaveText('12');
	await expect(figure(page, 'on_time_rate')).toHaveText('83,3%'); // 10 of 12
	await expect(figure(page, 'online_share')).toHaveText('45,0%'); // 9 of 20
	await expect(figure(page, 'satisfaction_rate')).toHaveText('57,1%'); // 4 of 7
	await expect(figure(page, 'overdue')).toHaveText('3');
	// Against quarter IV/2022: 5 received (F01 F02 F03 F15 F16), so +300,0%.
	await expect(page.locator('[data-metric=received] .change')).toContainText('+300,0% so với Quý IV/2022');
	await expect(page.locator('.period')).toHaveText('Quý I/2023 (15/12/2022 – 14/3/2023) · Theo đơn vị lúc tiếp nhận');
	await expect(page.getByTestId('as-of')).toContainText('Số liệu đến hết ngày 31/3/2023');
	// The data's last day is long past the default 36 hours: the screen says so, and since when.
	await expect(page.getByTestId('stale')).toContainText('Số liệu đã cũ: chưa có dữ liệu sau ngày 31/3/2023');
	// Headline figures are at least 8% of the screen's height.
	const size = await figure(page, 'received').evaluate((e) => parseFloat(getComputedStyle(e).fontSize) / window.innerHeight);
	expect(size).toBeGreaterThanOrEqual(0.08);
	await nothingScrolls(page);

	// Open and past due at the end of 31/3/2023: F05 F11 (C1), F12 (P1), F15 (D1).
	await page.goto(siteUrl('fixture', '/wall?pin=overdue&stale=1000000'));
	await expect(page.getByTestId('overdue-total')).toHaveText('4 hồ sơ đang quá hạn lúc hết ngày 31/3/2023', { timeout: 45_000 });
	await expect(page.locator('.bars li .name')).toHaveText(['UBND Xã Đức Lân', 'Sở Tư pháp', 'UBND Mộ Đức']);
	await expect(page.locator('.bars li .value')).toHaveText(['2', '1', '1']);
	await expect(page.getByTestId('stale')).toHaveCount(0);
});

test('the Decision 766 scene on the fixture ranks the agencies by the points worked out by hand', async ({ page }) => {
	// Quarter I/2023, counts of tests/fixtures/basic/expected.ts; points = P_max at the target, else R × P_max / target.
	// C1: 2.1 5/5 → 20; 3.3 3/7 → 6 × (3/7) / 0,5 = 5,14; 3.6 no fee → —; 4.1 2/3 → 4 (−2,00, its most);
	//     4.2 3/7 → (3/7) × 4 / 0,8 = 2,14; 5.4 1 − 1/5 = 80% → 6 × 0,8 / 0,9 = 5,33; 36,62 / 42 (87,2%).
	// P1: 2.1 6/7 → 17,14 (−2,86, its most); 3.3 5/7 → 6; 3.6 4/7 → 3,43; 4.1 4/6 → 4; 4.2 5/7 → 3,57;
	//     5.4 1 − 1 overdue / 7 → 6 × (6/7) / 0,9 = 5,71; 39,86 / 48 (83,0%).
	// D1: 2.1 2/6 → 6,67 (−13,33); 3.3 1/6 → 2; 3.6 —; 4.1 1/3 → 2; 4.2 2/6 → 1,67; 5.4 1 − 5/6 → 1,11; 13,44 / 42 (32,0%).
	await page.goto(siteUrl('fixture', '/wall?pin=scorecard&stale=1000000'));
	const rows = page.locator('.scorecard li');
	await expect(rows.locator('.name')).toHaveText(['UBND Xã Đức Lân', 'Sở Tư pháp', 'UBND Mộ Đức'], { timeout: 45_000 });
	await expect(rows.locator('.points')).toHaveText(['36,62 / 42', '39,86 / 48', '13,44 / 42']);
	await expect(rows.locator('.loss')).toHaveText(['−2,00 · 4.1 Kết quả giải quyết điện tử', '−2,86 · 2.1 Hồ sơ giải quyết, đang giải quyết đúng hạn', '−13,33 · 2.1 Hồ sơ giải quyết, đang giải quyết đúng hạn']);
	await nothingScrolls(page);
});

test('scenes rotate by themselves in the order of the address; a desk screen shows one agency; English', async ({ page }) => {
	await page.goto(siteUrl('fixture', '/wall?scenes=overdue,headline&seconds=1&stale=1000000'));
	const wall = page.locator('.wall');
	await expect(wall).toHaveAttribute('data-scene', 'overdue', { timeout: 45_000 });
	await expect(wall).toHaveAttribute('data-scene', 'headline');
	await expect(wall).toHaveAttribute('data-scene', 'overdue');
	await expect(page.locator('footer li')).toHaveText(['Hồ sơ đang quá hạn', 'Số liệu chính']);

	await page.goto(siteUrl('fixture', '/wall?pin=headline&agency=D1&span=month&stale=1000000'));
	// Reporting month 3/2023 at UBND Mộ Đức: F10, F14 new and F15 carried; F10 and F15 overdue.
	await expect(figure(page, 'received')).toHaveText('3', { timeout: 45_000 });
	await expect(figure(page, 'overdue')).toHaveText('2');
	await expect(page.locator('.province')).toHaveText('Thử nghiệm · Ủy ban nhân dân huyện Mộ Đức');
	await expect(page.locator('.period')).toHaveText('Tháng 3/2023 (15/2/2023 – 14/3/2023) · Theo đơn vị lúc tiếp nhận');

	// In English, numbers in English style.
	await page.goto(siteUrl('fixture', '/wall?pin=headline&lang=en&stale=1000000'));
	await expect(page.locator('h1')).toHaveText('Key figures', { timeout: 45_000 });
	await expect(figure(page, 'on_time_rate')).toHaveText('83.3%');
	await expect(page.locator('[data-metric=received] .change')).toContainText('+300.0% against Quarter IV 2022');
	await expect(page.getByTestId('as-of')).toContainText('Data up to the end of 31/3/2023');
});

for (const [w, h] of [
	[1920, 1080],
	[3840, 2160]
] as const) {
	test(`every scene on the sample at ${w}×${h}, nothing scrolls`, async ({ page }) => {
		await page.setViewportSize({ width: w, height: h });
		for (const scene of SCENES) {
			await page.goto(siteUrl('sample', `/wall?pin=${scene}&stale=1000000`));
			await expect(page.locator('.wall')).toHaveAttribute('data-scene', scene, { timeout: 45_000 });
			await nothingScrolls(page);
			await page.screenshot({ path: `tests/.out/screenshots/wall-${scene}-${w}x${h}.png` });
		}
	});
}

test.describe('a data source behind the running page', () => {
	test.describe.configure({ mode: 'serial' });
	const dir = E2E_SERVERS.wall.data;
	test.afterAll(() => writeFixture('basic', dir));

	test('fails: the last figures stay with a warning saying since when; it recovers by itself', async ({ page }) => {
		await page.goto(siteUrl('wall', '/wall?pin=headline&refresh=1&stale=1000000'));
		await expect(figure(page, 'received')).toHaveText('20', { timeout: 45_000 });
		const manifest = join(dir, 'manifest.json');
		renameSync(manifest, `${manifest}.away`);
		try {
			await expect(page.getByTestId('stale')).toContainText('Không đọc được nguồn dữ liệu từ');
			await expect(page.locator('.wall')).toHaveAttribute('data-failing', 'true');
			await expect(figure(page, 'received')).toHaveText('20');
			await shot(page, 'wall-source-failing-1920x1080');
		} finally {
			renameSync(`${manifest}.away`, manifest);
		}
		await expect(page.locator('.wall')).toHaveAttribute('data-failing', 'false');
		await expect(page.getByTestId('stale')).toHaveCount(0);
		await expect(figure(page, 'received')).toHaveText('20');
	});

	test('changes: the new figures appear without a reload', async ({ page }) => {
		await page.goto(siteUrl('wall', '/wall?pin=headline&refresh=1&stale=1000000'));
		await expect(figure(page, 'received')).toHaveText('20', { timeout: 45_000 });
		await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
		// One more dossier in quarter I/2023: F23 at P1, online, resolved a day before its due day, rated 5.
		await writeFixture('basic', dir, 'F23,1.000001,P1,2023-03-01 09:00:00,2023-03-03 23:59:59.999999,2023-03-02 10:00:00,,resolved,online_full,200000,true,true,true,5,false\n');
		await expect(figure(page, 'received')).toHaveText('21', { timeout: 30_000 });
		await expect(figure(page, 'resolved')).toHaveText('13');
		await expect(figure(page, 'on_time_rate')).toHaveText('84,6%'); // 11 of 13
		await expect(figure(page, 'online_share')).toHaveText('47,6%'); // 10 of 21
		await expect(figure(page, 'satisfaction_rate')).toHaveText('62,5%'); // 5 of 8
		expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
	});
});

/**
 * The overview page in Debian's Chromium: figures computed by DuckDB-WASM in the browser
 * equal the figures worked out by hand for the basic fixture, and the sample's equal native
 * DuckDB's on the same file.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { rate } from '../../src/lib/domain/metrics';
import { queryMetrics } from '../../src/lib/engine/metrics';
import { NodeEngine } from '../../src/lib/engine/node';
import { latestQuarter } from '../../src/lib/views/overview';
import { E2E_SERVERS, SAMPLE_END, siteUrl } from './servers';

async function ready(page: Page) {
	await expect(page.locator('[data-metric="received"]').first()).toBeVisible({ timeout: 45_000 });
}

async function shot(page: Page, name: string) {
	await page.screenshot({ path: `tests/.out/screenshots/${name}.png`, fullPage: true });
}

test.describe('overview on the basic fixture (figures by hand in tests/fixtures/basic/expected.ts)', () => {
	test('shows quarter I 2023 with the hand-computed tiles and levels', async ({ page }) => {
		await page.goto(siteUrl('fixture'));
		await ready(page);
		await expect(page.getByTestId('period')).toContainText('Quý I/2023');
		await expect(page.getByTestId('period')).toContainText('15/12/2022 – 14/3/2023');
		const tile = (id: string) => page.locator(`.tiles [data-metric="${id}"] .value`);
		await expect(tile('received')).toHaveText('20');
		await expect(tile('resolved')).toHaveText('12');
		await expect(tile('on_time_rate')).toHaveText('83,3%'); // 10 / 12
		await expect(tile('online_share')).toHaveText('45,0%'); // 9 / 20
		await expect(tile('satisfaction_rate')).toHaveText('57,1%'); // 4 / 7
		await expect(tile('overdue')).toHaveText('3');
		// Quarter IV 2022 (15/9 – 14/12/2022): F01 F02 F03 F15 F16 received; F02 resolved early.
		await expect(page.locator('.tiles [data-metric="received"] .changes li').first()).toContainText('+300,0%');
		await expect(page.locator('.tiles [data-metric="on_time_rate"] .changes li').first()).toContainText('−16,7 điểm %');
		// Nothing a year before: no change can be computed.
		await expect(page.locator('.tiles [data-metric="received"] .changes li').nth(1)).toContainText('—');

		const row = (level: string) => page.locator(`tr[data-level="${level}"] td`);
		await expect(row('province')).toHaveText(['7', '6', '100,0%', '71,4%', '75,0%', '1']);
		await expect(row('district')).toHaveText(['6', '3', '33,3%', '16,7%', '0,0%', '2']);
		await expect(row('commune')).toHaveText(['7', '3', '100,0%', '42,9%', '50,0%', '0']);
		await expect(page.locator('tfoot td')).toHaveText(['20', '12', '83,3%', '45,0%', '57,1%', '3']);
	});

	test('switches to English and back', async ({ page }) => {
		await page.goto(siteUrl('fixture'));
		await ready(page);
		await page.getByRole('button', { name: 'English' }).click();
		await expect(page.getByTestId('period')).toContainText('Quarter I 2023');
		await expect(page.locator('.tiles [data-metric="on_time_rate"] h3')).toHaveText('On-time rate');
		await expect(page.locator('.tiles [data-metric="on_time_rate"] .value')).toHaveText('83.3%');
		expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
		await page.reload();
		await ready(page);
		await expect(page.locator('.tiles [data-metric="on_time_rate"] .value')).toHaveText('83.3%');
		await page.getByRole('button', { name: 'Tiếng Việt' }).click();
		await expect(page.locator('.tiles [data-metric="on_time_rate"] .value')).toHaveText('83,3%');
	});
});

test.describe('overview on the sample province', () => {
	test('shows the latest complete reporting quarter, equal to native DuckDB on the same file', async ({ page }) => {
		const engine = await NodeEngine.open(join(E2E_SERVERS.sample.data, 'province.duckdb'), { access_mode: 'READ_ONLY' });
		const quarter = latestQuarter(SAMPLE_END, 15); // 15/6 – 14/9/2026
		const [native] = await queryMetrics(engine, { periods: [quarter] });
		await engine.close();
		expect(quarter).toMatchObject({ first: '2026-06-15', last: '2026-09-14' });

		await page.goto(siteUrl('sample'));
		await ready(page);
		await expect(page.getByTestId('period')).toHaveAttribute('data-first', '2026-06-15');
		await expect(page.getByTestId('period')).toHaveAttribute('data-last', '2026-09-14');
		const raw = async (id: string) => Number(await page.locator(`.tiles [data-metric="${id}"]`).getAttribute('data-value'));
		expect(await raw('received')).toBe(native.counts.received);
		expect(await raw('resolved')).toBe(native.counts.resolved);
		expect(await raw('overdue')).toBe(native.counts.overdue);
		expect(await raw('on_time_rate')).toBeCloseTo(rate('on_time_rate', native.counts)!, 12);
		expect(await raw('online_share')).toBeCloseTo(rate('online_share', native.counts)!, 12);
		expect(await raw('satisfaction_rate')).toBeCloseTo(rate('satisfaction_rate', native.counts)!, 12);
		for (const [name, width, height] of [['overview-1920x1080', 1920, 1080], ['overview-375x812', 375, 812], ['overview-3840x2160', 3840, 2160]] as const) {
			await page.setViewportSize({ width, height });
			await shot(page, name);
		}
	});
});

test('without data the page says what went wrong and what to do', async ({ page }) => {
	await page.goto(siteUrl('missing'));
	await expect(page.getByRole('alert')).toContainText('Không tải được số liệu');
	await expect(page.getByRole('alert')).toContainText('data/');
	await shot(page, 'overview-error-1920x1080');
});

/**
 * The dashboard on the 20-thousand-dossier sample province: what DuckDB-WASM shows equals
 * what native DuckDB computes from the same file, and the screenshots to look at.
 */
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { rate } from '../../src/lib/core/domain/metrics';
import { latestCompletePeriod } from '../../src/lib/core/domain/periods';
import { queryMetrics } from '../../src/lib/core/engine/metrics';
import { NodeEngine } from '../../src/lib/core/engine/node';
import { navigate, settled, shot } from './helpers';
import { E2E_SERVERS, SAMPLE_END, siteUrl } from './servers';

test('the latest complete reporting quarter equals native DuckDB on the same file', async ({ page }) => {
	const engine = await NodeEngine.open(join(E2E_SERVERS.sample.data, 'province.duckdb'), { access_mode: 'READ_ONLY' });
	const quarter = latestCompletePeriod(SAMPLE_END, 'reporting', 'quarter', 15); // 15/6 – 14/9/2026
	const [native] = await queryMetrics(engine, { periods: [quarter] });
	const communes = await queryMetrics(engine, { periods: [quarter], filters: { levels: ['commune'] } });
	await engine.close();
	expect(quarter).toMatchObject({ first: '2026-06-15', last: '2026-09-14' });

	await page.goto(siteUrl('sample'));
	await settled(page);
	await expect(page.getByTestId('period')).toHaveAttribute('data-first', '2026-06-15');
	await expect(page.getByTestId('period')).toHaveAttribute('data-last', '2026-09-14');
	const raw = async (id: string) => Number(await page.locator(`.tiles [data-metric="${id}"]`).getAttribute('data-value'));
	expect(await raw('received')).toBe(native.counts.received);
	expect(await raw('resolved')).toBe(native.counts.resolved);
	expect(await raw('overdue')).toBe(native.counts.overdue);
	expect(await raw('on_time_rate')).toBeCloseTo(rate('on_time_rate', native.counts)!, 12);
	expect(await raw('online_share')).toBeCloseTo(rate('online_share', native.counts)!, 12);
	expect(await raw('satisfaction_rate')).toBeCloseTo(rate('satisfaction_rate', native.counts)!, 12);
	for (const [name, width, height] of [
		['overview-1920x1080', 1920, 1080],
		['overview-375x812', 375, 812],
		['overview-3840x2160', 3840, 2160]
	] as const) {
		await page.setViewportSize({ width, height });
		await settled(page);
		await shot(page, name);
	}

	// One drill level down: the communes.
	await page.setViewportSize({ width: 1920, height: 1080 });
	await navigate(page, () => page.locator('[data-chart="compare"] rect.hit[data-key="commune"]').click());
	expect(await raw('received')).toBe(communes[0].counts.received);
	for (const [name, width, height] of [
		['drill-commune-1920x1080', 1920, 1080],
		['drill-commune-375x812', 375, 812]
	] as const) {
		await page.setViewportSize({ width, height });
		await settled(page);
		await shot(page, name);
	}
	// A phone never scrolls sideways: wide tables scroll inside their own box.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test('the first view is drawn from the figures computed at build time, before the engine has the data', async ({ page }) => {
	const engine = await NodeEngine.open(join(E2E_SERVERS.sample.data, 'province.duckdb'), { access_mode: 'READ_ONLY' });
	const [native] = await queryMetrics(engine, { periods: [latestCompletePeriod(SAMPLE_END, 'reporting', 'quarter', 15)] });
	await engine.close();
	// The engine's worker script never arrives, so DuckDB-WASM never starts: only the first view
	// (data/first-view.json) can draw anything.
	let held = 0;
	await page.route('**/duckdb-browser-*', () => void held++);
	await page.goto(siteUrl('sample'));
	await expect(page.locator('figure.chart svg').first()).toBeVisible({ timeout: 20_000 });
	const raw = async (id: string) => Number(await page.locator(`.tiles [data-metric="${id}"]`).getAttribute('data-value'));
	expect(await raw('received')).toBe(native.counts.received);
	expect(await raw('overdue')).toBe(native.counts.overdue);
	expect(await raw('on_time_rate')).toBeCloseTo(rate('on_time_rate', native.counts)!, 12);
	await expect(page.getByTestId('ranking').locator('tbody tr').first()).toBeVisible();
	// The engine is still waiting for its worker: the page is drawn but says it is not ready.
	await page.waitForTimeout(2000);
	expect(held).toBeGreaterThan(0);
	await expect(page.locator('main')).toHaveAttribute('data-ready', 'false');
});

test('the dossier list of an agency, overdue first', async ({ page }) => {
	await page.goto(siteUrl('sample', '/?view=dossiers'));
	await settled(page);
	const outcomes = await page.locator('[data-testid="dossiers"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-outcome')));
	expect(outcomes).toHaveLength(50);
	// Overdue ones, then late ones, never the other way round.
	const firstOther = outcomes.findIndex((o) => o !== 'overdue');
	expect(outcomes.slice(firstOther).includes('overdue')).toBe(false);
	await shot(page, 'dossiers-1920x1080');
});

test('when the data cannot be read the page says what went wrong and what to do', async ({ page }) => {
	// The server answers the data's manifest with an error, as a misconfigured server would.
	await page.route('**/data/manifest.json', (route) => route.fulfill({ status: 500, body: 'Internal Server Error' }));
	await page.goto(siteUrl('sample'));
	await expect(page.getByRole('alert')).toContainText('Không tải được số liệu');
	await expect(page.getByRole('alert')).toContainText('data/manifest.json: HTTP 500');
	await shot(page, 'overview-error-1920x1080');
});

/**
 * The two ways to count units across the 2025 reorganisation (docs/METRICS.md, "Two ways to
 * count units") on the sample province: the choice switched on the dashboard, the report and
 * the wall is in the address; a unit's row changes and the province's total does not, as
 * native DuckDB computes them from the same file; the pickers offer no two units alike; and
 * the screenshots of each page both ways, to look at.
 */
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { parsePeriodKey } from '../../src/lib/core/domain/periods';
import type { Units } from '../../src/lib/core/domain/succession';
import { CURRENT_UNITS_SQL } from '../../src/lib/core/domain/succession';
import { loadCatalog, unitsInPeriod } from '../../src/lib/core/engine/catalog';
import { queryMetrics } from '../../src/lib/core/engine/metrics';
import { NodeEngine } from '../../src/lib/core/engine/node';
import { navigate, reportView, search, settled, shot } from './helpers';
import { parseScorecard, serializeScorecard } from '../../src/lib/scorecard/address';

const scorecardView = (p: URLSearchParams) => serializeScorecard(parseScorecard(p)).toString();
import { E2E_SERVERS, siteUrl } from './servers';

/** Reporting quarter III 2024 (15/6 – 14/9/2024): a year before the district level was abolished. */
const QUARTER = 'r15-quarter-2024-3';

/** The province's received dossiers, and each unit's, counted one way, by native DuckDB; the units of the quarter and today's. */
async function native(units: Units) {
	const engine = await NodeEngine.open(join(E2E_SERVERS.sample.data, 'province.duckdb'), { access_mode: 'READ_ONLY' });
	try {
		const periods = [parsePeriodKey(QUARTER)];
		const [total] = await queryMetrics(engine, { periods });
		const byAgency = await queryMetrics(engine, { periods, groupBy: ['agency'], units });
		const today = new Set((await engine.query<{ current_id: string }>(CURRENT_UNITS_SQL)).map((r) => r.current_id));
		const inQuarter = unitsInPeriod((await loadCatalog(engine)).agencies, periods[0]).length;
		return { total: total.counts.received, byAgency: new Map(byAgency.map((r) => [r.keys.agency!, r.counts.received])), today, inQuarter };
	} finally {
		await engine.close();
	}
}

const raw = async (page: Page, id: string) => Number(await page.locator(`.tiles [data-metric="${id}"]`).getAttribute('data-value'));

async function noTwoAlike(page: Page, select: string) {
	const texts = await page.locator(`${select} option`).allTextContents();
	expect(texts.length).toBeGreaterThan(1);
	expect(new Set(texts).size).toBe(texts.length);
}

test('the dashboard both ways: the address carries the choice, units change, the province does not', async ({ page }) => {
	const [received, current] = [await native('received'), await native('current')];
	expect(current.total).toBe(received.total);
	// The largest unit today by today's units: more dossiers than it received itself (it took over others' work).
	const [top, topCount] = [...current.byAgency].sort((a, b) => b[1] - a[1])[0];
	expect(topCount).toBeGreaterThan(received.byAgency.get(top) ?? 0);

	await page.goto(siteUrl('sample', `/?period=${QUARTER}&sort=-received`));
	await settled(page);
	expect(await raw(page, 'received')).toBe(received.total);
	await expect(page.getByTestId('units')).toContainText('Theo đơn vị lúc tiếp nhận');
	await expect(page.locator('input[name=units][value=received]')).toBeChecked();
	// 2024: three levels, the units of that quarter, none named like another.
	await expect(page.locator('select[name=level] option[value=district]')).toHaveCount(1);
	await noTwoAlike(page, 'select[name=agency]');
	// "Tất cả" and the units that existed in the quarter.
	await expect(page.locator('select[name=agency] option')).toHaveCount(received.inQuarter + 1);
	await shot(page, 'units-dashboard-received-1920x1080');

	await navigate(page, () => page.locator('input[name=units][value=current]').check());
	expect(search(page).get('units')).toBe('current');
	expect(search(page).get('period')).toBe(QUARTER);
	expect(await raw(page, 'received')).toBe(received.total);
	await expect(page.getByTestId('units')).toContainText('Theo đơn vị hiện nay');
	const row = page.getByTestId('ranking').locator(`tr[data-key="${top}"] td[data-metric=received]`);
	await expect(row).toHaveText(new RegExp(`^\\s*${topCount.toLocaleString('vi-VN').replace('.', '\\.')}\\s*$`));
	// Today's units: no district level, said where the filter and the levels chart would have shown it.
	await expect(page.locator('select[name=level] option[value=district]')).toHaveCount(0);
	await expect(page.getByTestId('level-gone').first()).toHaveText('Từ 1/7/2025 không còn cấp huyện');
	await expect(page.locator('[data-chart="compare"] rect.hit[data-key="district"]')).toHaveCount(0);
	await noTwoAlike(page, 'select[name=agency]');
	await expect(page.locator('select[name=agency] option')).toHaveCount(current.today.size + 1);
	await shot(page, 'units-dashboard-current-1920x1080');

	// Back: the units as they were again, from the address.
	await page.goBack();
	await settled(page);
	expect(search(page).get('units')).toBeNull();
	await expect(page.getByTestId('units')).toContainText('Theo đơn vị lúc tiếp nhận');

	// In English, from a copied address.
	await page.goto(siteUrl('sample', `/?period=${QUARTER}&units=current&lang=en`));
	await settled(page);
	await expect(page.getByTestId('units')).toContainText("By today's units");
	await expect(page.getByTestId('level-gone').first()).toHaveText('No district level since 1/7/2025');
	await expect(page.locator('input[name=units][value=current]')).toBeChecked();
	await shot(page, 'units-dashboard-current-en-1920x1080');

	// Quarter III 2025 (15/6 – 14/9/2025) straddles 1/7/2025: as the units were, its districts are there, and both
	// the old communes and the new, none named like another.
	await page.goto(siteUrl('sample', '/?period=r15-quarter-2025-3'));
	await settled(page);
	await expect(page.locator('select[name=level] option[value=district]')).toHaveCount(1);
	await expect(page.locator('[data-chart="compare"] rect.hit[data-key="district"]')).toHaveCount(1);
	await expect(page.getByTestId('level-gone')).toHaveCount(0);
	await noTwoAlike(page, 'select[name=agency]');
	await shot(page, 'units-dashboard-straddling-1920x1080');
});

test('the report both ways: the same total, today’s units as its rows, the choice in the address', async ({ page }) => {
	const current = await native('current');
	await page.goto(siteUrl('sample', `/report?period=${QUARTER}`));
	await settled(page, reportView);
	const total = page.locator('tr[data-kind=total] td.n').first();
	const before = await total.textContent();
	expect(before).toBe(current.total.toLocaleString('vi-VN'));
	expect(await page.locator('tr[data-kind=level]').count()).toBe(3);
	await shot(page, 'units-report-received-full');
	await page.screenshot({ path: 'tests/.out/screenshots/units-report-received-1920x1080.png' });

	await navigate(page, () => page.locator('input[name=units][value=current]').check(), reportView);
	expect(search(page).get('units')).toBe('current');
	await expect(total).toHaveText(before!);
	await expect(page.locator('.line').last()).toContainText('Theo đơn vị hiện nay');
	expect(await page.locator('tr[data-kind=level]').count()).toBe(2);
	const keys = await page.locator('tr[data-kind=item]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
	expect(keys.filter((k) => !current.today.has(k!))).toEqual([]);
	// Every unit with dossiers by today's units has its row, with its count.
	for (const [id, n] of current.byAgency) await expect(page.locator(`tr[data-kind=item][data-key="${id}"] td.n`).first()).toHaveText(n.toLocaleString('vi-VN'));
	await expect(page.getByTestId('level-gone')).toHaveText('Từ 1/7/2025 không còn cấp huyện');
	await shot(page, 'units-report-current-full');
	await page.screenshot({ path: 'tests/.out/screenshots/units-report-current-1920x1080.png' });
});

test('the scorecard both ways: today’s units ranked by today’s units, the choice in the address', async ({ page }) => {
	const current = await native('current');
	await page.goto(siteUrl('sample', `/scorecard?period=${QUARTER}`));
	await settled(page, scorecardView);
	const keys = () => page.locator('tbody tr[data-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')!));
	const received = await keys();
	expect(received.length).toBe(current.inQuarter);
	expect(received.filter((k) => !current.today.has(k)).length).toBeGreaterThan(0);
	await page.screenshot({ path: 'tests/.out/screenshots/units-scorecard-received-1920x1080.png' });

	await navigate(page, () => page.locator('input[name=units][value=current]').check(), scorecardView);
	expect(search(page).get('units')).toBe('current');
	const today = await keys();
	expect(today.length).toBe(current.today.size);
	expect(today.filter((k) => !current.today.has(k))).toEqual([]);
	await expect(page.getByTestId('level-gone')).toHaveText('Từ 1/7/2025 không còn cấp huyện');
	await expect(page.locator('input[name=levels][value=district]')).toHaveCount(0);
	await page.screenshot({ path: 'tests/.out/screenshots/units-scorecard-current-1920x1080.png' });
});

for (const [w, h] of [
	[1920, 1080],
	[3840, 2160]
] as const)
	test(`the wall both ways at ${w}×${h}: its header says which`, async ({ page }) => {
		await page.setViewportSize({ width: w, height: h });
		for (const [units, words] of [
			['received', 'Theo đơn vị lúc tiếp nhận'],
			['current', 'Theo đơn vị hiện nay']
		] as const)
			for (const scene of ['ranking', 'levels']) {
				await page.goto(siteUrl('sample', `/wall?pin=${scene}&units=${units}&stale=1000000`));
				await expect(page.locator('.wall')).toHaveAttribute('data-scene', scene, { timeout: 45_000 });
				await expect(page.locator('.period')).toContainText(words, { timeout: 45_000 });
				await page.screenshot({ path: `tests/.out/screenshots/units-wall-${scene}-${units}-${w}x${h}.png` });
			}
	});

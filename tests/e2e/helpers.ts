/** Waiting for the dashboard, and saving what it shows. */
import { expect, type Download, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { parseReport, serializeReport } from '../../src/lib/report/address';
import { parseView, serializeView } from '../../src/lib/dashboard/view';

/** The dashboard's view in an address, written as main[data-view] names it. */
const dashboardView = (p: URLSearchParams) => serializeView(parseView(p)).toString();
/** The report's options in an address, written as main[data-view] names them. */
export const reportView = (p: URLSearchParams) => serializeReport(parseReport(p)).toString();

/** Waits until the figures on screen are those of the view in the address (the dashboard's, or the page's `canonical`). */
export async function settled(page: Page, canonical: (p: URLSearchParams) => string = dashboardView) {
	await expect
		.poll(
			async () => {
				const want = canonical(new URL(page.url()).searchParams);
				const main = page.locator('main');
				return (await main.getAttribute('data-ready')) === 'true' && (await main.getAttribute('data-view')) === want;
			},
			{ timeout: 45_000 }
		)
		.toBe(true);
}

/**
 * Does something that changes the view (a click, a choice) and waits until the new view is
 * on screen: first the address changes, then the figures catch up. Waiting for the figures
 * alone could pass before the click's navigation has even begun.
 */
export async function navigate(page: Page, act: () => Promise<unknown>, canonical = dashboardView) {
	const before = page.url();
	await act();
	await expect.poll(() => page.url(), { timeout: 45_000 }).not.toBe(before);
	await settled(page, canonical);
}

export async function shot(page: Page, name: string) {
	await page.screenshot({ path: `tests/.out/screenshots/${name}.png`, fullPage: true });
}

export function tile(page: Page, id: string) {
	return page.locator(`.tiles [data-metric="${id}"] .value`);
}

/** Clicks something that downloads a file, and returns the file's bytes. */
export async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
	const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
	return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

export function search(page: Page): URLSearchParams {
	return new URL(page.url()).searchParams;
}

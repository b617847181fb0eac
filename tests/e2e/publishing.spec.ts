/**
 * The province's nightly publication, end to end, as docs/PUBLISHING.md runs it: the
 * scheduled script (deploy/nightly.sh) ingests the night's export, builds the site and
 * switches the web root; a wall screen open on the site shows the first night's figures,
 * then the next night's without a reload; the public page built with them shows them too;
 * and deploy/rollback.sh brings the first night back. Figures: tests/fixtures/updates.
 */
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { serve } from '../../scripts/serve.mjs';
import { PUBLISHED } from '../fixtures/updates/expected';

const ROOT = resolve('tests/.out/publishing');
const PORT = 4318 + Number(process.env.E2E_PORT_OFFSET ?? 0);
// The second night's database is brought up to date in a copy of the first's (as a large province's every
// night is: a few changed dossiers among millions), so the browser reads a file written that way.
const env = { EXPORTS_DIR: join(ROOT, 'exports'), DATA_DIR: join(ROOT, 'data'), SITE_DIR: join(ROOT, 'site'), PROVINCE: 'Tỉnh Thử nghiệm', KEEP: '3', INGEST_OPTIONS: '--rewrite-above 100' };

function run(script: string, ...args: string[]) {
	const r = spawnSync('bash', [script, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
	if (r.status !== 0) throw new Error(`${script} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
	return r.stdout;
}

/** One night: the export arrives, the scheduled script runs. */
function night(exportFile: 'export-1.csv' | 'export-2.csv') {
	copyFileSync(join('tests/fixtures/updates', exportFile), join(env.EXPORTS_DIR, exportFile));
	return run('deploy/nightly.sh');
}

async function showsNight(wall: Page, exportFile: keyof typeof PUBLISHED) {
	const want = PUBLISHED[exportFile];
	await expect(wall.getByTestId('overdue-total')).toHaveText(`${want.overdue.total} hồ sơ đang quá hạn lúc hết ngày ${want.asOf}`, { timeout: 45_000 });
	await expect(wall.locator('.bars li .name')).toHaveText([...want.overdue.names]);
	await expect(wall.locator('.bars li .value')).toHaveText(want.overdue.values.map(String));
}

async function publicShows(page: Page, exportFile: keyof typeof PUBLISHED) {
	const want = PUBLISHED[exportFile];
	await page.goto(`http://127.0.0.1:${PORT}/public`);
	await expect(page.locator('.intro')).toContainText(`đến hết ngày ${want.asOf}`);
	await expect(page.getByTestId('ytd-figures').locator('[data-figure=received]')).toHaveText(String(want.yearToDate.received));
	await expect(page.getByTestId('ytd-figures').locator('[data-figure=resolved]')).toHaveText(String(want.yearToDate.resolved));
}

let server: Server;
test.beforeAll(() => {
	rmSync(ROOT, { recursive: true, force: true });
	mkdirSync(env.EXPORTS_DIR, { recursive: true });
});
test.afterAll(() => server?.close());

test('a night’s export reaches the wall without a reload and the public page; a rollback brings the night before back', async ({ page, browser }) => {
	test.setTimeout(240_000);
	night('export-1.csv');
	server = await serve({ root: env.SITE_DIR, port: PORT, live: true });
	await page.goto(`http://127.0.0.1:${PORT}/wall?pin=overdue&refresh=1&stale=1000000`);
	await showsNight(page, 'export-1.csv');
	await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
	const visitor = await browser.newPage();
	await publicShows(visitor, 'export-1.csv');

	// The next night, while the wall is on.
	night('export-2.csv');
	await showsNight(page, 'export-2.csv');
	expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
	// New data, the same code: the wall's service worker is byte for byte the same, so no wall reloads for it.
	const releases = readdirSync(`${env.SITE_DIR}.releases`).sort();
	expect(releases).toHaveLength(2);
	const [first, second] = releases.map((r) => readFileSync(join(`${env.SITE_DIR}.releases`, r, 'service-worker.js'), 'utf8'));
	expect(second).toBe(first);
	await publicShows(visitor, 'export-2.csv');
	const dataManifest = () => JSON.parse(readFileSync(join(env.DATA_DIR, 'manifest.json'), 'utf8'));
	const secondNight = dataManifest();
	expect(secondNight).toMatchObject({ size: 11, dataAsOf: '2025-04-22' });

	// A night with no export publishes nothing new.
	expect(run('deploy/nightly.sh')).toContain('Không có tệp xuất mới');

	// Back to the first night: the web root and the data folder.
	run('deploy/rollback.sh');
	await showsNight(page, 'export-1.csv');
	await publicShows(visitor, 'export-1.csv');
	expect(dataManifest()).toMatchObject({ database: secondNight.previous, size: 8, dataAsOf: '2025-03-31' });
});

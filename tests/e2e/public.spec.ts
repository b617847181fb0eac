/**
 * The public pages as `npm run build:public` writes them, from the sample database, served
 * on their own: no dossier id anywhere in the output, no small group shown, WCAG checks by
 * axe-core, keyboard only, JavaScript off, the bytes and requests of a first visit, the
 * screenshots to look at; and the language every prerendered page's HTML names, there and in build/.
 */
import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { latestCompletePeriod } from '../../src/lib/core/domain/periods';
import { NodeEngine } from '../../src/lib/core/engine/node';
import { shot } from './helpers';
import { E2E_SERVERS, PUBLIC_FROM, SAMPLE_END, siteUrl } from './servers';

const OUT = E2E_SERVERS.public.root;
const PAGES = ['/public', '/public/en', '/public/widget', '/public/widget/en'];

function filesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? filesUnder(path) : [path];
	});
}

async function withSample<T>(run: (engine: NodeEngine) => Promise<T>): Promise<T> {
	const engine = await NodeEngine.open(join(PUBLIC_FROM, 'province.duckdb'), { access_mode: 'READ_ONLY' });
	try {
		return await run(engine);
	} finally {
		await engine.close();
	}
}

test('no file of the public output holds a dossier id of the data it was built from, and no database is in it', async () => {
	const ids = await withSample(async (e) => new Set((await e.query<{ id: string }>('SELECT id FROM dossiers')).map((r) => r.id)));
	expect(ids.size).toBe(20_000);
	const files = filesUnder(OUT);
	expect(files.filter((f) => /\.(duckdb|parquet|js|json|wasm)$/.test(f))).toEqual([]);
	// Ids are made of letters, digits, dots and dashes: every run of those characters in a file, and every stretch of it
	// as long as an id (an id glued to other text), is looked up among them.
	const lengths = [...new Set([...ids].map((id) => id.length))];
	let tokens = 0;
	for (const file of files) {
		const bytes = readFileSync(file);
		for (const text of [bytes.toString('latin1'), bytes.toString('utf8')]) {
			for (const token of text.match(/[A-Za-z0-9.-]+/g) ?? []) {
				tokens++;
				for (const n of lengths) for (let i = 0; i + n <= token.length; i++) if (ids.has(token.slice(i, i + n))) throw new Error(`${file} holds dossier ${token.slice(i, i + n)}`);
			}
		}
	}
	expect(tokens).toBeGreaterThan(1000); // the scan did read the pages
});

test('every prerendered page names its language in <html lang>: the English public pages en, every other page vi', () => {
	// The site as built (build/, the app pages and the public ones) and the public output on its own.
	for (const [root, known] of [
		['build', ['index.html', 'report.html', 'data.html', 'wall.html', 'public.html', 'public/en.html', 'public/widget.html', 'public/widget/en.html']],
		[OUT, ['public.html', 'public/en.html', 'public/widget.html', 'public/widget/en.html']]
	] as const) {
		const pages = filesUnder(root)
			.filter((f) => f.endsWith('.html'))
			.map((f) => relative(root, f));
		expect(pages).toEqual(expect.arrayContaining([...known]));
		for (const page of pages) {
			const lang = readFileSync(join(root, page), 'utf8').match(/<html lang="([^"]*)"/)?.[1];
			expect(lang, `${root}/${page}`).toBe(/(^|\/)en\.html$/.test(page) ? 'en' : 'vi');
		}
	}
});

test('an agency with fewer than 5 dossiers in the period is not shown; the merged row says how many it holds', async ({ page }) => {
	const quarter = latestCompletePeriod(SAMPLE_END, 'reporting', 'quarter', 15);
	const small = await withSample((e) =>
		e.query<{ name: string; n: number }>(`SELECT a.name, count(*)::INTEGER AS n FROM dossiers d JOIN agencies a ON a.id = d.agency_id
WHERE d.received_at < TIMESTAMP '${quarter.last} 00:00:00' + INTERVAL 1 DAY
  AND coalesce(d.resolved_at, d.withdrawn_at, TIMESTAMP '9999-01-01') >= TIMESTAMP '${quarter.first} 00:00:00'
GROUP BY a.name HAVING count(*) < 5`)
	);
	expect(small.length).toBeGreaterThan(0); // the sample has such agencies: the test can fail
	await page.goto(siteUrl('public', '/public'));
	const table = page.getByTestId('agency-table');
	const names = await table.locator('tbody tr:not(.merged) th').allTextContents();
	for (const { name } of small) expect(names).not.toContain(name);
	const received = (await table.locator('tbody tr td:nth-child(2)').allTextContents()).map((t) => Number(t.replace(/\./g, '')));
	for (const n of received) expect(n).toBeGreaterThanOrEqual(5);
	await expect(page.getByTestId('merged')).toContainText(`Các cơ quan khác (${small.length} cơ quan, mỗi cơ quan dưới 5 hồ sơ)`);
	const html = readFileSync(join(OUT, 'public.html'), 'utf8');
	for (const { name } of small) expect(html).not.toContain(`>${name}<`);
});

for (const path of PAGES) {
	test(`axe-core finds no WCAG 2.1 AA violation on ${path}`, async ({ page }) => {
		await page.goto(siteUrl('public', path));
		await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
		const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`)) as {
			violations: { id: string; nodes: { target: string[] }[] }[];
		};
		expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
	});
}

async function tabThrough(page: Page): Promise<string[]> {
	const reached: string[] = [];
	for (let i = 0; i < 40; i++) {
		await page.keyboard.press('Tab');
		const key = await page.evaluate(() => {
			const e = document.activeElement as HTMLElement | null;
			return e && e !== document.body ? `${e.tagName}:${e.getAttribute('href') ?? e.getAttribute('aria-labelledby') ?? e.textContent?.trim().slice(0, 30)}` : null;
		});
		if (!key || reached.includes(key)) break;
		reached.push(key);
	}
	return reached;
}

test('keyboard only: Tab reaches every control of the page and the widget; the skip link moves to the content', async ({ page }) => {
	for (const path of ['/public', '/public/widget']) {
		await page.goto(siteUrl('public', path));
		const controls = await page.evaluate(() =>
			[...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex="0"]')].map(
				(e) => `${e.tagName}:${e.getAttribute('href') ?? e.getAttribute('aria-labelledby') ?? e.textContent?.trim().slice(0, 30)}`
			)
		);
		expect(controls.length).toBeGreaterThan(0);
		expect(await tabThrough(page)).toEqual(controls);
	}
	await page.goto(siteUrl('public', '/public'));
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#main$/);
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'English' })).not.toBeFocused();
});

test.describe('with JavaScript disabled', () => {
	test.use({ javaScriptEnabled: false });
	test('the headline figures are on the page and in the widget', async ({ page }) => {
		// Received in the quarter: received by its last day and not finished before its first (docs/METRICS.md, "How a period is counted"), counted here in plain SQL.
		const quarter = latestCompletePeriod(SAMPLE_END, 'reporting', 'quarter', 15);
		const [{ received }] = await withSample((e) =>
			e.query<{ received: number }>(`SELECT count(*)::INTEGER AS received FROM dossiers
WHERE received_at < TIMESTAMP '${quarter.last} 00:00:00' + INTERVAL 1 DAY
  AND coalesce(resolved_at, withdrawn_at, TIMESTAMP '9999-01-01') >= TIMESTAMP '${quarter.first} 00:00:00'`)
		);
		await page.goto(siteUrl('public', '/public'));
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Quảng Ngãi');
		await expect(page.getByTestId('latest-figures').locator('[data-figure=received]')).toHaveText(received.toLocaleString('de-DE'));
		for (const figure of ['received', 'resolved', 'on_time_rate', 'online_share', 'satisfaction_rate']) {
			await expect(page.getByTestId('latest-figures').locator(`[data-figure=${figure}]`)).toHaveText(/^[\d.]+(,\d)?%?$/);
		}
		await page.goto(siteUrl('public', '/public/widget'));
		await expect(page.locator('[data-figure=received]')).toHaveText(/^[\d.]+$/);
	});
});

test('a first visit: under 300 KB in all, and every request to the page’s own origin', async ({ page }) => {
	const origin = new URL(siteUrl('public')).origin;
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	const requests: string[] = [];
	let bytes = 0;
	cdp.on('Network.requestWillBeSent', (e) => requests.push(e.request.url));
	cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
	await page.goto(siteUrl('public', '/public'), { waitUntil: 'networkidle' });
	const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length);
	expect(fcp).toBe(1);
	console.log(`public page, first visit: ${requests.length} requests, ${Math.round(bytes / 1024)} KB`);
	expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
	expect(requests.some((u) => /duckdb|\.wasm|\.js$/.test(u))).toBe(false);
	expect(bytes).toBeLessThan(300 * 1024);
});

test('screenshots at 375×812 and 1920×1080, with no sideways scroll on a phone', async ({ page }) => {
	for (const [w, h] of [
		[375, 812],
		[1920, 1080]
	] as const) {
		await page.setViewportSize({ width: w, height: h });
		await page.goto(siteUrl('public', '/public'));
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
		await shot(page, `public-${w}x${h}`);
		await page.goto(siteUrl('public', '/public/widget'));
		await shot(page, `public-widget-${w}x${h}`);
	}
	await page.setViewportSize({ width: 1920, height: 1080 });
	await page.goto(siteUrl('public', '/public/en'));
	await expect(page.getByRole('link', { name: 'Tiếng Việt' })).toBeVisible();
	await shot(page, 'public-en-1920x1080');
});

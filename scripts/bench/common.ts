/** What the browser benchmarks share: in-page actions, timing a redraw, medians. */
import { chromium, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { writeFirstView } from '../first-view';
import { generateSample } from '../generate';
import { serve } from '../serve.mjs';

/**
 * The sample province at `size` dossiers (data/bench/<size>, written once and kept), and the
 * built site serving it on `port`.
 */
export async function serveSample(size: number, port: number) {
	const data = `data/bench/${size}`;
	mkdirSync(data, { recursive: true });
	await generateSample({ size, end: '2026-11-20', out: data });
	await writeFirstView(data);
	if (!existsSync('build/index.html')) execFileSync('node', ['scripts/build.mjs', '--no-data'], { stdio: 'inherit' });
	return { server: await serve({ root: 'build', data, port }), data };
}

/**
 * The port a benchmark serves on: its own default, or BENCH_PORT (two checkouts on one
 * machine can then run their benchmarks at once).
 */
export const benchPort = (fallback: number) => Number(process.env.BENCH_PORT ?? fallback);

/** In-page actions: a click on an element (SVG too), or a new value for a select. */
export const click = (selector: string) => `document.querySelector(${JSON.stringify(selector)}).dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }))`;
export const choose = (name: string, value: string) =>
	`{ const s = document.querySelector('select[name=${name}]'); s.value = ${JSON.stringify(value)}; s.dispatchEvent(new Event('change', { bubbles: true })); }`;
/**
 * Runs an action in the page and resolves with the milliseconds until the new view is drawn.
 * The page code is a string: the TypeScript loader would otherwise wrap its functions in a
 * helper that does not exist in the page.
 */
export async function timed(page: Page, action: string): Promise<number> {
	return page.evaluate(`(async () => {
		const main = document.querySelector('main');
		const before = location.search;
		const drawn = () => location.search !== before && main.dataset.ready === 'true' && main.dataset.view === location.search.slice(1);
		const t0 = performance.now();
		${action};
		await new Promise((resolve) => {
			const observer = new MutationObserver(() => drawn() && (observer.disconnect(), resolve()));
			observer.observe(main, { attributes: true });
			// The address may change after the attributes (a cached view is ready at once).
			const poll = () => (drawn() ? (observer.disconnect(), resolve()) : requestAnimationFrame(poll));
			requestAnimationFrame(poll);
		});
		// The frame that shows it.
		await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
		return performance.now() - t0;
	})()`);
}

export const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

export function launch() {
	return chromium.launch({
		executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
		args: ['--headless', '--no-sandbox', '--disable-gpu']
	});
}

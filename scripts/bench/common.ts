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
export const choose = (name: string, value: string) => `{ const s = document.querySelector('select[name=${name}]'); s.value = ${JSON.stringify(value)}; s.dispatchEvent(new Event('change', { bubbles: true })); }`;
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

export type Kind = 'drill' | 'filter' | 'period' | 'sort' | 'list' | 'report';
/** How long the script looks at a view before the next interaction. */
/**
 * The step that leaves the dashboard for the report: the header's link, timed (in the page)
 * until the report's form is drawn. An expression for page.evaluate; marks 'step open' for traces.
 */
export const TO_REPORT = `(async () => {
	const t0 = performance.now();
	performance.mark('step open');
	document.querySelector('header a[href*="report"]').click();
	await new Promise((resolve) => {
		const ready = () => { const m = document.querySelector('main'); return location.pathname.endsWith('/report') && m && m.dataset.ready === 'true' && document.querySelector('[data-testid=report-form]'); };
		const poll = () => (ready() ? resolve() : requestAnimationFrame(poll));
		poll();
	});
	await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
	return performance.now() - t0;
})()`;

export const LOOK_MS = 1000;
const firstRow = '[data-testid="ranking"] tbody tr:first-child th a';
const crumb = (i: number) => `[data-testid="breadcrumb"] li:nth-child(${i}) a`;
const compare = (key: string) => click(`[data-chart="compare"] rect.hit[data-key="${key}"]`);
/** The dashboard's part of the script: drill clicks, filter and period changes, sorts, dossier lists. */
export const DASHBOARD: { name: string; kind: Kind; action: string }[] = [
	{ name: 'level: communes (bar of the levels chart)', kind: 'drill', action: compare('commune') },
	{ name: 'agency: first of the ranking', kind: 'drill', action: click(firstRow) },
	{ name: 'field: first of the ranking', kind: 'drill', action: click(firstRow) },
	{ name: 'procedure: first of the ranking', kind: 'drill', action: click(firstRow) },
	{ name: 'dossier list', kind: 'list', action: click('a.dossiers-link') },
	{ name: 'breadcrumb: back to the agency', kind: 'drill', action: click(crumb(3)) },
	{ name: 'breadcrumb: back to the province', kind: 'drill', action: click(crumb(1)) },
	{ name: 'filter: channel online (full)', kind: 'filter', action: choose('channel', 'online_full') },
	{ name: 'filter: level province', kind: 'filter', action: choose('level', 'province') },
	{ name: 'filter: channel in person', kind: 'filter', action: choose('channel', 'in_person') },
	{ name: 'filter: clear', kind: 'filter', action: click('button.clear') },
	{ name: 'period: reporting month', kind: 'period', action: choose('span', 'month') },
	{ name: 'period: reporting year', kind: 'period', action: choose('span', 'year') },
	{ name: 'period: calendar year', kind: 'period', action: choose('kind', 'calendar') },
	{ name: 'period: calendar quarter', kind: 'period', action: choose('span', 'quarter') },
	{ name: 'period: a month of the trend', kind: 'period', action: click('[data-chart="trend-volume"] rect.hit:last-of-type') },
	{ name: 'sort: by received', kind: 'sort', action: click('a[data-sort="received"]') },
	{ name: 'level: province (bar)', kind: 'drill', action: compare('province') },
	{ name: 'agency: first of the ranking', kind: 'drill', action: click(firstRow) },
	{ name: 'period: calendar 6 months', kind: 'period', action: choose('span', 'half') },
	{ name: 'period: calendar 9 months', kind: 'period', action: choose('span', 'nine_months') },
	{ name: 'period: reporting 9 months', kind: 'period', action: choose('kind', 'reporting') },
	{ name: 'period: reporting quarter', kind: 'period', action: choose('span', 'quarter') },
	{ name: 'sort: by online share', kind: 'sort', action: click('a[data-sort="online_share"]') },
	{ name: 'sort: by overdue', kind: 'sort', action: click('a[data-sort="overdue"]') },
	{ name: 'field: first of the ranking', kind: 'drill', action: click(firstRow) },
	{ name: 'dossier list', kind: 'list', action: click('a.dossiers-link') },
	{ name: 'breadcrumb: back to the province', kind: 'drill', action: click(crumb(1)) },
	{ name: 'filter: channel postal', kind: 'filter', action: choose('channel', 'postal') },
	{ name: 'filter: clear', kind: 'filter', action: click('button.clear') },
	{ name: 'level: communes (bar)', kind: 'drill', action: compare('commune') },
	{ name: 'period: reporting month', kind: 'period', action: choose('span', 'month') }
];

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

/**
 * The analyst dashboard's controller: the session and the address (PageSession), the figures
 * of the view the address asks for (Figures, newest wins), the prefetching of the likely next
 * views, and what the page draws (model.ts), computed once per change of figures. The route
 * and its components render these fields and call the intents (`go`, `selectMonth`,
 * `selectGroup`, `exportDossiers`).
 *
 * Moving between views of the dashboard does not go through the router: the address of the
 * new view is written into the history at once (SvelteKit's shallow `pushState`, before the
 * page changes, so the browser has no layout to bring up to date), the figures are asked for
 * in the same task, and the page draws them in the frame after. Links inside the dashboard
 * (`links`) and back and forward (`popstate`) take the same road; a reload, a copied address
 * and every other page still go through SvelteKit. The address stays the source of truth:
 * the view is always read from it.
 *
 * Create during a component's initialisation (it registers effects and navigation hooks).
 */
import { onMount, untrack } from 'svelte';
import { preloadCode, pushState, replaceState } from '$app/navigation';
import { base } from '$app/paths';
import type { DossierListRow } from '../core/domain/query';
import type { Querier } from '../core/engine/types';
import { toCsv } from '../core/export/csv';
import { download } from '../core/export/download';
import { t } from './messages';
import { Figures, PageSession } from '../session/page.svelte';
import type { Session } from '../session/session';
import { dashboardData, dossierPage, viewDossiers, viewPeriod, type Dashboard } from './dashboard';
import { compareTarget, dashboardModel, dossiersFilename, dossiersTable, dueSoonTable, nextViews, share, type DashboardModel } from './model';
import { Prefetcher } from './prefetch';
import { DEFAULT_VIEW, parseView, serializeView, type ViewState } from './view';

/** A view's figures: the dashboard's, and a page of its dossiers when it lists them. */
export type ViewFigures = [Dashboard, DossierListRow[] | null];

export function viewFigures(db: Querier, s: Pick<Session, 'info'>, v: ViewState): Promise<ViewFigures> {
	return Promise.all([dashboardData(db, v, s.info), v.dossiers ? dossierPage(db, v, s.info) : null]);
}

/** The same key for two views that show the same figures: their address. */
export const viewKey = (v: ViewState) => serializeView(v).toString();

/** The dashboard's address of a view. */
export function viewHref(v: ViewState): string {
	const q = viewKey(v);
	return `${base}/${q ? `?${q}` : ''}`;
}

export class DashboardPage {
	readonly page = new PageSession(parseView, DEFAULT_VIEW, (v) => v.lang);
	readonly figures = new Figures<ViewState, ViewFigures>(viewFigures, viewKey);

	/** The view the address asks for (the filter bar shows it at once). */
	readonly view = $derived(this.page.address);
	readonly locale = $derived(this.view.lang);
	readonly session = $derived(this.page.session);
	/** The view whose figures are on screen (it lags `view` while a query runs). */
	readonly shown = $derived(this.figures.shown);
	/** main[data-view]: the address of the view on screen, so tests and the benchmark can tell when it has caught up. */
	readonly shownKey = $derived(this.shown ? viewKey(this.shown) : null);
	readonly busy = $derived(this.figures.busy);
	/** The session could not open. */
	readonly failure = $derived(this.page.failure);
	/** The last view's figures could not be computed. */
	readonly queryFailure = $derived(this.figures.failure);
	readonly ready = $derived(this.page.engineReady && !this.figures.busy && this.figures.data !== null && !this.page.failure);
	/** The site has no dossier at all: the page says so and links to the data page. */
	readonly emptySite = $derived(this.session?.info.dossiers === 0);
	readonly title = $derived(this.session ? `${t(this.locale, 'appTitle')} · ${this.session.info.province}` : t(this.locale, 'appTitle'));
	readonly langHref = $derived(viewHref({ ...this.view, lang: this.locale === 'vi' ? 'en' : 'vi' }));
	/** The period the address asks for, for the filter bar. */
	readonly period = $derived(this.session ? viewPeriod(this.view, this.session.info.dataAsOf, this.session.info.cutoffDay) : null);

	#previous: DashboardModel | null = null;
	/**
	 * What the page draws for the figures on screen; the parts that did not change keep their
	 * identity (model.ts `share`), so the components showing them have nothing to do.
	 */
	readonly model = $derived.by(() => {
		const s = this.session;
		const data = this.figures.data;
		const v = this.shown;
		if (!s || !data || !v) return null;
		return (this.#previous = share(this.#previous, dashboardModel(s, data[0], data[1], v, viewHref)));
	});
	// One field per part, each changing only when its part does.
	readonly heading = $derived(this.model?.heading);
	readonly crumbs = $derived(this.model?.crumbs);
	readonly tiles = $derived(this.model?.tiles);
	readonly dueSoon = $derived(this.model?.dueSoon);
	readonly listDueSoon = $derived(this.model?.listDueSoon);
	readonly empty = $derived(this.model?.empty);
	readonly list = $derived(this.model?.list);
	readonly dossiers = $derived(this.model?.dossiers);
	readonly volume = $derived(this.model?.volume);
	readonly rates = $derived(this.model?.rates);
	readonly compare = $derived(this.model?.compare);
	readonly ranking = $derived(this.model?.ranking);

	/**
	 * Guesses at the next view, asked for in the coordinator's lowest lane. Only the answers
	 * are wanted (they land in the cache): the figures' code is handed no rows to build from,
	 * so a dozen guesses a view leave no objects behind but the cached answers.
	 */
	private readonly prefetcher: Prefetcher = new Prefetcher((v) => {
		const s = this.page.session;
		if (!s) return Promise.resolve();
		const lane = s.db.lane('later', this.prefetcher);
		return viewFigures({ query: (sql) => lane.query(sql).then(() => []) }, s, v);
	});
	/** The request last sent to Figures, so an address read twice asks once. */
	private asked: { key: string; session: Session } | null = null;

	constructor() {
		$effect(() => {
			const s = this.session;
			const v = this.view;
			if (s) untrack(() => this.show(s, v));
		});
		onMount(() => {
			// Back and forward between views of the dashboard: SvelteKit's router only restores
			// the scroll position of the entries `go` wrote; the view is read from the address.
			const popped = () => {
				const url = new URL(location.href);
				if (url.pathname === this.path()) this.address(parseView(url.searchParams));
			};
			addEventListener('popstate', popped);
			return () => {
				removeEventListener('popstate', popped);
				// Leaving for another page: its queries go first, and no guess at a view of this one is asked for any more.
				this.prefetcher.stop();
				this.page.session?.db.drop(this.prefetcher);
			};
		});
	}

	/** The address of a view. */
	readonly href = viewHref;

	/**
	 * Shows a view: its address into the history (a new entry, unless it is the address
	 * already), then its figures. `hash` scrolls to an element of the page; `scroll` to the top.
	 */
	readonly go = (v: ViewState, { hash = '', scroll = false }: { hash?: string; scroll?: boolean } = {}) => {
		const url = viewHref(v) + hash;
		if (new URL(url, location.href).href === location.href) replaceState(url, {});
		else pushState(url, {});
		if (hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
		else if (scroll) scrollTo(0, 0);
		this.address(v);
	};

	/** A month of the trend: that month becomes the view's period. */
	readonly selectMonth = (key: string) => this.go({ ...this.view, period: key, page: 1 });

	/** A group of the comparison: a level drilled into, or a step of the path gone back up to. */
	readonly selectGroup = (key: string) => {
		if (this.compare) this.go(compareTarget(this.compare.kind, this.view, key));
	};

	/** A page of the dossier list. */
	readonly pageHref = (n: number) => viewHref({ ...(this.shown ?? this.view), page: n });

	/** Every dossier of the view on screen as CSV, in its language. */
	readonly exportDossiers = async () => {
		const s = this.session;
		const v = this.shown;
		if (!s || !v) return;
		const rows = await viewDossiers(s.db, v, s.info);
		const { header, body } = (v.dueSoonOnly ? dueSoonTable : dossiersTable)(rows, s.catalog, v.lang);
		const reference = v.dueSoonOnly ? this.figures.data?.[0].dueSoon.window.reference : undefined;
		download(dossiersFilename(viewPeriod(v, s.info.dataAsOf, s.info.cutoffDay), reference), toCsv(header, body), 'text/csv;charset=utf-8');
	};

	/**
	 * Clicks on links to views of the dashboard, anywhere inside `node`, go straight to `go`;
	 * every other link (other pages, new tabs, downloads) is left to the browser and SvelteKit.
	 * `data-sveltekit-noscroll` keeps the scroll position, as it does for SvelteKit's links.
	 */
	readonly links = (node: HTMLElement) => {
		const click = (e: MouseEvent) => {
			if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
			const a = (e.target as Element | null)?.closest?.('a[href]');
			if (!(a instanceof HTMLAnchorElement) || a.target || a.hasAttribute('download') || a.closest('[data-sveltekit-reload]')) return;
			const url = new URL(a.href, location.href);
			if (url.origin !== location.origin || url.pathname !== this.path() || location.pathname !== this.path()) return;
			e.preventDefault();
			this.go(parseView(url.searchParams), { hash: url.hash, scroll: !a.closest('[data-sveltekit-noscroll]') });
		};
		node.addEventListener('click', click);
		return () => node.removeEventListener('click', click);
	};

	/** The dashboard's own path. */
	private path(): string {
		return new URL(viewHref(DEFAULT_VIEW), location.href).pathname;
	}

	/** The address now asks for `v`: its figures are asked for at once, in this task. */
	private address(v: ViewState) {
		this.page.address = v;
		const s = this.page.session;
		if (s) this.show(s, v);
	}

	private show(s: Session, v: ViewState) {
		const key = viewKey(v);
		if (this.asked?.key === key && this.asked.session === s) return;
		this.asked = { key, session: s };
		this.prefetcher.stop();
		s.db.drop(this.prefetcher);
		this.figures.show(s, v).then((d) => {
			if (!d || this.figures.shown !== v) {
				// Failed or superseded: the same address asked again tries again.
				if (this.asked?.key === key && !d) this.asked = null;
				return;
			}
			s.db.ready.then(() => {
				if (this.figures.shown !== v) return;
				this.prefetcher.start(nextViews(d[0], v, this.model?.ranking.rows ?? [], s.info));
				this.preloadPages();
			});
		});
	}

	private preloaded = false;
	/**
	 * The report's code, once the engine is up: the header's link to it then opens it without
	 * fetching and compiling it first. (The data page's is larger and opened rarely.)
	 */
	private preloadPages() {
		if (this.preloaded) return;
		this.preloaded = true;
		preloadCode(new URL(`${base}/report`, location.href).pathname).catch(() => {});
	}
}

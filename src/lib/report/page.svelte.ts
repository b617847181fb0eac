/**
 * The report page's state and everything it does, so that its route only draws: the session
 * and the address (PageSession), the form and its annex asked for in turn and the newest
 * winning (ReportFigures), the view models the components draw (model.ts), and the
 * person's intents: options that navigate, agencies of the annex opened, files written.
 */
import { beforeNavigate, goto } from '$app/navigation';
import { base } from '$app/paths';
import { untrack } from 'svelte';
import { vietnamToday } from '../core/domain/dates';
import { periodKey, type Period } from '../core/domain/periods';
import type { Units } from '../core/domain/succession';
import { LEVELS, type Level } from '../core/domain/types';
import { levelsGone } from '../core/engine/catalog';
import type { Querier } from '../core/engine/types';
import { download } from '../core/export/download';
import { t } from './messages';
import { Figures, PageSession, errorMessage } from '../session/page.svelte';
import type { Session } from '../session/session';
import { DEFAULT_REPORT, parseReport, serializeReport, type ReportQuery } from './address';
import { reportAnnex, reportData, type AnnexGroup, type Report } from './data';
import type { Grouping } from './form';
import { annexCsv, annexView, formCsv, formView, likelyNext, openAtFirst, reportKey, reportPeriod, rowNames, toggled, workbookName, workbookTitle } from './model';
import { reportLayout } from './table';
import { reportWorkbook } from './xlsx';

/** The form of a report (null when no level is chosen): one query of the pre-aggregated counts. */
export function formOf(db: Querier, s: Pick<Session, 'info' | 'catalog'>, q: ReportQuery): Promise<Report | null> {
	if (q.levels.length === 0) return Promise.resolve(null);
	const options = { period: reportPeriod(q, s.info), levels: q.levels, grouping: q.grouping, compare: q.compare, units: q.units, locale: q.lang };
	return reportData(db, options, s.info.aggregated, s.catalog, rowNames(q.lang));
}

/** The annex of a report: the late and overdue dossiers, by agency. */
export function annexOf(db: Querier, s: Pick<Session, 'info' | 'catalog'>, q: ReportQuery): Promise<AnnexGroup[]> {
	if (q.levels.length === 0) return Promise.resolve([]);
	return reportAnnex(db, { period: reportPeriod(q, s.info), levels: q.levels, units: q.units, locale: q.lang }, s.info.aggregated, s.catalog, rowNames(q.lang));
}

/** Runs `f` after the next frame has been drawn. */
export const afterNextFrame = (f: () => void) => requestAnimationFrame(() => setTimeout(f));

/** How long a report stays on screen before the likely next ones are asked for. */
export const PREFETCH_AFTER_MS = 100;

/**
 * A report's figures as they reach the screen. The form is asked for in the coordinator's
 * `now` lane; its annex in the `soon` lane once the frame that shows the form is drawn: the
 * engine's worker then does not take the CPU from the form's drawing (on two cores shared
 * with other work that cost the form more than the annex gained), and a long annex never
 * holds the form back. The annex is drawn only under its own form. A newer report asked for
 * meanwhile wins: the older one's queries not yet sent are dropped and its late answers are
 * not drawn. Once a report is drawn, the forms of the likely next ones (model.ts `likelyNext`)
 * are asked for in the `later` lane, so that choosing one does not wait for the engine.
 */
export class ReportFigures {
	readonly form = new Figures<ReportQuery, Report | null>(formOf, reportKey);
	private readonly annexes = new Figures<ReportQuery, AnnexGroup[]>(annexOf, reportKey, 'soon');
	/** The annex drawn, and the report it belongs to (its key, its options, its period). */
	annex = $state.raw<{ key: string; query: ReportQuery; period: Period; groups: AnnexGroup[] } | null>(null);
	/** Why the annex of a report (its key) could not be listed. */
	annexFailure = $state.raw<{ key: string; message: string } | null>(null);
	/** The agencies of the annex whose dossiers are listed; the others show their counts only. */
	open = $state.raw(new Set<string>());
	private asked: { key: string; session: Session; done: Promise<void> } | null = null;
	private prefetching = { plan: 0, owner: {} };

	constructor(
		private readonly afterFrame: (f: () => void) => void = afterNextFrame,
		private readonly prefetchAfterMs = PREFETCH_AFTER_MS
	) {}

	/** The key of the report whose form is on screen. */
	get shownKey(): string | null {
		return this.form.shown ? reportKey(this.form.shown) : null;
	}

	/** Asks for a report; resolves once its form and annex are drawn, or it was superseded or failed. */
	show(session: Session, q: ReportQuery): Promise<void> {
		const key = reportKey(q);
		// Asked again as the navigation ends (it was asked as it started): the same request.
		if (this.asked?.key === key && this.asked.session === session) return this.asked.done;
		this.stopPrefetching(session);
		const form = this.form.show(session, q);
		const done = this.follow(session, q, key, form);
		this.asked = { key, session, done };
		return done;
	}

	/** The annex of a report, for the files: the one drawn, or asked for (an answer on its way is shared). */
	annexFor(session: Session, q: ReportQuery): Promise<AnnexGroup[]> {
		const key = reportKey(q);
		if (this.annex?.key === key) return Promise.resolve(this.annex.groups);
		return annexOf(session.db.lane('now'), session, q);
	}

	toggle(agencyId: string): void {
		this.open = toggled(this.open, agencyId);
	}

	/** The person asked for another page, or another report: nothing more is guessed at for this one. */
	stopPrefetching(session: Session | null): void {
		this.prefetching.plan++;
		session?.db.drop(this.prefetching.owner);
	}

	private async follow(session: Session, q: ReportQuery, key: string, form: Promise<unknown>): Promise<void> {
		await form;
		if (this.shownKey !== key) {
			// Failed (not superseded): asking again tries again.
			if (this.asked?.key === key && this.form.failure) this.asked = null;
			return;
		}
		await new Promise<void>((drawn) => this.afterFrame(drawn));
		if (this.asked?.key !== key || this.shownKey !== key) return; // a newer report was asked for meanwhile
		const groups = await this.annexes.show(session, q);
		if (this.asked?.key !== key || this.shownKey !== key) return;
		if (groups === null) {
			const message = this.annexes.failure;
			if (message) this.annexFailure = { key, message };
			return;
		}
		this.annexFailure = null;
		this.open = openAtFirst(groups);
		this.annex = { key, query: q, period: reportPeriod(q, session.info), groups };
		this.prefetch(session, q);
	}

	/**
	 * The likely next reports' forms, one query after another, once this one has been read
	 * for a moment. Not their annexes: a year's annex lists thousands of dossiers, whose
	 * answer is read on the main thread, where it could hold up the click it guessed at.
	 */
	private prefetch(session: Session, q: ReportQuery): void {
		const plan = ++this.prefetching.plan;
		const owner = (this.prefetching.owner = {});
		setTimeout(async () => {
			await session.db.ready.catch(() => {});
			for (const next of likelyNext(q, session.info)) {
				if (plan !== this.prefetching.plan) return;
				// A failure here is the next report's failure to show: it is asked for again then.
				await formOf(session.db.lane('later', owner), session, next).catch(() => {});
			}
		}, this.prefetchAfterMs);
	}
}

/** The report page: create during the route component's initialisation. */
export class ReportPage {
	readonly page = new PageSession(parseReport, DEFAULT_REPORT, (q) => q.lang);
	readonly figures = new ReportFigures();
	/** The day of issue printed under the title. */
	readonly issued = vietnamToday();
	/** What an export is doing, or why it failed. */
	exporting = $state<string | null>(null);

	/** The options the address asks for. */
	readonly query = $derived(this.page.address);
	readonly locale = $derived(this.query.lang);
	readonly session = $derived(this.page.session);
	/** The options whose report is on screen (they lag `query` while it is computed). */
	readonly shown = $derived(this.figures.form.shown);
	readonly busy = $derived(this.figures.form.busy);
	readonly ready = $derived(this.page.engineReady && !this.busy && this.shown !== null && !this.page.failure);
	/** The report on screen as the address writes it: `main[data-view]`. */
	readonly view = $derived(this.shown ? serializeReport(this.shown).toString() : null);
	/** The period the options ask for, for the period picker. */
	readonly period = $derived(this.session ? reportPeriod(this.query, this.session.info) : null);
	/** The levels no unit had in that period, counted the chosen way, each with its note ("Từ 1/7/2025 không còn cấp huyện"). */
	readonly gone = $derived(this.session && this.period ? levelsGone(this.session.catalog.agencies, this.period, this.query.units, this.locale) : []);

	readonly form = $derived.by(() => {
		const r = this.figures.form.data;
		const q = this.shown;
		return r && q && this.session ? formView(r, q, this.session.info, this.issued, q.lang) : null;
	});
	/** The annex last drawn: that of the form on screen, unless `annexStale`. */
	readonly annex = $derived.by(() => {
		const a = this.figures.annex;
		return a ? annexView(a.groups, a, a.query.lang) : null;
	});
	/**
	 * The form on screen is newer than the annex drawn, whose own is on its way. The old one
	 * is hidden, not taken down, until then: the form's frame does not wait for that, and the
	 * new annex reuses what it can of it.
	 */
	readonly annexStale = $derived(this.figures.annex?.key !== this.figures.shownKey);
	readonly annexFailure = $derived(this.figures.annexFailure?.key === this.figures.shownKey ? this.figures.annexFailure!.message : null);

	constructor() {
		// The engine is asked as the navigation starts, not after the router has finished.
		beforeNavigate(({ to }) => {
			const s = this.page.session;
			this.figures.stopPrefetching(s);
			if (s && to?.route.id === '/report') this.figures.show(s, parseReport(to.url.searchParams));
		});
		$effect(() => {
			const s = this.session;
			const q = this.query;
			if (s) untrack(() => this.figures.show(s, q));
		});
	}

	href(q: ReportQuery): string {
		const p = serializeReport(q).toString();
		return `${base}/report${p ? `?${p}` : ''}`;
	}

	// ---- Intents: every option is a new address.

	go(q: ReportQuery): void {
		goto(this.href(q), { noScroll: true, keepFocus: true });
	}
	setPeriod(p: Period): void {
		this.go({ ...this.query, period: periodKey(p) });
	}
	setLevel(level: Level, on: boolean): void {
		this.go({ ...this.query, levels: LEVELS.filter((l) => (l === level ? on : this.query.levels.includes(l))) });
	}
	setGrouping(grouping: Grouping): void {
		this.go({ ...this.query, grouping });
	}
	setCompare(compare: boolean): void {
		this.go({ ...this.query, compare });
	}
	setUnits(units: Units): void {
		this.go({ ...this.query, units });
	}
	toggleAgency(agencyId: string): void {
		this.figures.toggle(agencyId);
	}

	// ---- Files: the report on screen.

	async exportXlsx(): Promise<void> {
		const s = this.session;
		const r = this.figures.form.data;
		const q = this.shown;
		if (!s || !r || !q) return;
		const locale = this.locale;
		this.exporting = t(locale, 'preparing');
		try {
			const groups = await this.figures.annexFor(s, q);
			const buffer = await reportWorkbook(r, groups, reportLayout(r, q.grouping, q.compare, locale), workbookTitle(r, s.info, this.issued, locale, q.compare, q.units));
			download(workbookName(r), new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
			this.exporting = null;
		} catch (e) {
			this.exporting = t(locale, 'exportFailed', { detail: errorMessage(e) });
		}
	}
	exportCsv(): void {
		const r = this.figures.form.data;
		const q = this.shown;
		if (!r || !q) return;
		const file = formCsv(r, reportLayout(r, q.grouping, q.compare, this.locale), q.compare);
		download(file.name, file.text, 'text/csv;charset=utf-8');
	}
	exportAnnexCsv(): void {
		const r = this.figures.form.data;
		const a = this.figures.annex;
		if (!r || !a || this.annexStale) return;
		const file = annexCsv(r, a.groups, this.locale);
		download(file.name, file.text, 'text/csv;charset=utf-8');
	}
}

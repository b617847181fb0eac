/**
 * The scorecard page's state and everything it does, so that its route only draws: the
 * session and the address (PageSession), the scores the address asks for, the newest winning
 * (Figures), the view models the components draw (model.ts), and the person's intents:
 * options and a unit opened, which navigate, and files written.
 */
import { goto } from '$app/navigation';
import { base } from '$app/paths';
import { untrack } from 'svelte';
import { periodKey, type Period } from '../core/domain/periods';
import type { Units } from '../core/domain/succession';
import { LEVELS, type Level } from '../core/domain/types';
import { levelsGone } from '../core/engine/catalog';
import type { Querier } from '../core/engine/types';
import { download } from '../core/export/download';
import { Figures, PageSession, errorMessage } from '../session/page.svelte';
import type { Session } from '../session/session';
import { DEFAULT_SCORECARD, parseScorecard, serializeScorecard, type ScorecardQuery } from './address';
import { scorecardData, type ScorecardData, type ScorecardGrouping } from './data';
import { t } from './messages';
import { detailView, rankingLines, scorecardCsv, scorecardKey, scorecardPeriod, scorecardTable, titleLines, workbookName } from './model';
import { scorecardWorkbook } from './xlsx';

/** The scores of a scorecard (null when no level is chosen): one query of the period and the one before. */
export function scoresOf(db: Querier, s: Pick<Session, 'info' | 'catalog'>, q: ScorecardQuery): Promise<ScorecardData | null> {
	if (q.levels.length === 0) return Promise.resolve(null);
	return scorecardData(db, { period: scorecardPeriod(q, s.info), levels: q.levels, grouping: q.grouping, units: q.units }, s.info.aggregated, s.catalog);
}

/** The scorecard page: create during the route component's initialisation. */
export class ScorecardPage {
	readonly page = new PageSession(parseScorecard, DEFAULT_SCORECARD, (q) => q.lang);
	readonly figures = new Figures<ScorecardQuery, ScorecardData | null>(scoresOf, scorecardKey);
	/** What an export is doing, or why it failed. */
	exporting = $state<string | null>(null);

	readonly query = $derived(this.page.address);
	readonly locale = $derived(this.query.lang);
	readonly session = $derived(this.page.session);
	/** The options whose scores are on screen (they lag `query` while they are computed). */
	readonly shown = $derived(this.figures.shown);
	readonly busy = $derived(this.figures.busy);
	readonly ready = $derived(this.page.engineReady && !this.busy && this.shown !== null && !this.page.failure);
	/** The scorecard on screen as the address writes it: `main[data-view]`. */
	readonly view = $derived(this.shown ? serializeScorecard({ ...this.shown, unit: this.query.unit }).toString() : null);
	readonly period = $derived(this.session ? scorecardPeriod(this.query, this.session.info) : null);
	/** The levels no unit had in that period, counted the chosen way, each with its note ("Từ 1/7/2025 không còn cấp huyện"). */
	readonly gone = $derived(this.session && this.period ? levelsGone(this.session.catalog.agencies, this.period, this.query.units, this.locale) : []);

	/** The options on screen, with the unit the address opens (opening one computes nothing). */
	private readonly drawn = $derived(this.shown ? { ...this.shown, unit: this.query.unit } : null);
	readonly lines = $derived.by(() => {
		const d = this.figures.data;
		return d && this.drawn && this.session ? titleLines(d, this.session.info, this.drawn.lang, this.drawn.units) : null;
	});
	readonly ranking = $derived.by(() => {
		const d = this.figures.data;
		return d && this.drawn && this.session ? rankingLines(d, this.drawn, this.session.catalog, this.drawn.lang) : null;
	});
	readonly detail = $derived.by(() => {
		const d = this.figures.data;
		return d && this.drawn && this.session ? detailView(d, this.drawn, this.session.catalog, this.drawn.lang) : null;
	});

	constructor() {
		$effect(() => {
			const s = this.session;
			const q = this.query;
			if (s) untrack(() => this.figures.show(s, q));
		});
	}

	href(q: ScorecardQuery): string {
		const p = serializeScorecard(q).toString();
		return `${base}/scorecard${p ? `?${p}` : ''}`;
	}

	/** The dashboard's dossier list, from the query the view model gives. */
	dashboardHref(query: string): string {
		return `${base}/${query ? `?${query}` : ''}`;
	}

	// ---- Intents: every option is a new address.

	go(q: ScorecardQuery): void {
		goto(this.href(q), { noScroll: true, keepFocus: true });
	}
	setPeriod(p: Period): void {
		this.go({ ...this.query, period: periodKey(p), unit: null });
	}
	setLevel(level: Level, on: boolean): void {
		this.go({ ...this.query, levels: LEVELS.filter((l) => (l === level ? on : this.query.levels.includes(l))), unit: null });
	}
	setUnits(units: Units): void {
		this.go({ ...this.query, units, unit: null });
	}
	setGrouping(grouping: ScorecardGrouping): void {
		this.go({ ...this.query, grouping, unit: null });
	}
	/** Opens a unit's indicators (null: every unit together). */
	unitHref(key: string | null): string {
		return this.href({ ...this.query, unit: key });
	}

	// ---- Files: the scorecard on screen.

	exportCsv(): void {
		const d = this.figures.data;
		const q = this.drawn;
		if (!d || !q || !this.session) return;
		const file = scorecardCsv(d, q, this.session.catalog, this.locale);
		download(file.name, file.text, 'text/csv;charset=utf-8');
	}
	async exportXlsx(): Promise<void> {
		const d = this.figures.data;
		const q = this.drawn;
		const s = this.session;
		if (!d || !q || !s) return;
		const locale = this.locale;
		this.exporting = t(locale, 'preparing');
		try {
			const buffer = await scorecardWorkbook(scorecardTable(d, q, s.catalog, locale), {
				province: `${t(locale, 'province')} ${s.info.province}`,
				lines: [t(locale, 'scorecardTitle').toUpperCase(), ...titleLines(d, s.info, locale, q.units)],
				sheet: t(locale, 'sheetScorecard')
			});
			download(workbookName(d), new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
			this.exporting = null;
		} catch (e) {
			this.exporting = t(locale, 'exportFailed', { detail: errorMessage(e) });
		}
	}
}

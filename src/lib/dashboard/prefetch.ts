/**
 * The views a person is likely to open next, asked for while they look at this one: the
 * engine's answers land in the query cache (engine/cache.ts), so the click that follows is
 * drawn without waiting for the engine. The engine answers one query at a time, so views are
 * asked for one after another and a newer plan (the person moved on) stops the old one
 * between views: a click waits at most for the one view in flight.
 */
import { periodHoldingOrLatest, periodKey, type Period, type Span } from '../core/domain/periods';
import type { Level } from '../core/domain/types';
import { DRILL_STEPS, drillDown, drillUp, nextStep, serializeView, showDossiers, type ViewState } from './view';

/** How many of the ranking's first rows are asked for: the ones a person reads first. */
export const PREFETCH_ROWS = 3;

/**
 * What to ask for next from a view, one step down first: at the province's top, each level
 * of the levels chart; below it, the first rows of the ranking as it is sorted on screen
 * (`rankingTargets`, the views their links open); at a field, its dossier list too, and at a
 * procedure, its dossier list alone (both lists read one agency's dossiers, stored together:
 * a few blocks). Then the steps of the breadcrumb back up, the nearest first (most are in
 * the cache already from the way down, and cost nothing).
 */
export function likelyNext(view: ViewState, levels: readonly Level[], rankingTargets: readonly ViewState[]): ViewState[] {
	const drilled = DRILL_STEPS.filter((s) => view.drill[s] !== undefined);
	const down = view.dossiers
		? []
		: drilled.length === 0
			? levels.map((l) => drillDown(view, l))
			: nextStep(view) === null
				? [showDossiers(view)]
				: [...rankingTargets.slice(0, PREFETCH_ROWS), ...(view.drill.field !== undefined ? [showDossiers(view)] : [])];
	const here = serializeView(view).toString();
	const up = [null, ...drilled].map((s) => drillUp(view, s)).filter((v) => serializeView(v).toString() !== here);
	return [...down, ...up.reverse()];
}

const SPANS: readonly Span[] = ['month', 'quarter', 'half', 'nine_months', 'year'];

/**
 * The periods the period picker opens with one choice from `current` (core/ui/PeriodPicker):
 * each other span of its kind, then the same span of the other kind (reporting or calendar),
 * each holding the current period's last day or else the latest complete one.
 */
export function pickerChoices(current: Period, cutoffDay: number, dataAsOf: string): Period[] {
	const s = current.spec;
	const kind = s.kind === 'custom' ? null : s.kind;
	const span = s.kind === 'custom' ? 'quarter' : s.span;
	const cutoff = s.kind === 'reporting' ? s.cutoffDay : cutoffDay;
	const choices = [
		...(kind ? SPANS.filter((x) => x !== span).map((x) => periodHoldingOrLatest(current.last, kind, x, cutoff, dataAsOf)) : []),
		...(['reporting', 'calendar'] as const).filter((k) => k !== kind).map((k) => periodHoldingOrLatest(current.last, k, span, cutoff, dataAsOf))
	];
	const here = periodKey(current);
	return [...new Map(choices.map((p) => [periodKey(p), p])).values()].filter((p) => periodKey(p) !== here);
}

/** The views of the period picker's choices from a view: the same view over each of those periods. */
export function periodViews(view: ViewState, current: Period, cutoffDay: number, dataAsOf: string): ViewState[] {
	return pickerChoices(current, cutoffDay, dataAsOf).map((p) => ({ ...view, period: periodKey(p), page: 1 }));
}

export class Prefetcher {
	private plan = 0;

	constructor(
		/** Asks the engine for a view's figures (through the cache). */
		private readonly load: (view: ViewState) => Promise<unknown>,
		/** How long the view must stay on screen before anything is asked for. */
		private readonly delayMs = 100
	) {}

	/** Asks for `views` in turn once the current one has been on screen for a moment. */
	start(views: readonly ViewState[]): Promise<void> {
		const mine = ++this.plan;
		return new Promise<void>((done) =>
			setTimeout(async () => {
				for (const v of views) {
					if (mine !== this.plan) break;
					// A failure here is the next view's failure to show: it is asked for again then.
					await this.load(v).catch(() => {});
				}
				done();
			}, this.delayMs)
		);
	}

	/** The person asked for a view: nothing more is started for the old one. */
	stop(): void {
		this.plan++;
	}
}

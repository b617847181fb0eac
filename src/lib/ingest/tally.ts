/**
 * The account of a load: every row read is loaded or rejected, with its line, column, value
 * and reason; usable rows with something odd load with a warning. Problems are also counted
 * by agency and month for the data-quality panel.
 */

/** Why a row was not loaded. */
export const REJECTIONS = [
	'missing_id',
	'duplicate_id',
	'missing_received',
	'missing_due',
	'missing_agency',
	'missing_channel',
	'unreadable_date',
	'unreadable_channel',
	'unreadable_level',
	'unknown_level',
	'garbled_text',
	'resolved_before_received',
	'withdrawn_before_received',
	'due_before_received',
	'resolved_and_withdrawn',
	'resolved_without_date',
	'withdrawn_without_date',
	'unclosed_quote',
	'not_json',
	'value_too_long'
] as const;
export type Rejection = (typeof REJECTIONS)[number];

/** What loads but deserves a look. */
export const WARNINGS = [
	'recorded_long_after_due',
	'future_date',
	'status_disagrees',
	'unreadable_status',
	'unreadable_rating',
	'unreadable_flag',
	'unreadable_amount',
	'rating_out_of_range',
	'negative_amount',
	'extra_cells'
] as const;
export type Warning = (typeof WARNINGS)[number];

export type Reason = Rejection | Warning;

/** A result recorded this many days after its due date is probably recorded late in the software. */
export const LONG_AFTER_DUE_DAYS = 30;

export interface Problem {
	file: string;
	line: number;
	/** The header of the column at fault, or '' for the row as a whole. */
	column: string;
	value: string;
	reason: Reason;
	/** The agency as the file names it, and the month received (yyyy-mm), where readable: for the quality panel. */
	agency: string | null;
	month: string | null;
}

export interface QualityCount {
	reason: Reason;
	agency: string | null;
	month: string | null;
	count: number;
}

export class Tally {
	rowsRead = 0;
	rowsLoaded = 0;
	readonly rejected: Problem[] = [];
	readonly warnings: Problem[] = [];
	private readonly quality = new Map<string, QualityCount>();

	get rowsRejected(): number {
		return this.rejected.length;
	}

	reject(p: Problem): void {
		this.rejected.push(p);
		this.count(p);
	}

	warn(p: Problem): void {
		this.warnings.push(p);
		this.count(p);
	}

	/** A row that was read as loaded turns out to be rejected (a duplicate of a dossier already in the data). */
	unload(p: Problem): void {
		this.rowsLoaded--;
		this.reject(p);
	}

	private count(p: Problem): void {
		const key = `${p.reason}\u0001${p.agency ?? ''}\u0001${p.month ?? ''}`;
		const q = this.quality.get(key);
		if (q) q.count++;
		else this.quality.set(key, { reason: p.reason, agency: p.agency, month: p.month, count: 1 });
	}

	/** A tally that crossed from a worker: structured cloning keeps its fields, not its class. */
	static revive(cloned: Tally): Tally {
		return Object.setPrototypeOf(cloned, Tally.prototype);
	}

	/** Every problem counted by reason, agency and month; most frequent first. */
	qualityCounts(): QualityCount[] {
		return [...this.quality.values()].sort((a, b) => b.count - a.count);
	}
}

export function isRejection(reason: Reason): reason is Rejection {
	return (REJECTIONS as readonly string[]).includes(reason);
}

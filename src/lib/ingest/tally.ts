/**
 * The account of a load: every row read is new, an update of a dossier on record, unchanged,
 * or rejected with its line, column, value and reason (read = new + updated + unchanged +
 * rejected); usable rows with something odd load with a warning. Problems are also counted
 * by agency and month for the data-quality panel.
 */

/** Why a row was not loaded. */
const REJECTIONS = [
	'missing_id',
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
	'register_missing_code',
	'register_missing_name',
	'register_duplicate_code',
	'register_unknown_successor',
	'unclosed_quote',
	'not_json',
	'value_too_long'
] as const;
export type Rejection = (typeof REJECTIONS)[number];

/** What loads but deserves a look. */
export type Warning =
	| 'recorded_long_after_due'
	| 'future_date'
	| 'status_disagrees'
	| 'unreadable_status'
	| 'unreadable_rating'
	| 'unreadable_flag'
	| 'unreadable_amount'
	| 'reopened'
	| 'corrected_received'
	| 'corrected_agency'
	| 'corrected_closed'
	| 'rating_out_of_range'
	| 'negative_amount'
	| 'extra_cells';

export type Reason = Rejection | Warning;

/** A result recorded this many days after its due date is probably recorded late in the software. */
export const LONG_AFTER_DUE_DAYS = 30;

export interface Problem {
	file: string;
	line: number;
	/** The header of the column at fault, or '' for the row as a whole. */
	column: string;
	value: string;
	/** For an update that looks like a correction (merge.ts): the value on record before it. */
	previous?: string;
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

/**
 * A copy of a string sharing no memory with the text it was cut from. A cell is a slice of a
 * 4 MB chunk of the file (or of a batch's joined column); kept as it is, in a problem or a
 * catalogue that outlive the chunk, it keeps the whole chunk alive: a million-row file then
 * held hundreds of MB for a few hundred warnings.
 */
export const own = (s: string): string => (' ' + s).slice(1);

export class Tally {
	rowsRead = 0;
	rowsNew = 0;
	rowsUpdated = 0;
	rowsUnchanged = 0;
	readonly rejected: Problem[] = [];
	readonly warnings: Problem[] = [];
	private readonly quality = new Map<string, QualityCount>();

	get rowsRejected(): number {
		return this.rejected.length;
	}

	/** Rows that loaded: new, updated or unchanged. */
	get rowsLoaded(): number {
		return this.rowsNew + this.rowsUpdated + this.rowsUnchanged;
	}

	reject(p: Problem): void {
		const kept = owned(p);
		this.rejected.push(kept);
		this.count(kept);
	}

	warn(p: Problem): void {
		const kept = owned(p);
		this.warnings.push(kept);
		this.count(kept);
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

function owned(p: Problem): Problem {
	return { ...p, value: own(p.value), agency: p.agency === null ? null : own(p.agency), ...(p.previous === undefined ? {} : { previous: own(p.previous) }) };
}

/**
 * One row of an export to one dossier, or to the reasons it cannot be one. The rules are
 * those of domain.md: the state of a dossier comes from its timestamps, so a row must give
 * a receipt and a due date, and a result or withdrawal not before receipt. Agencies and
 * procedures new to the data are created from the file (Catalogue).
 */
import { addDays, type IsoDay } from '../domain/dates';
import type { Channel, Dossier, Level, OnlineService, Status } from '../domain/types';
import { normaliseText, type Field, type Mapping } from './headers';
import { LONG_AFTER_DUE_DAYS, Tally, type Problem, type Reason } from './tally';
import {
	levelFromName,
	readAmount,
	readChannel,
	readFlag,
	readLevel,
	readMoment,
	readRating,
	readStatus,
	readText,
	timestamp,
	type Cell,
	type Moment,
	type Read
} from './values';

/** A dossier as it goes into the database, plus where it came from. */
export interface DossierRecord extends Dossier {
	/** Where the row is in the user's files. */
	origin: { file: string; line: number };
}

export interface AgencyRecord {
	id: string;
	name: string;
	short_name: string;
	level: Level;
	valid_from: IsoDay;
}

export interface ProcedureRecord {
	code: string;
	name: string;
	field: string;
	level: Level;
	online_service: OnlineService;
}

/** Agencies and procedures known before the load (the data on screen) and those the files add. */
export class Catalogue {
	readonly newAgencies = new Map<string, AgencyRecord>();
	readonly newProcedures = new Map<string, ProcedureRecord>();
	private readonly agencyByName = new Map<string, { id: string; level: Level }>();
	/** normaliseText of each agency name met: the same few hundred names repeat on every row. */
	private readonly nameKeys = new Map<string, string>();

	private nameKey(name: string): string {
		let key = this.nameKeys.get(name);
		if (key === undefined) this.nameKeys.set(name, (key = normaliseText(name)));
		return key;
	}

	constructor(
		private readonly knownAgencies: ReadonlyMap<string, { id: string; name: string; shortName: string; level: Level }> = new Map(),
		private readonly knownProcedures: ReadonlyMap<string, { code: string; field: string }> = new Map()
	) {
		for (const a of knownAgencies.values()) {
			this.agencyByName.set(normaliseText(a.name), a);
			this.agencyByName.set(normaliseText(a.shortName), a);
		}
	}

	/** The agency a row names (by code, else by name), created when new; null when its level is unknown. */
	agency(code: string | null, name: string | null, level: Level | null, received: IsoDay): { id: string; level: Level } | null {
		const known = (code && this.knownAgencies.get(code)) || (name && this.agencyByName.get(this.nameKey(name)));
		if (known) return known;
		const id = code ?? name!;
		const added = this.newAgencies.get(id);
		if (added) {
			if (received < added.valid_from) added.valid_from = received;
			return added;
		}
		const lvl = level ?? levelFromName(name ?? '');
		if (!lvl) return null;
		const fullName = name ?? code!;
		const record = { id, name: fullName, short_name: shortName(fullName), level: lvl, valid_from: received };
		this.newAgencies.set(id, record);
		this.agencyByName.set(this.nameKey(fullName), record);
		return record;
	}

	/** The procedure a row names (by code, else by name), created when new. */
	procedure(code: string | null, name: string | null, field: string | null, level: Level, channel: Channel): string {
		const key = code ?? name ?? UNKNOWN_PROCEDURE;
		if (this.knownProcedures.has(key)) return key;
		let p = this.newProcedures.get(key);
		if (!p) {
			p = { code: key, name: name ?? code ?? UNKNOWN_PROCEDURE_NAME, field: field ?? UNKNOWN_FIELD, level, online_service: 'none' };
			this.newProcedures.set(key, p);
		}
		// A procedure offers the deepest online service any of its dossiers used.
		if (channel === 'online_full') p.online_service = 'full';
		else if (channel === 'online_partial' && p.online_service === 'none') p.online_service = 'partial';
		return key;
	}
}

export const UNKNOWN_PROCEDURE = '(không rõ)';
const UNKNOWN_PROCEDURE_NAME = '(Không rõ thủ tục)';
export const UNKNOWN_FIELD = '(Không rõ lĩnh vực)';

/** "Ủy ban nhân dân xã X" → "UBND xã X": the short name charts show. */
function shortName(name: string): string {
	return name.replace(/^(Ủy|Uỷ) ban nhân dân/i, 'UBND');
}

export interface RowContext {
	file: string;
	headers: readonly string[];
	mapping: Mapping;
	/** Today in Vietnam: a date after it is in the future. */
	today: IsoDay;
	tally: Tally;
	catalogue: Catalogue;
	/** Dossier ids already read in this load. */
	seen: Set<string>;
	/** Due day → the last day a result is not recorded long after it. */
	longAfterDue: Map<IsoDay, IsoDay>;
}

/** The day after which a result counts as recorded long after `due`; due days repeat, so each is worked out once. */
function longAfter(ctx: RowContext, due: IsoDay): IsoDay {
	let day = ctx.longAfterDue.get(due);
	if (day === undefined) ctx.longAfterDue.set(due, (day = addDays(due, LONG_AFTER_DUE_DAYS)));
	return day;
}

/** The cell a field is mapped to, or null when the file has no such column. */
function cellOf(ctx: RowContext, cells: readonly Cell[], f: Field): Cell {
	const col = ctx.mapping[f];
	return col === null ? null : cells[col];
}

/** A problem with a row, described as the user will see it. Built only when a row has one. */
function problemOf(ctx: RowContext, line: number, cells: readonly Cell[], f: Field | '', reason: Reason): Problem {
	const col = f ? ctx.mapping[f] : null;
	const received = readMoment(cellOf(ctx, cells, 'received_at'));
	return {
		file: ctx.file,
		line,
		column: col === null ? '' : (ctx.headers[col] ?? ''),
		value: f ? (readText(cellOf(ctx, cells, f)) ?? '') : '',
		reason,
		agency: readText(cellOf(ctx, cells, 'agency')) ?? readText(cellOf(ctx, cells, 'agency_code')),
		month: received && 'value' in received ? received.value.day.slice(0, 7) : null
	};
}

/** A field a dossier can do without: unreadable → a warning and the default. */
function optional<T>(ctx: RowContext, cells: readonly Cell[], f: Field, read: (c: Cell) => Read<T> | null, fallback: T, warnings: [Field | '', Reason][]): T {
	const r = read(cellOf(ctx, cells, f));
	if (!r) return fallback;
	if ('error' in r) {
		warnings.push([f, r.error as Reason]);
		return fallback;
	}
	return r.value;
}

/**
 * Reads one row; returns the dossier to load, or null when the row is rejected (the tally
 * says why). Runs once per row of a million-row file: it allocates nothing it does not keep
 * unless the row has a problem.
 */
export function readRow(ctx: RowContext, line: number, cells: readonly Cell[]): DossierRecord | null {
	const { mapping, tally } = ctx;
	tally.rowsRead++;
	const cell = (f: Field) => cellOf(ctx, cells, f);
	const reject = (f: Field | '', reason: Reason) => {
		tally.reject(problemOf(ctx, line, cells, f, reason));
		return null;
	};

	// Undecodable bytes (U+FFFD) mean the file mixes encodings: the row's text cannot be trusted.
	for (let i = 0; i < cells.length; i++) {
		const c = cells[i];
		if (typeof c === 'string' && c.includes('\uFFFD')) {
			tally.reject({ ...problemOf(ctx, line, cells, '', 'garbled_text'), column: ctx.headers[i] ?? '', value: c });
			return null;
		}
	}
	const id = readText(cell('id'));
	if (!id) return reject('id', 'missing_id');
	const receivedRead = readMoment(cell('received_at'));
	if (!receivedRead) return reject('received_at', 'missing_received');
	if ('error' in receivedRead) return reject('received_at', 'unreadable_date');
	const received = receivedRead.value;
	const dueRead = readMoment(cell('due_at'));
	if (!dueRead) return reject('due_at', 'missing_due');
	if ('error' in dueRead) return reject('due_at', 'unreadable_date');
	const resolvedRead = readMoment(cell('resolved_at'));
	if (resolvedRead && 'error' in resolvedRead) return reject('resolved_at', 'unreadable_date');
	const withdrawnRead = readMoment(cell('withdrawn_at'));
	if (withdrawnRead && 'error' in withdrawnRead) return reject('withdrawn_at', 'unreadable_date');
	let resolved = resolvedRead ? (resolvedRead as { value: Moment }).value : null;
	let withdrawn = withdrawnRead ? (withdrawnRead as { value: Moment }).value : null;
	const agencyName = readText(cell('agency'));
	const agencyCode = readText(cell('agency_code'));
	if (!agencyName && !agencyCode) return reject('agency', 'missing_agency');
	const channelRead = readChannel(cell('channel'));
	if (!channelRead) return reject('channel', 'missing_channel');
	if ('error' in channelRead) return reject('channel', 'unreadable_channel');
	const levelRead = readLevel(cell('level'));
	if (levelRead && 'error' in levelRead) return reject('level', 'unreadable_level');

	// The state comes from the dates; the status column only says which date an end date is.
	const warnings: [Field | '', Reason][] = [];
	const status = optional(ctx, cells, 'status', readStatus, null as Status | null, warnings);
	if (status === 'withdrawn' && !withdrawn && resolved && mapping.withdrawn_at === null) {
		// One "end date" column: for a withdrawn dossier it is the day it was withdrawn.
		withdrawn = resolved;
		resolved = null;
	}
	if (resolved && withdrawn) return reject('withdrawn_at', 'resolved_and_withdrawn');
	if (status === 'resolved' && !resolved) return reject('resolved_at', 'resolved_without_date');
	if (status === 'withdrawn' && !withdrawn) return reject('withdrawn_at', 'withdrawn_without_date');
	const derived: Status = resolved ? 'resolved' : withdrawn ? 'withdrawn' : 'in_progress';
	if (status && status !== derived) warnings.push(['status', 'status_disagrees']);

	const receivedAt = timestamp(received, 'start');
	const dueAt = timestamp(dueRead.value, 'end');
	const resolvedAt = resolved ? timestamp(resolved, 'start') : null;
	const withdrawnAt = withdrawn ? timestamp(withdrawn, 'start') : null;
	if (resolvedAt && resolvedAt < receivedAt) return reject('resolved_at', 'resolved_before_received');
	if (withdrawnAt && withdrawnAt < receivedAt) return reject('withdrawn_at', 'withdrawn_before_received');
	if (dueAt < receivedAt) return reject('due_at', 'due_before_received');

	const agency = ctx.catalogue.agency(agencyCode, agencyName, levelRead ? (levelRead as { value: Level }).value : null, received.day);
	if (!agency) return reject('agency', 'unknown_level');
	if (ctx.seen.has(id)) return reject('id', 'duplicate_id');
	ctx.seen.add(id);

	if (resolved && resolved.day > longAfter(ctx, dueRead.value.day)) warnings.push(['resolved_at', 'recorded_long_after_due']);
	if (received.day > ctx.today) warnings.push(['received_at', 'future_date']);
	else if (resolved && resolved.day > ctx.today) warnings.push(['resolved_at', 'future_date']);
	else if (withdrawn && withdrawn.day > ctx.today) warnings.push(['withdrawn_at', 'future_date']);
	const channel = channelRead.value;
	const record: DossierRecord = {
		id,
		procedure_code: ctx.catalogue.procedure(readText(cell('procedure_code')), readText(cell('procedure')), readText(cell('field')), agency.level, channel),
		agency_id: agency.id,
		received_at: receivedAt,
		due_at: dueAt,
		resolved_at: resolvedAt,
		withdrawn_at: withdrawnAt,
		status: derived,
		channel,
		fee: optional(ctx, cells, 'fee', readAmount, 0, warnings),
		paid_online: optional(ctx, cells, 'paid_online', readFlag, false, warnings),
		digitised: optional(ctx, cells, 'digitised', readFlag, false, warnings),
		result_electronic: optional(ctx, cells, 'result_electronic', readFlag, false, warnings),
		rating: optional(ctx, cells, 'rating', readRating, null, warnings),
		apology_issued: optional(ctx, cells, 'apology_issued', readFlag, false, warnings),
		origin: { file: ctx.file, line }
	};
	for (const [f, reason] of warnings) tally.warn(problemOf(ctx, line, cells, f, reason));
	tally.rowsLoaded++;
	return record;
}

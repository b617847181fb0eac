/**
 * One row of an export read to a dossier's values, or to the reason it cannot be one: every
 * check that needs no other row. The rules are those of docs/METRICS.md ("How a period is
 * counted") and docs/DATA.md (the `dossiers` table's checks): the state of a dossier comes from
 * its timestamps, so a row must give a receipt and a due date, and a result or withdrawal not
 * before receipt. What needs the rows before it (which agency a name means,
 * whether an id was seen) is admit.ts's; the two run in separate workers in the page.
 */
import { dayNumber, type Micros } from '../core/domain/dates';
import { CHANNELS, LEVELS, STATUSES, type Channel, type Level, type Rating, type Status } from '../core/domain/types';
import { FIELDS, type Field, type Mapping } from './headers';
import type { RowFault } from './sources';
import { LONG_AFTER_DUE_DAYS, type Problem, type Reason } from './tally';
import { readAmount, readChannel, readFlag, readLevel, readMicros, readMoment, readRating, readStatus, readText, type Cell, type Read } from './values';

/**
 * Rows read from one file that passed every check of this module, column by column (plain
 * arrays: cheap to post to a worker), and the rows rejected among them.
 */
export interface ReadBatch {
	/** The file's place in the load. */
	file: number;
	/** Rows read into this batch, rejected ones included. */
	rowsRead: number;
	line: number[];
	id: string[];
	agencyCode: (string | null)[];
	agencyName: (string | null)[];
	level: (Level | null)[];
	procedureCode: (string | null)[];
	procedureName: (string | null)[];
	field: (string | null)[];
	/** NaN where the dossier has no such date. */
	receivedAt: Micros[];
	dueAt: Micros[];
	resolvedAt: Micros[];
	withdrawnAt: Micros[];
	status: Status[];
	channel: Channel[];
	fee: number[];
	paidOnline: boolean[];
	digitised: boolean[];
	resultElectronic: boolean[];
	rating: (Rating | null)[];
	apologyIssued: boolean[];
	/** Warnings of the row at `row`: they stand only if the row is admitted. */
	warnings: { row: number; problem: Problem }[];
	/** Rows rejected here, each coming after the first `before` rows of the batch in the file. */
	rejected: { before: number; problem: Problem }[];
}

export function newBatch(file: number): ReadBatch {
	return {
		file,
		rowsRead: 0,
		line: [],
		id: [],
		agencyCode: [],
		agencyName: [],
		level: [],
		procedureCode: [],
		procedureName: [],
		field: [],
		receivedAt: [],
		dueAt: [],
		resolvedAt: [],
		withdrawnAt: [],
		status: [],
		channel: [],
		fee: [],
		paidOnline: [],
		digitised: [],
		resultElectronic: [],
		rating: [],
		apologyIssued: [],
		warnings: [],
		rejected: []
	};
}

export interface RowContext {
	file: string;
	headers: readonly string[];
	mapping: Mapping;
	/** Today in Vietnam (dayNumber): a date after it is in the future. */
	today: number;
	/** How the file's text cells are read: readText, or readNfcText when they are NFC already. */
	text: (cell: Cell) => string | null;
}

/** The cell a field is mapped to, or null when the file has no such column. */
function cellOf(ctx: RowContext, cells: readonly Cell[], f: Field): Cell {
	const col = ctx.mapping[f];
	return col === null ? null : cells[col];
}

/**
 * A mapped value longer than this is no dossier's value (the longest, a procedure's name, is
 * a few hundred characters): a damaged file or shifted columns. Its row is rejected, and the
 * engine is never handed a cell of megabytes.
 */
const MAX_VALUE_LENGTH = 32_768;

/** A value as a problem shows it: long ones cut, so a list of problems stays small. */
function shown(value: string): string {
	return value.length > 200 ? value.slice(0, 200) + '…' : value;
}

/** A problem with a row, described as the user will see it. Built only when a row has one. */
function problemOf(ctx: RowContext, line: number, cells: readonly Cell[], f: Field | '', reason: Reason): Problem {
	const col = f ? ctx.mapping[f] : null;
	const received = readMoment(cellOf(ctx, cells, 'received_at'));
	return {
		file: ctx.file,
		line,
		column: col === null ? '' : (ctx.headers[col] ?? ''),
		value: f ? shown(readText(cellOf(ctx, cells, f)) ?? '') : '',
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
 * Reads one row into the batch, or records why it is rejected. Runs once per row of a
 * million-row file: it allocates nothing it does not keep unless the row has a problem.
 */
export function readValues(ctx: RowContext, line: number, cells: readonly Cell[], out: ReadBatch, fault?: RowFault): void {
	const { mapping } = ctx;
	out.rowsRead++;
	const cell = (f: Field) => cellOf(ctx, cells, f);
	const reject = (f: Field | '', reason: Reason) => {
		out.rejected.push({ before: out.line.length, problem: problemOf(ctx, line, cells, f, reason) });
	};
	if (fault) {
		out.rejected.push({ before: out.line.length, problem: { ...problemOf(ctx, line, cells, '', fault.reason), value: shown(fault.value) } });
		return;
	}
	for (const f of FIELDS) {
		const c = cell(f);
		if (typeof c === 'string' && c.length > MAX_VALUE_LENGTH) return reject(f, 'value_too_long');
	}

	// Undecodable bytes (U+FFFD) mean the file mixes encodings: the row's text cannot be trusted.
	for (let i = 0; i < cells.length; i++) {
		const c = cells[i];
		if (typeof c === 'string' && c.includes('\uFFFD')) {
			out.rejected.push({ before: out.line.length, problem: { ...problemOf(ctx, line, cells, '', 'garbled_text'), column: ctx.headers[i] ?? '', value: shown(c) } });
			return;
		}
	}
	const id = ctx.text(cell('id'));
	if (!id) return reject('id', 'missing_id');
	const receivedAt = readMicros(cell('received_at'), 'start');
	if (receivedAt === null) return reject('received_at', 'missing_received');
	if (Number.isNaN(receivedAt)) return reject('received_at', 'unreadable_date');
	const dueAt = readMicros(cell('due_at'), 'end');
	if (dueAt === null) return reject('due_at', 'missing_due');
	if (Number.isNaN(dueAt)) return reject('due_at', 'unreadable_date');
	let resolvedAt = readMicros(cell('resolved_at'), 'start');
	if (Number.isNaN(resolvedAt)) return reject('resolved_at', 'unreadable_date');
	let withdrawnAt = readMicros(cell('withdrawn_at'), 'start');
	if (Number.isNaN(withdrawnAt)) return reject('withdrawn_at', 'unreadable_date');
	const agencyName = ctx.text(cell('agency'));
	const agencyCode = ctx.text(cell('agency_code'));
	if (!agencyName && !agencyCode) return reject('agency', 'missing_agency');
	const channelRead = readChannel(cell('channel'));
	if (!channelRead) return reject('channel', 'missing_channel');
	if ('error' in channelRead) return reject('channel', 'unreadable_channel');
	const levelRead = readLevel(cell('level'));
	if (levelRead && 'error' in levelRead) return reject('level', 'unreadable_level');

	// The state comes from the dates; the status column only says which date an end date is.
	const warnings: [Field | '', Reason][] = [];
	const status = optional(ctx, cells, 'status', readStatus, null as Status | null, warnings);
	if (status === 'withdrawn' && withdrawnAt === null && resolvedAt !== null && mapping.withdrawn_at === null) {
		// One "end date" column: for a withdrawn dossier it is the day it was withdrawn.
		withdrawnAt = resolvedAt;
		resolvedAt = null;
	}
	if (resolvedAt !== null && withdrawnAt !== null) return reject('withdrawn_at', 'resolved_and_withdrawn');
	if (status === 'resolved' && resolvedAt === null) return reject('resolved_at', 'resolved_without_date');
	if (status === 'withdrawn' && withdrawnAt === null) return reject('withdrawn_at', 'withdrawn_without_date');
	const derived: Status = resolvedAt !== null ? 'resolved' : withdrawnAt !== null ? 'withdrawn' : 'in_progress';
	if (status && status !== derived) warnings.push(['status', 'status_disagrees']);

	if (resolvedAt !== null && resolvedAt < receivedAt) return reject('resolved_at', 'resolved_before_received');
	if (withdrawnAt !== null && withdrawnAt < receivedAt) return reject('withdrawn_at', 'withdrawn_before_received');
	if (dueAt < receivedAt) return reject('due_at', 'due_before_received');

	if (resolvedAt !== null && dayNumber(resolvedAt) > dayNumber(dueAt) + LONG_AFTER_DUE_DAYS) warnings.push(['resolved_at', 'recorded_long_after_due']);
	if (dayNumber(receivedAt) > ctx.today) warnings.push(['received_at', 'future_date']);
	else if (resolvedAt !== null && dayNumber(resolvedAt) > ctx.today) warnings.push(['resolved_at', 'future_date']);
	else if (withdrawnAt !== null && dayNumber(withdrawnAt) > ctx.today) warnings.push(['withdrawn_at', 'future_date']);

	out.fee.push(optional(ctx, cells, 'fee', readAmount, 0, warnings));
	out.paidOnline.push(optional(ctx, cells, 'paid_online', readFlag, false, warnings));
	out.digitised.push(optional(ctx, cells, 'digitised', readFlag, false, warnings));
	out.resultElectronic.push(optional(ctx, cells, 'result_electronic', readFlag, false, warnings));
	out.rating.push(optional(ctx, cells, 'rating', readRating, null, warnings));
	out.apologyIssued.push(optional(ctx, cells, 'apology_issued', readFlag, false, warnings));
	const row = out.line.length;
	for (const [f, reason] of warnings) out.warnings.push({ row, problem: problemOf(ctx, line, cells, f, reason) });
	const extra = extraCells(ctx, cells);
	if (extra) out.warnings.push({ row, problem: { ...problemOf(ctx, line, cells, '', 'extra_cells'), value: shown(extra) } });
	out.line.push(line);
	out.id.push(id);
	out.agencyCode.push(agencyCode);
	out.agencyName.push(agencyName);
	out.level.push(levelRead ? (levelRead as { value: Level }).value : null);
	out.procedureCode.push(ctx.text(cell('procedure_code')));
	out.procedureName.push(ctx.text(cell('procedure')));
	out.field.push(ctx.text(cell('field')));
	out.receivedAt.push(receivedAt);
	out.dueAt.push(dueAt);
	out.resolvedAt.push(resolvedAt ?? NaN);
	out.withdrawnAt.push(withdrawnAt ?? NaN);
	out.status.push(derived);
	out.channel.push(channelRead.value);
}

/** Non-empty cells beyond the header's columns, joined; null when there are none. */
function extraCells(ctx: RowContext, cells: readonly Cell[]): string | null {
	if (cells.length <= ctx.headers.length) return null;
	const extra = cells
		.slice(ctx.headers.length)
		.map((c) => readText(c))
		.filter((v) => v !== null);
	return extra.length ? extra.join(' | ') : null;
}

/** Strings as one text and where each ends: a worker receives it as one copy, not a copy per string. */
interface PackedStrings {
	text: string;
	ends: Int32Array;
	/** 1 where the value is null. */
	nulls: Uint8Array;
}

function packStrings(values: readonly (string | null)[]): PackedStrings {
	const ends = new Int32Array(values.length);
	const nulls = new Uint8Array(values.length);
	let end = 0;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v === null) nulls[i] = 1;
		else end += v.length;
		ends[i] = end;
	}
	return { text: values.join(''), ends, nulls };
}

function unpackStrings(p: PackedStrings): (string | null)[] {
	const out = new Array<string | null>(p.ends.length);
	let start = 0;
	for (let i = 0; i < p.ends.length; i++) {
		out[i] = p.nulls[i] ? null : p.text.slice(start, p.ends[i]);
		start = p.ends[i];
	}
	return out;
}

const TEXT_COLUMNS = ['id', 'agencyCode', 'agencyName', 'procedureCode', 'procedureName', 'field'] as const;
const NUMBER_COLUMNS = ['line', 'receivedAt', 'dueAt', 'resolvedAt', 'withdrawnAt', 'fee'] as const;
const FLAG_COLUMNS = ['paidOnline', 'digitised', 'resultElectronic', 'apologyIssued'] as const;

/**
 * A batch as it crosses to the admitting worker: strings joined, numbers and flags in typed
 * arrays (moved, not copied). Posting the plain arrays cost a quarter of a second a batch.
 */
export type PackedBatch = Pick<ReadBatch, 'file' | 'rowsRead' | 'warnings' | 'rejected'> & {
	text: Record<(typeof TEXT_COLUMNS)[number], PackedStrings>;
	/** Columns of a fixed few values, as their place in LEVELS, STATUSES, CHANNELS (-1: null). */
	codes: Record<'level' | 'status' | 'channel', Int8Array>;
	numbers: Record<(typeof NUMBER_COLUMNS)[number], Float64Array>;
	flags: Record<(typeof FLAG_COLUMNS)[number], Uint8Array>;
	/** 0 for no rating. */
	rating: Int8Array;
};

/** Plain loops, not `TypedArray.from` with a mapping function: that is several times slower. */
function typed<T, A extends Int8Array | Uint8Array | Float64Array>(values: readonly T[], array: A, value: (v: T) => number): A {
	for (let i = 0; i < values.length; i++) array[i] = value(values[i]);
	return array;
}

export function packBatch(b: ReadBatch): PackedBatch {
	const n = b.line.length;
	const code = (list: readonly (string | null)[]) => (v: string | null) => list.indexOf(v);
	return {
		file: b.file,
		rowsRead: b.rowsRead,
		warnings: b.warnings,
		rejected: b.rejected,
		text: Object.fromEntries(TEXT_COLUMNS.map((c) => [c, packStrings(b[c])])) as PackedBatch['text'],
		codes: {
			level: typed(b.level, new Int8Array(n), code(LEVELS)),
			status: typed(b.status, new Int8Array(n), code(STATUSES)),
			channel: typed(b.channel, new Int8Array(n), code(CHANNELS))
		},
		numbers: Object.fromEntries(NUMBER_COLUMNS.map((c) => [c, typed(b[c], new Float64Array(n), (v) => v)])) as PackedBatch['numbers'],
		flags: Object.fromEntries(FLAG_COLUMNS.map((c) => [c, typed(b[c], new Uint8Array(n), (v) => (v ? 1 : 0))])) as PackedBatch['flags'],
		rating: typed(b.rating, new Int8Array(n), (r) => r ?? 0)
	};
}

/** The buffers a packed batch can hand over instead of copying. */
function packedBuffers(p: PackedBatch): ArrayBuffer[] {
	return [
		...Object.values(p.text).flatMap((s) => [s.ends.buffer, s.nulls.buffer]),
		...Object.values(p.codes).map((a) => a.buffer),
		...Object.values(p.numbers).map((a) => a.buffer),
		...Object.values(p.flags).map((a) => a.buffer),
		p.rating.buffer
	] as ArrayBuffer[];
}

/**
 * Batches handed to the thread that admits them: each packed and its buffers moved by
 * `send`; the next is held until that thread says this one is admitted (`admitted`).
 */
export function packedHandOver(send: (batch: PackedBatch, transfer: ArrayBuffer[]) => void): { onBatch: (b: ReadBatch) => Promise<void>; admitted: () => void } {
	let admitted: (() => void) | null = null;
	return {
		onBatch: (batch) =>
			new Promise<void>((resolve) => {
				admitted = resolve;
				const packed = packBatch(batch);
				send(packed, packedBuffers(packed));
			}),
		admitted: () => admitted?.()
	};
}

export function unpackBatch(p: PackedBatch): ReadBatch {
	const b = newBatch(p.file);
	b.rowsRead = p.rowsRead;
	b.warnings = p.warnings;
	b.rejected = p.rejected;
	for (const c of TEXT_COLUMNS) (b[c] as (string | null)[]) = unpackStrings(p.text[c]);
	b.level = Array.from(p.codes.level, (k) => (k < 0 ? null : LEVELS[k]));
	b.status = Array.from(p.codes.status, (k) => STATUSES[k]);
	b.channel = Array.from(p.codes.channel, (k) => CHANNELS[k]);
	for (const c of NUMBER_COLUMNS) b[c] = Array.from(p.numbers[c]);
	for (const c of FLAG_COLUMNS) b[c] = Array.from(p.flags[c], Boolean);
	b.rating = Array.from(p.rating, (r) => (r === 0 ? null : (r as Rating)));
	return b;
}

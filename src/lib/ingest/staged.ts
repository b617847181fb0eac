/**
 * Admitted rows as the Arrow IPC stream the engine stages, with where each row came from
 * (the file's place in the load, its name, the line): the columns of STAGED_TYPES. Arrow, not CSV text: a million rows pass through here, and
 * typed columns cost the admitting worker and the engine's worker far less than writing
 * text and parsing it again.
 */
import { Bool, Dictionary, Float64, Int8, Int32, makeData, makeVector, Table, tableToIPC, TimestampMicrosecond, Utf8, type Data, type DataType } from 'apache-arrow';
import type { Micros } from '../core/domain/dates';
import type { ReadBatch } from './rows';
import type { STAGED_TYPES } from './store';

const encoder = new TextEncoder();

/** The validity bitmap of a column: bit i set when value i is not null. */
function validity(n: number, isValid: (i: number) => boolean): { nullBitmap: Uint8Array; nullCount: number } {
	const nullBitmap = new Uint8Array((n + 7) >> 3);
	let nullCount = 0;
	for (let i = 0; i < n; i++) {
		if (isValid(i)) nullBitmap[i >> 3] |= 1 << (i & 7);
		else nullCount++;
	}
	return { nullBitmap, nullCount };
}

/** Strings as UTF-8 bytes and offsets; one encode for the batch when it is all ASCII (ids are). */
function utf8(values: readonly string[]): Data<Utf8> {
	const n = values.length;
	const valueOffsets = new Int32Array(n + 1);
	const joined = values.join('');
	let data = encoder.encode(joined);
	if (data.length === joined.length) {
		for (let i = 0; i < n; i++) valueOffsets[i + 1] = valueOffsets[i] + values[i].length;
	} else {
		const parts = values.map((v) => encoder.encode(v));
		data = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
		parts.forEach((p, i) => {
			data.set(p, valueOffsets[i]);
			valueOffsets[i + 1] = valueOffsets[i] + p.length;
		});
	}
	return makeData({ type: new Utf8(), length: n, valueOffsets, data });
}

/** A column of few distinct strings (agencies, procedures, states): each distinct value stored once. */
function dictionary(values: readonly string[]): Data<Dictionary<Utf8, Int32>> {
	const index = new Map<string, number>();
	const keys = new Int32Array(values.length);
	for (let i = 0; i < values.length; i++) {
		let k = index.get(values[i]);
		if (k === undefined) index.set(values[i], (k = index.size));
		keys[i] = k;
	}
	return makeData({ type: new Dictionary(new Utf8(), new Int32()), length: values.length, data: keys, dictionary: makeVector(utf8([...index.keys()])) });
}

const TWO_32 = 2 ** 32;

/** Timestamps (NaN for none), written as the two 32-bit halves of each 64-bit value: no BigInt per row. */
function timestamps(values: readonly Micros[]): Data<TimestampMicrosecond> {
	const n = values.length;
	const data = new BigInt64Array(n);
	const halves = new Int32Array(data.buffer);
	for (let i = 0; i < n; i++) {
		const us = values[i];
		if (Number.isNaN(us)) continue;
		const high = Math.floor(us / TWO_32);
		halves[2 * i] = us - high * TWO_32; // stored modulo 2^32: the low half's bits
		halves[2 * i + 1] = high;
	}
	return makeData({ type: new TimestampMicrosecond(), length: n, data, ...validity(n, (i) => !Number.isNaN(values[i])) });
}

function flags(values: readonly boolean[]): Data<Bool> {
	return makeData({ type: new Bool(), length: values.length, data: validity(values.length, (i) => values[i]).nullBitmap });
}

/**
 * The admitted rows of a batch (their indexes, with the agency and procedure each was
 * found to name) as the Arrow stream the engine stages.
 */
export function stagedArrow(b: ReadBatch, fileIndex: number, file: string, rows: readonly number[], agencyId: readonly string[], procedureCode: readonly string[]): Uint8Array {
	const n = rows.length;
	const pick = <T>(column: readonly T[]) => rows.map((i) => column[i]);
	const ratings = pick(b.rating);
	const columns: Record<keyof typeof STAGED_TYPES, Data<DataType>> = {
		id: utf8(pick(b.id)),
		procedure_code: dictionary(procedureCode),
		agency_id: dictionary(agencyId),
		received_at: timestamps(pick(b.receivedAt)),
		due_at: timestamps(pick(b.dueAt)),
		resolved_at: timestamps(pick(b.resolvedAt)),
		withdrawn_at: timestamps(pick(b.withdrawnAt)),
		status: dictionary(pick(b.status)),
		channel: dictionary(pick(b.channel)),
		// Fees in đồng pass 2^31; memory.staged casts them to BIGINT (store.ts).
		fee: makeData({ type: new Float64(), length: n, data: Float64Array.from(pick(b.fee)) }),
		paid_online: flags(pick(b.paidOnline)),
		digitised: flags(pick(b.digitised)),
		result_electronic: flags(pick(b.resultElectronic)),
		rating: makeData({ type: new Int8(), length: n, data: Int8Array.from(ratings, (v) => v ?? 0), ...validity(n, (i) => ratings[i] !== null) }),
		apology_issued: flags(pick(b.apologyIssued)),
		source_index: makeData({ type: new Int32(), length: n, data: new Int32Array(n).fill(fileIndex) }),
		source_file: dictionary(rows.map(() => file)),
		source_line: makeData({ type: new Int32(), length: n, data: Int32Array.from(pick(b.line)) })
	};
	return tableToIPC(new Table(Object.fromEntries(Object.entries(columns).map(([k, d]) => [k, makeVector(d)]))), 'stream');
}

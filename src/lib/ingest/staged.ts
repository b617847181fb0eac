/**
 * A batch of dossiers as the Arrow IPC stream the engine stages, with where each row came
 * from: columns in the order of STAGED_TYPES. Arrow, not CSV text: a million rows pass
 * through here, and typed columns cost the reading worker and the engine's worker far less
 * than writing text and parsing it again.
 */
import { Bool, Dictionary, Float64, Int8, Int32, makeData, makeVector, Table, tableToIPC, TimestampMicrosecond, Utf8, type Data, type DataType } from 'apache-arrow';
import type { DossierRecord } from './rows';

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

/** "yyyy-mm-dd hh:mm:ss[.ffffff]" (rows.ts's timestamps) as microseconds since 1970. */
function micros(ts: string): number {
	const num = (from: number, to: number) => {
		let v = 0;
		for (let i = from; i < to; i++) v = v * 10 + ts.charCodeAt(i) - 48;
		return v;
	};
	const ms = Date.UTC(num(0, 4), num(5, 7) - 1, num(8, 10), num(11, 13), num(14, 16), num(17, 19));
	return ms * 1000 + (ts.length > 20 ? num(20, 26) : 0);
}

/** Timestamps, written as the two 32-bit halves of each 64-bit value (no BigInt per row). */
function timestamps(values: readonly (string | null)[]): Data<TimestampMicrosecond> {
	const n = values.length;
	const data = new BigInt64Array(n);
	const halves = new Int32Array(data.buffer);
	for (let i = 0; i < n; i++) {
		const v = values[i];
		if (v === null) continue;
		const us = micros(v);
		const high = Math.floor(us / TWO_32);
		halves[2 * i] = us - high * TWO_32; // stored modulo 2^32: the low half's bits
		halves[2 * i + 1] = high;
	}
	return makeData({ type: new TimestampMicrosecond(), length: n, data, ...validity(n, (i) => values[i] !== null) });
}

function flags(values: readonly boolean[]): Data<Bool> {
	return makeData({ type: new Bool(), length: values.length, data: validity(values.length, (i) => values[i]).nullBitmap });
}

export function stagedArrow(batch: readonly DossierRecord[]): Uint8Array {
	const col = <T>(f: (r: DossierRecord) => T) => batch.map(f);
	const n = batch.length;
	const ratings = col((r) => r.rating);
	const columns: Record<string, Data<DataType>> = {
		id: utf8(col((r) => r.id)),
		procedure_code: dictionary(col((r) => r.procedure_code)),
		agency_id: dictionary(col((r) => r.agency_id)),
		received_at: timestamps(col((r) => r.received_at)),
		due_at: timestamps(col((r) => r.due_at)),
		resolved_at: timestamps(col((r) => r.resolved_at)),
		withdrawn_at: timestamps(col((r) => r.withdrawn_at)),
		status: dictionary(col((r) => r.status)),
		channel: dictionary(col((r) => r.channel)),
		// Fees in đồng pass 2^31; the engine casts to BIGINT on insert.
		fee: makeData({ type: new Float64(), length: n, data: Float64Array.from(col((r) => r.fee)) }),
		paid_online: flags(col((r) => r.paid_online)),
		digitised: flags(col((r) => r.digitised)),
		result_electronic: flags(col((r) => r.result_electronic)),
		rating: makeData({ type: new Int8(), length: n, data: Int8Array.from(ratings, (v) => v ?? 0), ...validity(n, (i) => ratings[i] !== null) }),
		apology_issued: flags(col((r) => r.apology_issued)),
		source_file: dictionary(col((r) => r.origin.file)),
		source_line: makeData({ type: new Int32(), length: n, data: Int32Array.from(col((r) => r.origin.line)) })
	};
	return tableToIPC(new Table(Object.fromEntries(Object.entries(columns).map(([k, d]) => [k, makeVector(d)]))), 'stream');
}

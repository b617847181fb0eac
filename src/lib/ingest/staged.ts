/**
 * Admitted rows as the Arrow IPC stream the engine stages, with where each row came from
 * (the file's place in the load, its name, the line): the columns of STAGED_COLUMNS, each
 * in the Arrow form of its SQL type. Arrow, not CSV text: a million rows pass through here,
 * and typed columns cost the admitting worker and the engine's worker far less than writing
 * text and parsing it again.
 */
import { Bool, Dictionary, Float64, Int8, Int32, makeData, makeVector, Table, tableToIPC, TimestampMicrosecond, Utf8, type Data, type DataType } from 'apache-arrow';
import type { Micros } from '../core/domain/dates';
import { columnNames, DOSSIER_COLUMN_SPECS, type Column, type Columns } from '../core/domain/schema';
import type { ReadBatch } from './rows';

/** Where a staged row came from: the load order the merge follows, and what a warning names. */
const SOURCE_COLUMNS = {
	source_index: { type: 'INTEGER', nullable: false, meaning: "the file's place in the load" },
	source_file: { type: 'VARCHAR', nullable: false, meaning: 'the file the row was read from' },
	source_line: { type: 'INTEGER', nullable: false, meaning: 'its line in that file (the row number for .xlsx, Parquet and JSON)' }
} as const satisfies Columns;

/**
 * The columns of a staged row: a dossier's (schema.ts), then where it came from.
 * memory.staged (store.ts) casts each to its SQL type. Marked pure: the reading worker,
 * which imports this module without staging anything, leaves it out.
 */
export const STAGED_COLUMNS = /* @__PURE__ */ Object.assign({}, DOSSIER_COLUMN_SPECS, SOURCE_COLUMNS);
type StagedColumn = keyof typeof STAGED_COLUMNS;

/** A staged column's values in the admitting worker: timestamps in microseconds, NaN for none. */
type StagedValue<C extends Column> = C['type'] extends 'TIMESTAMP' ? Micros : C['type'] extends 'BOOLEAN' ? boolean : C['type'] extends 'VARCHAR' ? string : number | (C['nullable'] extends true ? null : never);
type StagedValues = { [K in StagedColumn]: readonly StagedValue<(typeof STAGED_COLUMNS)[K]>[] };

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

/** Small whole numbers; null (a rating not given) where the column may be empty. */
function int8s(values: readonly (number | null)[], nullable: boolean): Data<Int8> {
	const n = values.length;
	return makeData({ type: new Int8(), length: n, data: Int8Array.from(values, (v) => v ?? 0), ...(nullable ? validity(n, (i) => values[i] !== null) : {}) });
}

/**
 * A column in the Arrow form of its SQL type. Text repeats few values (agencies, procedures,
 * states, the file) and goes as a dictionary, each value once, but the id, which is each
 * row's own. A fee in đồng passes 2^31: it goes as a double, and memory.staged casts it to
 * BIGINT (store.ts).
 */
function arrowColumn(name: StagedColumn, c: Column, values: readonly unknown[]): Data<DataType> {
	switch (c.type) {
		case 'VARCHAR':
			return name === 'id' ? utf8(values as string[]) : dictionary(values as string[]);
		case 'TIMESTAMP':
			return timestamps(values as Micros[]);
		case 'BOOLEAN':
			return flags(values as boolean[]);
		case 'TINYINT':
			return int8s(values as (number | null)[], c.nullable);
		case 'INTEGER':
			return makeData({ type: new Int32(), length: values.length, data: Int32Array.from(values as number[]) });
		case 'BIGINT':
			return makeData({ type: new Float64(), length: values.length, data: Float64Array.from(values as number[]) });
		case 'DATE':
			throw new Error(`No staged column is a day: ${name}`);
	}
}

/**
 * The admitted rows of a batch (their indexes, with the agency and procedure each was
 * found to name) as the Arrow stream the engine stages.
 */
export function stagedArrow(b: ReadBatch, fileIndex: number, file: string, rows: readonly number[], agencyId: readonly string[], procedureCode: readonly string[]): Uint8Array {
	const pick = <T>(column: readonly T[]) => rows.map((i) => column[i]);
	const values: StagedValues = {
		id: pick(b.id),
		procedure_code: procedureCode,
		agency_id: agencyId,
		received_at: pick(b.receivedAt),
		due_at: pick(b.dueAt),
		resolved_at: pick(b.resolvedAt),
		withdrawn_at: pick(b.withdrawnAt),
		status: pick(b.status),
		channel: pick(b.channel),
		fee: pick(b.fee),
		paid_online: pick(b.paidOnline),
		digitised: pick(b.digitised),
		result_electronic: pick(b.resultElectronic),
		rating: pick(b.rating),
		apology_issued: pick(b.apologyIssued),
		source_index: rows.map(() => fileIndex),
		source_file: rows.map(() => file),
		source_line: pick(b.line)
	};
	const vectors = columnNames(STAGED_COLUMNS).map((c) => [c, makeVector(arrowColumn(c, STAGED_COLUMNS[c], values[c]))]);
	return tableToIPC(new Table(Object.fromEntries(vectors)), 'stream');
}

/**
 * The file formats of one-stop exports, each read to a header row and rows of cells:
 * delimited text (CSV, TSV, any delimiter, any supported encoding), .xlsx, Parquet, JSON
 * and NDJSON. The format is told by the bytes, not the name: a binary file renamed .csv
 * is refused with a reason instead of loading garbage.
 */
import { DelimitedParser, detectDelimiter } from './delimited';
import { byteOrderMark, detectEncoding, StreamDecoder, type Encoding } from './encoding';
import { proposeMapping } from './headers';
import type { Cell } from './values';

export type Format = 'delimited' | 'xlsx' | 'parquet' | 'json' | 'ndjson';

/** Why a whole file cannot be read: a message key (ingest_<code>) for the user. */
export class FileError extends Error {
	constructor(
		readonly code: 'empty_file' | 'binary_file' | 'old_xls' | 'no_header' | 'no_rows' | 'bad_xlsx' | 'bad_parquet' | 'bad_json' | 'too_large',
		readonly detail = ''
	) {
		super(detail ? `${code}: ${detail}` : code);
	}
}

/** Formats read whole into memory have a limit; delimited text and NDJSON stream and have none. */
export const SIZE_LIMITS: Partial<Record<Format, number>> = {
	xlsx: 60 * 2 ** 20,
	json: 200 * 2 ** 20,
	parquet: 400 * 2 ** 20
};

export interface Inspection {
	format: Format;
	encoding: Encoding | null;
	delimiter: string | null;
	headers: string[];
	/** The first rows, for the mapping table's sample values. */
	sample: Cell[][];
}

export interface Row {
	/** Line of a text file; row number for .xlsx (as Excel numbers it), Parquet and JSON. */
	line: number;
	cells: Cell[];
}

const CHUNK = 4 * 2 ** 20;
const SAMPLE_ROWS = 5;

async function head(file: Blob, n = 65536): Promise<Uint8Array> {
	return new Uint8Array(await file.slice(0, n).arrayBuffer());
}

export async function sniffFormat(file: Blob & { name?: string }): Promise<Format> {
	if (file.size === 0) throw new FileError('empty_file');
	const bytes = await head(file);
	const magic = String.fromCharCode(...bytes.subarray(0, 4));
	if (magic === 'PK\u0003\u0004') return 'xlsx';
	if (magic === 'PAR1') return 'parquet';
	if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw new FileError('old_xls');
	const encoding = detectEncoding(bytes);
	const text = new StreamDecoder(encoding).decode(bytes.subarray(byteOrderMark(bytes)?.length ?? 0), false);
	if (looksBinary(text)) throw new FileError('binary_file');
	const start = text.trimStart();
	if (start.startsWith('[')) return 'json';
	if (start.startsWith('{')) {
		const lines = start.split(/\r?\n/).filter((l) => l.trim());
		return lines.length > 1 && lines.slice(0, 3).every((l) => l.trim().startsWith('{') && l.trim().endsWith('}')) ? 'ndjson' : 'json';
	}
	return 'delimited';
}

/**
 * Binary: control characters other than tab and line breaks in more than 1% of the text, or
 * undecodable bytes in more than 10% (a few are a text file mixing encodings, rows.ts).
 */
function looksBinary(text: string): boolean {
	const control = text.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
	const undecodable = text.match(/\ufffd/g)?.length ?? 0;
	return control > Math.max(2, text.length / 100) || undecodable > text.length / 10;
}

/** A file opened for reading: what it is, and its rows. */
export interface Source {
	/**
	 * True when every text cell is already NFC (delimited text, decoded and normalised as a
	 * whole): its cells need trimming only. JSON's escapes and spreadsheet cells can be any form.
	 */
	readonly nfc: boolean;
	inspect(): Promise<Inspection>;
	/** Calls `onRow` for every data row, in order; `onProgress` hears the fraction read. */
	rows(onRow: (row: Row) => void, onProgress: (fraction: number) => Promise<void>): Promise<void>;
}

export async function openSource(file: Blob & { name?: string }, encodingOverride: Encoding | null = null): Promise<Source> {
	const format = await sniffFormat(file);
	const limit = SIZE_LIMITS[format];
	if (limit && file.size > limit) throw new FileError('too_large', `${format} ${Math.round(limit / 2 ** 20)} MB`);
	switch (format) {
		case 'delimited':
			return delimitedSource(file, encodingOverride ?? detectEncoding(await head(file)), 'delimited');
		case 'ndjson':
			return delimitedSource(file, encodingOverride ?? detectEncoding(await head(file)), 'ndjson');
		case 'json':
			return wholeSource(format, () => jsonTable(file, encodingOverride));
		case 'xlsx':
			return wholeSource(format, () => xlsxTable(file));
		case 'parquet':
			return parquetSource(file);
	}
}

/** Delimited text and NDJSON: streamed in chunks, decoded, split into records. */
function delimitedSource(file: Blob, encoding: Encoding, format: 'delimited' | 'ndjson'): Source {
	const read = async (onRecord: (line: number, cells: Cell[]) => boolean, onProgress: (f: number) => Promise<void>) => {
		const decoder = new StreamDecoder(encoding);
		let parser: DelimitedParser | null = null;
		let ndjsonKeys: string[] | null = null;
		let nextLine = 1;
		let rest = '';
		const chunk = (offset: number) => {
			const read = file.slice(offset, offset + CHUNK).arrayBuffer();
			read.catch(() => {}); // a failed read is reported where it is awaited, if it still is
			return read;
		};
		// The next chunk is read from disk while this one is parsed.
		let next = chunk(0);
		for (let offset = 0; offset < file.size; offset += CHUNK) {
			const last = offset + CHUNK >= file.size;
			const bytes = new Uint8Array(await next);
			if (!last) next = chunk(offset + CHUNK);
			const text = decoder.decode(bytes, last);
			if (format === 'delimited') {
				parser ??= new DelimitedParser(detectDelimiter(text));
				for (const r of parser.push(text, last)) if (!onRecord(r.line, r.cells)) return;
			} else {
				const lines = (rest + text).split('\n');
				rest = last ? '' : lines.pop()!;
				for (const l of lines) {
					const line = nextLine++;
					if (!l.trim()) continue;
					let obj: Record<string, unknown>;
					try {
						obj = JSON.parse(l);
					} catch {
						// A line that is not JSON is a row with no readable cell: it is rejected for lacking an id.
						obj = {};
					}
					if (!ndjsonKeys) {
						// The first record's keys are the header, as line 0 before it.
						ndjsonKeys = Object.keys(obj);
						if (!onRecord(0, ndjsonKeys)) return;
					}
					if (!onRecord(line, ndjsonKeys.map((k) => jsonCell(obj[k])))) return;
				}
			}
			await onProgress(Math.min(1, (offset + CHUNK) / file.size));
		}
	};
	let inspection: Inspection | null = null;
	return {
		nfc: format === 'delimited',
		async inspect() {
			if (inspection) return inspection;
			let headers: string[] | null = null;
			const sample: Cell[][] = [];
			let delimiter: string | null = null;
			await read(
				(_, cells) => {
					if (!headers) headers = cells.map((c) => String(c ?? '').trim());
					else sample.push(cells);
					return sample.length < SAMPLE_ROWS;
				},
				async () => {}
			);
			if (format === 'delimited') delimiter = detectDelimiter(new StreamDecoder(encoding).decode(await head(file), false));
			if (!headers) throw new FileError('no_header');
			if (!sample.length) throw new FileError('no_rows');
			inspection = { format, encoding, delimiter, headers, sample };
			return inspection;
		},
		async rows(onRow, onProgress) {
			let header = true;
			await read((line, cells) => {
				if (header) header = false;
				else onRow({ line, cells });
				return true;
			}, onProgress);
		}
	};
}

function jsonCell(v: unknown): Cell {
	if (v === null || v === undefined) return null;
	if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
	if (typeof v === 'bigint') return Number(v);
	if (v instanceof Date) return v;
	return JSON.stringify(v);
}

interface Table {
	headers: string[];
	rows: Row[];
	encoding?: Encoding;
}

/** Formats read whole (JSON, .xlsx): the table is read once and served from memory. */
function wholeSource(format: Format, load: () => Promise<Table>): Source {
	let table: Promise<Table> | null = null;
	const get = () => (table ??= load());
	return {
		nfc: false,
		async inspect() {
			const t = await get();
			if (!t.rows.length) throw new FileError('no_rows');
			return { format, encoding: t.encoding ?? null, delimiter: null, headers: t.headers, sample: t.rows.slice(0, SAMPLE_ROWS).map((r) => r.cells) };
		},
		async rows(onRow, onProgress) {
			const t = await get();
			for (let i = 0; i < t.rows.length; i++) {
				onRow(t.rows[i]);
				if (i % 50_000 === 49_999) await onProgress(i / t.rows.length);
			}
			await onProgress(1);
		}
	};
}

async function jsonTable(file: Blob, encodingOverride: Encoding | null): Promise<Table> {
	const bytes = new Uint8Array(await file.arrayBuffer());
	const encoding = encodingOverride ?? detectEncoding(bytes.subarray(0, 65536));
	let data: unknown;
	try {
		data = JSON.parse(new StreamDecoder(encoding).decode(bytes, true));
	} catch (e) {
		throw new FileError('bad_json', e instanceof Error ? e.message : '');
	}
	// An array of records, or an object holding one under a usual name.
	const records = Array.isArray(data) ? data : (Object.values(data as object).find(Array.isArray) ?? null);
	if (!records) throw new FileError('bad_json', 'no array of records');
	const keys: string[] = [];
	for (const r of records.slice(0, 1000)) if (r && typeof r === 'object') for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
	if (keys.length === 0) throw new FileError('no_header');
	const rows = records.map((r, i) => ({ line: i + 1, cells: keys.map((k) => jsonCell(r && typeof r === 'object' ? (r as Record<string, unknown>)[k] : null)) }));
	return { headers: keys, rows, encoding };
}

/** An .xlsx cell's value as a plain cell: rich text joined, a formula's result, a hyperlink's text. */
function xlsxCell(v: unknown): Cell {
	if (v === null || v === undefined) return null;
	if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
	const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
	if (o.richText) return o.richText.map((r) => r.text).join('');
	if ('result' in o) return xlsxCell(o.result);
	if (o.text !== undefined) return xlsxCell(o.text);
	if (o.error) return o.error;
	return String(v);
}

/**
 * The first worksheet that has rows. Its header is the row, among the first twenty, that
 * names the most known fields: exports often open with a title row or two.
 */
async function xlsxTable(file: Blob): Promise<Table> {
	const { default: ExcelJS } = await import('exceljs');
	const wb = new ExcelJS.Workbook();
	try {
		await wb.xlsx.load(await file.arrayBuffer());
	} catch (e) {
		throw new FileError('bad_xlsx', e instanceof Error ? e.message : '');
	}
	const sheet = wb.worksheets.find((s) => s.actualRowCount > 0);
	if (!sheet) throw new FileError('no_header');
	const all: Row[] = [];
	sheet.eachRow({ includeEmpty: false }, (row, number) => {
		const cells = (row.values as unknown[]).slice(1).map(xlsxCell);
		if (cells.some((v) => v !== null && String(v).trim() !== '')) all.push({ line: number, cells });
	});
	let best = 0;
	let bestCount = -1;
	all.slice(0, 20).forEach((r, i) => {
		const count = Object.values(proposeMapping(r.cells.map((c) => String(c ?? '')))).filter((v) => v !== null).length;
		if (count > bestCount) [best, bestCount] = [i, count];
	});
	if (!all.length) throw new FileError('no_header');
	const headers = all[best].cells.map((v) => String(v ?? '').trim());
	return { headers, rows: all.slice(best + 1).map((r) => ({ line: r.line, cells: headers.map((_, i) => r.cells[i] ?? null) })) };
}

/** Parquet, decoded in JavaScript (DuckDB-WASM has no Parquet reader offline), a row group batch at a time. */
function parquetSource(file: Blob): Source {
	const open = async () => {
		const { parquetMetadata, parquetReadObjects } = await import('hyparquet');
		const { compressors } = await import('hyparquet-compressors');
		const buffer = await file.arrayBuffer();
		let metadata;
		try {
			metadata = parquetMetadata(buffer);
		} catch (e) {
			throw new FileError('bad_parquet', e instanceof Error ? e.message : '');
		}
		const headers = metadata.schema.slice(1).map((s) => s.name);
		const total = Number(metadata.num_rows);
		const batch = (rowStart: number, rowEnd: number) => parquetReadObjects({ file: buffer, metadata, compressors, rowStart, rowEnd });
		return { headers, total, batch };
	};
	let opened: ReturnType<typeof open> | null = null;
	const toRow = (headers: string[], o: Record<string, unknown>, i: number): Row => ({ line: i + 1, cells: headers.map((h) => jsonCell(o[h])) });
	return {
		nfc: false,
		async inspect() {
			const p = await (opened ??= open());
			if (p.total === 0) throw new FileError('no_rows');
			const sample = (await p.batch(0, Math.min(SAMPLE_ROWS, p.total))).map((o, i) => toRow(p.headers, o, i).cells);
			return { format: 'parquet', encoding: null, delimiter: null, headers: p.headers, sample };
		},
		async rows(onRow, onProgress) {
			const p = await (opened ??= open());
			const step = 100_000;
			for (let start = 0; start < p.total; start += step) {
				const objects = await p.batch(start, Math.min(p.total, start + step));
				objects.forEach((o, i) => onRow(toRow(p.headers, o, start + i)));
				await onProgress(Math.min(1, (start + step) / p.total));
			}
		}
	};
}

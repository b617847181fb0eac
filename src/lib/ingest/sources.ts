/**
 * The file formats of one-stop exports, each read to a header row and rows of cells:
 * delimited text (CSV, TSV, any delimiter, any supported encoding), .xlsx, Parquet, JSON
 * and NDJSON. The format is told by the bytes, not the name: a binary file renamed .csv
 * is refused with a reason instead of loading garbage.
 */
import { DelimitedParser, detectDelimiter, type TextRecord } from './delimited';
import { byteOrderMark, detectEncoding, StreamDecoder, type Encoding } from './encoding';
import { proposeMapping } from './headers';
import type { Cell } from './values';

export type Format = 'delimited' | 'xlsx' | 'parquet' | 'json' | 'ndjson';

export type FileErrorCode = 'empty_file' | 'binary_file' | 'old_xls' | 'no_header' | 'no_rows' | 'bad_xlsx' | 'bad_parquet' | 'bad_json' | 'too_large' | 'json_no_records';

/**
 * Why a whole file cannot be read: a code, whose words for the user are REFUSALS (messages.ts), the line
 * where it can be told, and the file's name once known. `detail` is for developers (the
 * library's own words), shown only where the message asks for it (too_large).
 */
export class FileError extends Error {
	file: string | null = null;
	constructor(
		readonly code: FileErrorCode,
		readonly detail = '',
		readonly line: number | null = null
	) {
		super(detail ? `${code}: ${detail}` : code);
	}
}

/** Formats read whole into memory have a limit; delimited text and NDJSON stream and have none. */
const SIZE_LIMITS: Partial<Record<Format, number>> = {
	xlsx: 60 * 2 ** 20,
	json: 200 * 2 ** 20,
	parquet: 400 * 2 ** 20
};

/** A row that could be the header, as the header-row chooser lists it. */
export interface HeaderChoice {
	line: number;
	text: string;
}

export interface Inspection {
	format: Format;
	encoding: Encoding | null;
	delimiter: string | null;
	headers: string[];
	/** The line (row number for .xlsx) of the header row; 0 where the format names its columns (JSON, NDJSON, Parquet). */
	headerLine: number;
	/** The rows the user can choose as the header instead (delimited text and .xlsx); empty elsewhere. */
	headerChoices: HeaderChoice[];
	/** The first rows, for the mapping table's sample values. */
	sample: Cell[][];
}

/** A row the reader could not split into cells as written: rejected with this reason. */
export interface RowFault {
	reason: 'unclosed_quote' | 'not_json';
	value: string;
}

export interface Row {
	/** Line of a text file; row number for .xlsx (as Excel numbers it), Parquet and JSON. */
	line: number;
	cells: Cell[];
	fault?: RowFault;
}

const CHUNK = 4 * 2 ** 20;
const SAMPLE_ROWS = 5;
/** The header is looked for among this many first rows: title rows above it are skipped. */
const HEADER_SCAN = 30;

/**
 * The proposed header among the first rows: the one naming the most known fields, the first
 * on a tie; only rows with two filled cells or more can be one (a title row has one).
 */
function proposeHeader(rows: readonly { line: number; cells: readonly Cell[] }[]): number | null {
	let best: number | null = null;
	let bestCount = -1;
	for (const [i, r] of rows.slice(0, HEADER_SCAN).entries()) {
		const names = r.cells.map((c) => String(c ?? '').trim());
		if (names.filter((n) => n !== '').length < 2) continue;
		const count = Object.values(proposeMapping(names)).filter((v) => v !== null).length;
		if (count > bestCount) [best, bestCount] = [i, count];
	}
	return best;
}

/** The header-row choices: the first rows with two filled cells or more, as text. */
function headerChoices(rows: readonly { line: number; cells: readonly Cell[] }[]): HeaderChoice[] {
	return rows
		.slice(0, HEADER_SCAN)
		.filter((r) => r.cells.filter((c) => String(c ?? '').trim() !== '').length >= 2)
		.map((r) => ({ line: r.line, text: shortText(r.cells) }));
}

function shortText(cells: readonly Cell[]): string {
	const text = cells
		.map((c) => String(c ?? '').trim())
		.filter((v) => v !== '')
		.join(' | ');
	return text.length > 90 ? text.slice(0, 90) + '…' : text;
}

/** The row the user chose as the header, or the proposed one; null when no row can be one. */
function headerIndex(rows: readonly { line: number; cells: readonly Cell[] }[], chosen: number | null): number | null {
	const i = chosen === null ? -1 : rows.findIndex((r) => r.line === chosen);
	return i >= 0 ? i : proposeHeader(rows);
}

async function head(file: Blob, n = 65536): Promise<Uint8Array> {
	return new Uint8Array(await file.slice(0, n).arrayBuffer());
}

async function sniffFormat(file: Blob & { name?: string }): Promise<Format> {
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
		// NDJSON: records one to a line. Two whole ones among the first lines tell it, even when
		// the first is broken; pretty-printed JSON puts "{" alone on a line.
		const lines = start
			.split(/\r?\n|\r/)
			.map((l) => l.trim())
			.filter((l) => l)
			.slice(0, 10);
		return lines.filter((l) => l.startsWith('{') && l.endsWith('}')).length >= 2 ? 'ndjson' : 'json';
	}
	return 'delimited';
}

/**
 * Binary: control characters other than tab and line breaks in more than 1% of the text.
 * Undecodable bytes are no sign of it: they are a text file mixing encodings (rows.ts).
 */
function looksBinary(text: string): boolean {
	// eslint-disable-next-line no-control-regex -- counting control characters is the point
	const control = text.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
	return control > Math.max(2, text.length / 100);
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

/**
 * `headerLine` is the header row the user chose (a line, or an .xlsx row number); null to
 * take the proposed one.
 */
export async function openSource(file: Blob & { name?: string }, encodingOverride: Encoding | null = null, headerLine: number | null = null): Promise<Source> {
	const format = await sniffFormat(file);
	const limit = SIZE_LIMITS[format];
	if (limit && file.size > limit) throw new FileError('too_large', `${format} ${Math.round(limit / 2 ** 20)} MB`);
	switch (format) {
		case 'delimited':
			return delimitedSource(file, encodingOverride ?? detectEncoding(await head(file)), headerLine);
		case 'ndjson':
			return ndjsonSource(file, encodingOverride ?? detectEncoding(await head(file)));
		case 'json':
			return wholeSource(format, () => jsonTable(file, encodingOverride));
		case 'xlsx':
			return wholeSource(format, () => xlsxTable(file, headerLine));
		case 'parquet':
			return parquetSource(file);
	}
}

/** Text read in chunks and decoded; `onText` returns false to stop. */
async function readText(file: Blob, encoding: Encoding, onText: (text: string, last: boolean) => boolean, onProgress: (f: number) => Promise<void>): Promise<void> {
	const decoder = new StreamDecoder(encoding);
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
		if (!onText(decoder.decode(bytes, last), last)) return;
		await onProgress(Math.min(1, (offset + CHUNK) / file.size));
	}
}

/** Excel writes "sep=;" as the first line of a CSV to name its delimiter. */
const SEP_LINE = /^sep=(.)\r?$/i;

/**
 * Delimited text, streamed. The header is the row the user chose, or the proposed one among
 * the first rows (title rows above it are no data); the rows are the records after it.
 */
function delimitedSource(file: Blob, encoding: Encoding, chosenHeader: number | null): Source {
	let delimiter: string | null = null;
	const read = async (onRecord: (r: TextRecord) => boolean, onProgress: (f: number) => Promise<void>) => {
		let parser: DelimitedParser | null = null;
		await readText(
			file,
			encoding,
			(text, last) => {
				if (!parser) {
					const sep = SEP_LINE.exec(text.slice(0, text.search(/\n|$/)));
					delimiter ??= sep ? sep[1] : detectDelimiter(text);
					parser = new DelimitedParser(delimiter);
				}
				for (const r of parser.push(text, last)) if (!onRecord(r)) return false;
				return true;
			},
			onProgress
		);
	};
	let inspection: Promise<Inspection> | null = null;
	const inspect = async (): Promise<Inspection> => {
		const first: TextRecord[] = [];
		let header: number | null = null;
		await read(
			(r) => {
				first.push(r);
				if (first.length < HEADER_SCAN) return true;
				header ??= headerIndex(first, chosenHeader);
				return header === null || first.length < header + 1 + SAMPLE_ROWS;
			},
			async () => {}
		);
		header ??= headerIndex(first, chosenHeader);
		if (header === null) throw new FileError('no_header');
		const sample = first.slice(header + 1, header + 1 + SAMPLE_ROWS).map((r) => r.cells);
		if (!sample.length) throw new FileError('no_rows');
		const { line, cells } = first[header];
		return { format: 'delimited', encoding, delimiter, headers: cells.map((c) => c.trim()), headerLine: line, headerChoices: headerChoices(first), sample };
	};
	return {
		nfc: true,
		inspect: () => (inspection ??= inspect()),
		async rows(onRow, onProgress) {
			const { headerLine } = await (inspection ??= inspect());
			await read((r) => {
				if (r.line <= headerLine) return true;
				if (r.unclosedTo === undefined) onRow({ line: r.line, cells: r.cells });
				else onRow({ line: r.line, cells: r.cells, fault: { reason: 'unclosed_quote', value: `${r.line}–${r.unclosedTo}: ${r.cells.join(delimiter!)}` } });
				return true;
			}, onProgress);
		}
	};
}

/** Records read to tell an NDJSON file's columns: every key any of them has, in order of appearance. */
const NDJSON_KEY_SCAN = 10_000;

/**
 * NDJSON, streamed: one record a line. Records leave out empty keys, so the columns are the
 * keys of the first records together; a later record with a key of its own keeps its value
 * as an extra cell (a warning names it). A line that is not a JSON record is a row rejected.
 */
function ndjsonSource(file: Blob, encoding: Encoding): Source {
	type Line = { line: number; record: Record<string, unknown> | null; text: string };
	const read = async (onLine: (l: Line) => boolean, onProgress: (f: number) => Promise<void>) => {
		let rest = '';
		let lineNo = 0;
		await readText(
			file,
			encoding,
			(text, last) => {
				const lines = (rest + text).split('\n');
				rest = last ? '' : lines.pop()!;
				for (const l of lines) {
					lineNo++;
					if (!l.trim()) continue;
					if (!onLine({ line: lineNo, record: jsonRecord(l), text: l })) return false;
				}
				return true;
			},
			onProgress
		);
	};
	let inspection: Promise<Inspection> | null = null;
	const inspect = async (): Promise<Inspection> => {
		const keys = new Set<string>();
		const first: Line[] = [];
		await read(
			(l) => {
				if (l.record) for (const k of Object.keys(l.record)) keys.add(k);
				if (first.length < SAMPLE_ROWS) first.push(l);
				return first.length < NDJSON_KEY_SCAN;
			},
			async () => {}
		);
		const headers = [...keys];
		if (!headers.length) throw new FileError('bad_json', 'no record', first[0]?.line ?? null);
		const sample = first.filter((l) => l.record).map((l) => ndjsonCells(headers, l.record!));
		return { format: 'ndjson', encoding, delimiter: null, headers, headerLine: 0, headerChoices: [], sample };
	};
	return {
		nfc: false,
		inspect: () => (inspection ??= inspect()),
		async rows(onRow, onProgress) {
			const { headers } = await (inspection ??= inspect());
			await read((l) => {
				if (l.record) onRow({ line: l.line, cells: ndjsonCells(headers, l.record) });
				else onRow({ line: l.line, cells: [], fault: { reason: 'not_json', value: l.text } });
				return true;
			}, onProgress);
		}
	};
}

/** A line's record, or null when it is not a JSON object. */
function jsonRecord(line: string): Record<string, unknown> | null {
	try {
		const v: unknown = JSON.parse(line);
		return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
	} catch {
		return null;
	}
}

/** A record's cells in the header's order, then "key: value" for each key the header lacks. */
function ndjsonCells(headers: readonly string[], record: Record<string, unknown>): Cell[] {
	const cells = headers.map((k) => jsonCell(record[k]));
	for (const [k, v] of Object.entries(record)) if (v !== null && v !== undefined && v !== '' && !headers.includes(k)) cells.push(`${k}: ${String(jsonCell(v))}`);
	return cells;
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
	headerLine: number;
	headerChoices: HeaderChoice[];
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
			const { headers, headerLine, headerChoices } = t;
			return { format, encoding: t.encoding ?? null, delimiter: null, headers, headerLine, headerChoices, sample: t.rows.slice(0, SAMPLE_ROWS).map((r) => r.cells) };
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

/** The line of a JSON syntax error, from the parser's message (line, or position); null when it gives neither. */
function errorLine(message: string, text: string): number | null {
	const line = /line (\d+)/.exec(message);
	if (line) return Number(line[1]);
	const position = /position (\d+)/.exec(message);
	return position ? text.slice(0, Number(position[1])).split('\n').length : null;
}

async function jsonTable(file: Blob, encodingOverride: Encoding | null): Promise<Table> {
	const bytes = new Uint8Array(await file.arrayBuffer());
	const encoding = encodingOverride ?? detectEncoding(bytes.subarray(0, 65536));
	const text = new StreamDecoder(encoding).decode(bytes, true);
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (e) {
		const message = e instanceof Error ? e.message : '';
		throw new FileError('bad_json', message, errorLine(message, text));
	}
	// An array of records, or an object holding one under a usual name.
	const records = Array.isArray(data) ? data : data && typeof data === 'object' ? (Object.values(data).find(Array.isArray) ?? null) : null;
	if (!records || !records.some((r) => r && typeof r === 'object' && !Array.isArray(r))) throw new FileError('json_no_records');
	// Records leave out empty keys: the columns are every key of every record.
	const keys = new Set<string>();
	for (const r of records) if (r && typeof r === 'object') for (const k of Object.keys(r)) keys.add(k);
	const headers = [...keys];
	const rows = records.map((r, i) => ({ line: i + 1, cells: headers.map((k) => jsonCell(r && typeof r === 'object' ? (r as Record<string, unknown>)[k] : null)) }));
	return { headers, headerLine: 0, headerChoices: [], rows, encoding };
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
 * The first worksheet that has rows. Its header is the row the user chose, or the one
 * proposed among the first rows: exports often open with a title row or two.
 */
async function xlsxTable(file: Blob, chosenHeader: number | null): Promise<Table> {
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
		// row.values is sparse where cells are blank: Array.from fills the holes (map would keep them).
		const cells = Array.from(row.values as unknown[], xlsxCell).slice(1);
		if (cells.some((v) => v !== null && String(v).trim() !== '')) all.push({ line: number, cells });
	});
	const header = headerIndex(all, chosenHeader);
	if (header === null) throw new FileError('no_header');
	const headers = all[header].cells.map((v) => String(v ?? '').trim());
	// Cells beyond the header are kept: rows.ts warns of non-empty ones.
	const rows = all.slice(header + 1).map((r) => ({ line: r.line, cells: r.cells.length >= headers.length ? r.cells : headers.map((_, i) => r.cells[i] ?? null) }));
	return { headers, headerLine: all[header].line, headerChoices: headerChoices(all), rows };
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
			return { format: 'parquet', encoding: null, delimiter: null, headers: p.headers, headerLine: 0, headerChoices: [], sample };
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

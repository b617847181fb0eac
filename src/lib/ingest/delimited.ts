/**
 * CSV and TSV with any delimiter, read in chunks: RFC 4180 quoting ("" inside quotes, line
 * breaks inside quoted cells), CRLF, LF or CR-only lines, and every record's line number in
 * the file so a rejected row can be found again.
 */

export interface TextRecord {
	/** The line of the file the record starts on (1 = the first line). */
	line: number;
	cells: string[];
	/**
	 * A quote opened on `line` and never closed: the last line it swallowed. The record is
	 * that one line, split without quotes; the lines after it are read again as records.
	 */
	unclosedTo?: number;
}

const CANDIDATES = [',', ';', '\t', '|'];

/**
 * The delimiter of the first lines: the candidate that splits the most lines into the same
 * number of cells, weighted by that number. Title rows above the header split into one
 * cell, or (padded by Excel) into as many as the rest: neither misleads it.
 */
export function detectDelimiter(text: string): string {
	const lines = text
		.split(/\r?\n|\r/)
		.filter((l) => l.trim() !== '')
		.slice(0, 40);
	let best = ',';
	let bestScore = 0;
	for (const d of CANDIDATES) {
		const frequency = new Map<number, number>();
		for (const l of lines) {
			const n = countOutsideQuotes(l, d);
			if (n > 0) frequency.set(n, (frequency.get(n) ?? 0) + 1);
		}
		for (const [n, lineCount] of frequency) if (n * lineCount > bestScore) [best, bestScore] = [d, n * lineCount];
	}
	return best;
}

function countOutsideQuotes(line: string, d: string): number {
	let n = 0;
	let quoted = false;
	for (const c of line) {
		if (c === '"') quoted = !quoted;
		else if (c === d && !quoted) n++;
	}
	return n;
}

/** Feeds text in, takes whole records out; the tail of a chunk waits for the next one. */
export class DelimitedParser {
	private rest = '';
	private line = 1;
	/** Old Mac files end lines with CR alone: told by the first text, then read as LF. */
	private crOnly: boolean | null = null;

	constructor(readonly delimiter: string) {}

	push(text: string, last = false): TextRecord[] {
		if (this.crOnly === null) {
			this.crOnly = lineEndIsCr(this.rest + text, last);
			if (this.crOnly === null) {
				this.rest += text;
				return [];
			}
			if (this.crOnly) this.rest = this.rest.replace(/\r/g, '\n');
		}
		const src = this.rest + (this.crOnly ? text.replace(/\r/g, '\n') : text);
		const out: TextRecord[] = [];
		const d = this.delimiter;
		let i = 0;
		// The next quote at or after i (src.length when none), looked for again only once passed:
		// searching from every line would scan to the end of the chunk on each line of a file without quotes.
		let quote = -1;
		while (i < src.length) {
			const nl = src.indexOf('\n', i);
			if (nl < 0 && !last) break;
			const end = nl < 0 ? src.length : nl;
			if (quote < i) {
				quote = src.indexOf('"', i);
				if (quote < 0) quote = src.length;
			}
			if (quote >= end) {
				// Fast path: a record on one line with no quotes.
				const cells = (src.charCodeAt(end - 1) === 13 ? src.slice(i, end - 1) : src.slice(i, end)).split(d);
				if (!allBlank(cells)) out.push({ line: this.line, cells });
				this.line++;
				i = end + 1;
				continue;
			}
			const parsed = quotedRecord(src, i, d, last);
			if (!parsed) break; // a quoted cell runs past the end of the chunk
			if (parsed.unclosed) {
				// The quote ran to the end of the file: that line is a record of its own, and
				// reading starts again on the next line rather than losing every line after it.
				const eol = nl < 0 ? src.length : nl;
				const body = stripCr(src.slice(i, eol));
				const tail = src.endsWith('\n') ? src.length - 1 : src.length;
				out.push({ line: this.line, cells: body.split(d), unclosedTo: this.line + countLines(src, i, tail) });
				this.line++;
				i = eol + 1;
				continue;
			}
			if (!allBlank(parsed.cells)) out.push({ line: this.line, cells: parsed.cells });
			this.line += parsed.lines;
			i = parsed.next;
		}
		this.rest = src.slice(i);
		return out;
	}
}

/**
 * Whether lines end with CR alone: the text has CRs and no LF at all. Told from the first
 * 64 KB (or the whole text when shorter); null while there is less than that.
 */
function lineEndIsCr(text: string, last: boolean): boolean | null {
	if (text.includes('\n')) return false;
	return last || text.length >= 65536 ? text.includes('\r') : null;
}

/**
 * One record that has quotes, from `start`; null when it is not complete in `src`. Runs of
 * plain text are sliced, not copied a character at a time: a million rows pass through here.
 */
function quotedRecord(src: string, start: number, d: string, last: boolean): { cells: string[]; next: number; lines: number; unclosed?: true } | null {
	const cells: string[] = [];
	let cell = '';
	let lines = 1;
	let i = start;
	const n = src.length;
	while (i <= n) {
		if (src.charCodeAt(i) === 34 /* " */) {
			// A quoted stretch: up to the closing quote, "" standing for one quote.
			i++;
			for (;;) {
				const q = src.indexOf('"', i);
				if (q < 0) return last ? { cells, next: n, lines, unclosed: true } : null;
				cell += src.slice(i, q);
				lines += countLines(src, i, q);
				if (q + 1 >= n && !last) return null;
				if (src.charCodeAt(q + 1) === 34) {
					cell += '"';
					i = q + 2;
					continue;
				}
				i = q + 1;
				break;
			}
			continue;
		}
		// An unquoted stretch: up to the next delimiter, quote or line end.
		let j = i;
		while (j < n) {
			const c = src[j];
			if (c === d || c === '"' || c === '\n') break;
			j++;
		}
		// A CR ending the line is no part of the cell; one inside its quotes is.
		const c = src[j];
		const crEnd = (c === '\n' || j >= n) && j > i && src.charCodeAt(j - 1) === 13;
		cell += src.slice(i, crEnd ? j - 1 : j);
		if (j >= n) {
			if (!last) return null;
			cells.push(cell);
			return { cells, next: n, lines };
		}
		if (c === d) {
			cells.push(cell);
			cell = '';
			i = j + 1;
		} else if (c === '\n') {
			cells.push(cell);
			return { cells, next: j + 1, lines };
		} else i = j; // a quote opens a quoted stretch
	}
	return null;
}

/** A line with no value in any cell (a blank line, or Excel's row of delimiters) is no record. */
function allBlank(cells: readonly string[]): boolean {
	for (const c of cells) if (c.trim() !== '') return false;
	return true;
}

const stripCr = (cell: string) => (cell.endsWith('\r') ? cell.slice(0, -1) : cell);

function countLines(src: string, from: number, to: number): number {
	let lines = 0;
	for (let k = src.indexOf('\n', from); k >= 0 && k < to; k = src.indexOf('\n', k + 1)) lines++;
	return lines;
}

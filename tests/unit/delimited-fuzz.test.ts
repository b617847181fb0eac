/**
 * The streaming delimited reader against a maintained parser (d3-dsv's csvParseRows, via d3):
 * seeded random tables of awkward cells (delimiters, quotes, line breaks, CR, Vietnamese text,
 * empty cells), written RFC 4180 style with LF or CRLF lines or CR alone, cut into chunks at
 * random places. Both must give the same rows; the reader's line numbers are checked against
 * where each row was written.
 */
import { dsvFormat } from 'd3';
import { describe, expect, it } from 'vitest';
import { DelimitedParser } from '../../src/lib/ingest/delimited';

/** mulberry32: a small seeded generator, so every run checks the same cases. */
function random(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const PIECES = ['a', 'Sở Tư pháp', 'UBND xã Tịnh Hà', '1', ' ', '"', '""', ',', ';', '\t', '|', '\n', '\r\n', '\r', 'Ngày', 'x y', '03/03/2025 08:00', 'ệ'];

interface Case {
	text: string;
	delimiter: string;
	rows: string[][];
	/** The line each row starts on. */
	lines: number[];
	chunks: number[];
}

function makeCase(rnd: () => number): Case {
	const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
	const delimiter = pick([',', ';', '\t', '|']);
	const crOnly = rnd() < 0.15;
	const nRows = 1 + Math.floor(rnd() * 8);
	const nCols = 1 + Math.floor(rnd() * 5);
	const rows: string[][] = [];
	for (let r = 0; r < nRows; r++) {
		const cols = rnd() < 0.2 ? 1 + Math.floor(rnd() * 6) : nCols;
		const row: string[] = [];
		for (let c = 0; c < cols; c++) {
			let cell = '';
			const len = Math.floor(rnd() * 4);
			for (let k = 0; k < len; k++) cell += pick(PIECES);
			// A file of CR-only lines has no LF anywhere: a break inside a cell is a CR too.
			if (crOnly) cell = cell.replace(/\r?\n/g, '\r');
			row.push(cell);
		}
		// A row with no value in any cell is no record to the reader: not generated.
		if (row.every((c) => c.trim() === '')) row[0] = 'z';
		rows.push(row);
	}
	const special = new RegExp(`["\\r\\n${delimiter === '|' ? '\\|' : delimiter}]`);
	let text = '';
	const lines: number[] = [];
	let line = 1;
	const eol = () => (crOnly ? '\r' : pick(['\n', '\r\n']));
	for (const [r, row] of rows.entries()) {
		// Blank lines between rows: skipped by the reader, still counted as lines.
		while (rnd() < 0.1) {
			text += eol();
			line++;
		}
		lines.push(line);
		const cells = row.map((c) => (special.test(c) || (c === '' && row.length === 1) || rnd() < 0.1 ? `"${c.replace(/"/g, '""')}"` : c));
		const body = cells.join(delimiter);
		text += body;
		line += (body.match(crOnly ? /\r/g : /\n/g) ?? []).length;
		if (r < rows.length - 1 || rnd() < 0.7) {
			text += eol();
			line++;
		}
	}
	const chunks: number[] = [];
	for (let at = 0; at < text.length;) {
		at += 1 + Math.floor(rnd() * (rnd() < 0.5 ? 4 : 40));
		chunks.push(Math.min(at, text.length));
	}
	return { text, delimiter, rows, lines, chunks };
}

function parseInChunks(c: Case) {
	const p = new DelimitedParser(c.delimiter);
	const out = [];
	let from = 0;
	for (const [k, to] of c.chunks.entries()) {
		out.push(...p.push(c.text.slice(from, to), k === c.chunks.length - 1));
		from = to;
	}
	if (!c.chunks.length) out.push(...p.push('', true));
	return out;
}

describe('the delimited reader agrees with d3-dsv', () => {
	it('on 4,000 seeded random tables cut into random chunks', () => {
		const rnd = random(21);
		for (let n = 0; n < 4000; n++) {
			const c = makeCase(rnd);
			// CR-only files: the reader reads a CR inside a quoted cell as the line break it stands for.
			const crOnly = !c.text.includes('\n');
			const want = dsvFormat(c.delimiter)
				.parseRows(c.text)
				.filter((r) => r.some((v) => v.trim() !== ''))
				.map((r) => (crOnly ? r.map((v) => v.replace(/\r/g, '\n')) : r));
			const got = parseInChunks(c);
			const context = JSON.stringify({ n, text: c.text, chunks: c.chunks });
			expect(
				got.map((r) => r.cells),
				context
			).toEqual(want);
			expect(
				got.map((r) => r.line),
				context
			).toEqual(c.lines);
			expect(
				got.every((r) => r.unclosedTo === undefined),
				context
			).toBe(true);
		}
	});
});

describe('an unclosed quote', () => {
	it('rejects its own line, names the lines it swallowed, and the lines after it are read', () => {
		const p = new DelimitedParser(',');
		const text = 'id,name\n1,a\n2,"b\n3,c\n4,"d"\n5,e\n';
		const got = [...p.push(text.slice(0, 13)), ...p.push(text.slice(13), true)];
		expect(got).toEqual([
			{ line: 1, cells: ['id', 'name'] },
			{ line: 2, cells: ['1', 'a'] },
			{ line: 3, cells: ['2', '"b'], unclosedTo: 6 },
			{ line: 4, cells: ['3', 'c'] },
			{ line: 5, cells: ['4', 'd'] },
			{ line: 6, cells: ['5', 'e'] }
		]);
	});
});

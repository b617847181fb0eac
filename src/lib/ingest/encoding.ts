/**
 * Text encodings of one-stop exports: UTF-8 (with or without BOM), UTF-16 LE/BE (Excel's
 * "Unicode text"), and the legacy 8-bit Vietnamese encodings still found in older files:
 * Windows-1258, TCVN3 (ABC) and VNI. Detected from the bytes, overridable by the user, and
 * always normalised to NFC (Windows-1258, VNI and some Mac exports spell a toned vowel as a
 * base letter plus combining marks).
 */
import { isVietnameseWord } from './syllable';

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1258', 'tcvn3', 'vni'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export const ENCODING_NAMES: Record<Encoding, string> = {
	'utf-8': 'UTF-8',
	'utf-16le': 'UTF-16 LE',
	'utf-16be': 'UTF-16 BE',
	'windows-1258': 'Windows-1258',
	tcvn3: 'TCVN3 (ABC)',
	vni: 'VNI'
};

/** TCVN3 bytes 0x80–0xFF (TCVN 5712:1993, as glibc's iconv TCVN5712-1 decodes them). 0xB0–0xB4 are combining tone marks. */
const TCVN3_HIGH =
	'\u00c0\u1ea2\u00c3\u00c1\u1ea0\u1eb6\u1eac\u00c8\u1eba\u1ebc\u00c9\u1eb8\u1ec6\u00cc\u1ec8\u0128\u00cd\u1eca\u00d2\u1ece\u00d5\u00d3\u1ecc\u1ed8\u1edc\u1ede\u1ee0\u1eda\u1ee2\u00d9\u1ee6\u0168\u00a0\u0102\u00c2\u00ca\u00d4\u01a0\u01af\u0110\u0103\u00e2\u00ea\u00f4\u01a1\u01b0\u0111\u1eb0\u0300\u0309\u0303\u0301\u0323\u00e0\u1ea3\u00e3\u00e1\u1ea1\u1eb2\u1eb1\u1eb3\u1eb5\u1eaf\u1eb4\u1eae\u1ea6\u1ea8\u1eaa\u1ea4\u1ec0\u1eb7\u1ea7\u1ea9\u1eab\u1ea5\u1ead\u00e8\u1ec2\u1ebb\u1ebd\u00e9\u1eb9\u1ec1\u1ec3\u1ec5\u1ebf\u1ec7\u00ec\u1ec9\u1ec4\u1ebe\u1ed2\u0129\u00ed\u1ecb\u00f2\u1ed4\u1ecf\u00f5\u00f3\u1ecd\u1ed3\u1ed5\u1ed7\u1ed1\u1ed9\u1edd\u1edf\u1ee1\u1edb\u1ee3\u00f9\u1ed6\u1ee7\u0169\u00fa\u1ee5\u1eeb\u1eed\u1eef\u1ee9\u1ef1\u1ef3\u1ef7\u1ef9\u00fd\u1ef5\u1ed0';

/**
 * VNI (VNI-Windows) writes a toned vowel as the ASCII base letter followed by one byte for
 * its marks; a few letters (đ, ơ, ư, and i/y with tones) have bytes of their own. Each byte
 * is decoded to the combining marks it stands for, and NFC composes them with the base.
 */
// The code table's rows, as the standard prints them.
// prettier-ignore
const VNI_MARKS: Record<number, string> = {
	// lower case: tone, circumflex + tone, breve + tone
	0xf8: '\u0300', 0xf9: '\u0301', 0xfb: '\u0309', 0xf5: '\u0303', 0xef: '\u0323',
	0xe2: '\u0302', 0xe0: '\u0302\u0300', 0xe1: '\u0302\u0301', 0xe5: '\u0302\u0309', 0xe3: '\u0302\u0303', 0xe4: '\u0302\u0323',
	0xea: '\u0306', 0xe8: '\u0306\u0300', 0xe9: '\u0306\u0301', 0xfa: '\u0306\u0309', 0xfc: '\u0306\u0303', 0xeb: '\u0306\u0323',
	0xf4: 'ơ', 0xf6: 'ư', 0xf1: 'đ', 0xec: 'ì', 0xed: 'í', 0xe6: 'ỉ', 0xf3: 'ĩ', 0xf2: 'ị', 0xee: 'ỵ',
	// upper case
	0xd8: '\u0300', 0xd9: '\u0301', 0xdb: '\u0309', 0xd5: '\u0303', 0xcf: '\u0323',
	0xc2: '\u0302', 0xc0: '\u0302\u0300', 0xc1: '\u0302\u0301', 0xc5: '\u0302\u0309', 0xc3: '\u0302\u0303', 0xc4: '\u0302\u0323',
	0xca: '\u0306', 0xc8: '\u0306\u0300', 0xc9: '\u0306\u0301', 0xda: '\u0306\u0309', 0xdc: '\u0306\u0303', 0xcb: '\u0306\u0323',
	0xd4: 'Ơ', 0xd6: 'Ư', 0xd1: 'Đ', 0xcc: 'Ì', 0xcd: 'Í', 0xc6: 'Ỉ', 0xd3: 'Ĩ', 0xd2: 'Ị', 0xce: 'Ỵ'
};

/** One string per byte value, for the table-driven encodings. */
function byteTable(high: (byte: number) => string): string[] {
	return Array.from({ length: 256 }, (_, b) => (b < 0x80 ? String.fromCharCode(b) : high(b)));
}
const latin1 = (b: number) => String.fromCharCode(b);
const TABLES = {
	tcvn3: byteTable((b) => TCVN3_HIGH[b - 0x80]),
	vni: byteTable((b) => VNI_MARKS[b] ?? latin1(b))
};

const LEGACY = ['windows-1258', 'tcvn3', 'vni'] as const;
type Legacy = (typeof LEGACY)[number];
const isLegacy = (e: Encoding): e is Legacy => (LEGACY as readonly string[]).includes(e);

/**
 * Decodes a stream of chunks to NFC text. A base letter at the end of a chunk is held back
 * until the next one, so marks that arrive in the next chunk still compose with it.
 *
 * A legacy encoding is decoded line by line: a line that reads as real Vietnamese only in
 * another encoding (a file started in Windows-1258 and continued in UTF-8) has its non-ASCII
 * letters decoded as U+FFFD, as a UTF-8 decoder does with legacy bytes, so that its row is
 * rejected as garbled (rows.ts) instead of loading under a garbled name.
 */
export class StreamDecoder {
	private readonly native: TextDecoder | null;
	private readonly table: string[] | null;
	private held = '';
	private heldBytes = new Uint8Array(0);
	private readonly lines: LineJudge | null;

	/** `judgeLines` false: every line in this encoding (how a line is tried in each encoding). */
	constructor(
		readonly encoding: Encoding,
		judgeLines = true
	) {
		this.table = encoding === 'tcvn3' || encoding === 'vni' ? TABLES[encoding] : null;
		// TextDecoder drops a BOM of its own encoding; Windows-1258 is built into browsers and Node.
		this.native = this.table ? null : new TextDecoder(encoding);
		this.lines = judgeLines && isLegacy(encoding) ? new LineJudge(encoding) : null;
	}

	decode(bytes: Uint8Array, last = false): string {
		let text = this.held + (this.lines ? this.legacyLines(bytes, last) : this.native ? this.native.decode(bytes, { stream: !last }) : this.mapBytes(bytes));
		this.held = '';
		if (!last) {
			let cut = text.length;
			while (cut > 0 && /\p{M}/u.test(text[cut - 1])) cut--;
			cut = Math.max(0, cut - 1);
			this.held = text.slice(cut);
			text = text.slice(0, cut);
		}
		return text.normalize('NFC');
	}

	/** Whole lines only: the end of the last line waits for the next chunk. */
	private legacyLines(chunk: Uint8Array, last: boolean): string {
		let bytes = chunk;
		if (this.heldBytes.length) {
			bytes = new Uint8Array(this.heldBytes.length + chunk.length);
			bytes.set(this.heldBytes);
			bytes.set(chunk, this.heldBytes.length);
		}
		const end = last ? bytes.length : bytes.lastIndexOf(0x0a) + 1;
		this.heldBytes = bytes.slice(end);
		const parts: string[] = [];
		for (let start = 0; start < end;) {
			const nl = bytes.indexOf(0x0a, start);
			const stop = nl < 0 || nl >= end ? end : nl + 1;
			const line = bytes.subarray(start, stop);
			const own = this.decodeOwn(line);
			parts.push(this.lines!.foreign(line, own) ? own.replace(/[\x80-\uffff]+/g, '\ufffd') : own);
			start = stop;
		}
		return parts.join('');
	}

	private decodeOwn(bytes: Uint8Array): string {
		return this.native ? this.native.decode(bytes) : this.mapBytes(bytes);
	}

	private mapBytes(bytes: Uint8Array): string {
		const table = this.table!;
		const parts: string[] = [];
		// Plain ASCII runs are copied in slices; only bytes ≥ 0x80 go through the table.
		let start = 0;
		for (let i = 0; i < bytes.length; i++) {
			if (bytes[i] < 0x80) continue;
			if (i > start) parts.push(asciiSlice(bytes, start, i));
			parts.push(table[bytes[i]]);
			start = i + 1;
		}
		if (start < bytes.length) parts.push(asciiSlice(bytes, start, bytes.length));
		return parts.join('');
	}
}

const ascii = new TextDecoder('latin1');
function asciiSlice(bytes: Uint8Array, from: number, to: number): string {
	return ascii.decode(bytes.subarray(from, to));
}

/** The encoding a byte-order mark announces, and its length. */
export function byteOrderMark(bytes: Uint8Array): { encoding: Encoding; length: number } | null {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
	return null;
}

/**
 * Guesses the encoding of the start of a file. A BOM decides; zero bytes in every other
 * position mean UTF-16; bytes that are valid UTF-8 are UTF-8. Otherwise each legacy encoding
 * decodes the sample and the one giving the most real Vietnamese syllables wins.
 */
export function detectEncoding(sample: Uint8Array): Encoding {
	const bom = byteOrderMark(sample);
	if (bom) return bom.encoding;
	const n = Math.min(sample.length, 4096) & ~1;
	let evenZeros = 0;
	let oddZeros = 0;
	for (let i = 0; i < n; i += 2) {
		if (sample[i] === 0) evenZeros++;
		if (sample[i + 1] === 0) oddZeros++;
	}
	if (n > 0 && oddZeros > n / 8 && evenZeros < oddZeros / 4) return 'utf-16le';
	if (n > 0 && evenZeros > n / 8 && oddZeros < evenZeros / 4) return 'utf-16be';
	if (isUtf8(sample)) return 'utf-8';
	let best: Encoding = 'windows-1258';
	let bestScore = -Infinity;
	for (const encoding of ['windows-1258', 'tcvn3', 'vni'] as const) {
		const score = vietnameseScore(new StreamDecoder(encoding, false).decode(sample, true));
		if (score > bestScore) [best, bestScore] = [encoding, score];
	}
	return best;
}

/**
 * UTF-8 when the lines with bytes over 0x7F are well-formed UTF-8, or at least half of them
 * are (legacy text almost never forms UTF-8 by chance): a UTF-8 file with a few rows pasted
 * from a legacy file stays UTF-8, and those rows decode to U+FFFD and are rejected as garbled
 * (rows.ts) instead of turning the whole file into mojibake. Lines, not characters, are
 * counted: a legacy line has more bytes over 0x7F than a UTF-8 line has characters.
 */
function isUtf8(sample: Uint8Array): boolean {
	let good = 0;
	let bad = 0;
	for (let start = 0; start < sample.length;) {
		const nl = sample.indexOf(0x0a, start);
		// A line cut off at the end of the sample is not judged: its last character may be too.
		if (nl < 0 && start > 0) break;
		const line = sample.subarray(start, nl < 0 ? sample.length : nl);
		start = nl < 0 ? sample.length : nl + 1;
		if (!line.some((b) => b >= 0x80)) continue;
		if (wellFormedUtf8(line)) good++;
		else bad++;
	}
	return good >= bad;
}

/** Words that are Vietnamese syllables, minus words that cannot be, among the words with non-ASCII letters. */
function vietnameseScore(text: string, isWord: (w: string) => boolean = isVietnameseWord): number {
	let score = 0;
	for (const word of text.split(/[^\p{L}\p{M}]+/u)) {
		if (!/[\x80-\uffff]/.test(word)) continue;
		score += isWord(word) ? 1 : -1;
	}
	return score;
}

/** Tells, line by line, whether a line of a legacy-encoded file is in another encoding. */
class LineJudge {
	/** A file has few distinct words: each is judged once (up to 50,000 of them). */
	private readonly words = new Map<string, boolean>();
	private readonly others: Encoding[];

	constructor(readonly encoding: Legacy) {
		this.others = ['utf-8', ...LEGACY.filter((e) => e !== encoding)];
	}

	private isWord = (w: string): boolean => {
		let v = this.words.get(w);
		if (v === undefined) {
			v = isVietnameseWord(w);
			if (this.words.size < 50_000) this.words.set(w, v);
		}
		return v;
	};

	/** True when another encoding reads the line as more real syllables than its own decoding `own`. */
	foreign(line: Uint8Array, own: string): boolean {
		let high = false;
		for (let i = 0; i < line.length && !high; i++) high = line[i] >= 0x80;
		if (!high) return false;
		const text = own.normalize('NFC');
		const score = vietnameseScore(text, this.isWord);
		// Every non-ASCII word a syllable: the line is in this encoding (most lines stop here).
		if (score === text.split(/[^\p{L}\p{M}]+/u).filter((w) => /[\x80-\uffff]/.test(w)).length) return false;
		return this.others.some((e) => (e !== 'utf-8' || wellFormedUtf8(line)) && vietnameseScore(new StreamDecoder(e, false).decode(line, true), this.isWord) > score);
	}
}

/** Every byte over 0x7F part of a well-formed UTF-8 sequence. */
function wellFormedUtf8(bytes: Uint8Array): boolean {
	for (let i = 0; i < bytes.length;) {
		const b = bytes[i];
		const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
		if (len === 0 || i + len > bytes.length) return false;
		for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return false;
		i += len;
	}
	return true;
}

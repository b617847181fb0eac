/**
 * Reading the values of an export: dates in the styles vendors write, statuses, channels,
 * ratings, levels, yes/no and amounts. Each reader returns the value or a reason it could
 * not read it; none guesses silently.
 */
import type { Channel, Level, Rating, Status } from '../core/domain/types';
import type { Micros } from '../core/domain/dates';
import { normaliseText } from './headers';

/** A cell as a file format hands it over: text, a number, a flag, a date, or nothing. */
export type Cell = string | number | boolean | Date | null | undefined;

export type Read<T> = { value: T } | { error: string };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const blank = (c: Cell) => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDay(y: number, m: number, d: number): boolean {
	if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
	const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
	return d <= MONTH_DAYS[m - 1] + (leap ? 1 : 0);
}

/** A moment in Vietnam local time, or a day (time null): the parsed form of any date cell. */
export interface Moment {
	day: string;
	time: string | null;
}

const VIETNAM_OFFSET_MIN = 7 * 60;

/** A wall-clock moment from its parts, shifted from `offsetMin` to Vietnam time when an offset is given. */
function moment(y: number, mo: number, d: number, h: number | null, mi = 0, s = 0, offsetMin: number | null = null): Moment | null {
	if (!validDay(y, mo, d)) return null;
	if (h === null) return { day: `${y}-${pad(mo)}-${pad(d)}`, time: null };
	if (h > 23 || mi > 59 || s > 59) return null;
	let ms = Date.UTC(y, mo - 1, d, h, mi, s);
	if (offsetMin !== null) ms += (VIETNAM_OFFSET_MIN - offsetMin) * 60_000;
	const t = new Date(ms);
	return {
		day: `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`,
		time: `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`
	};
}

/** Excel's day 0 is 30/12/1899 (its 1900 leap-year bug makes later serials line up). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function fromExcelSerial(serial: number): Moment | null {
	// Serials 20000–80000 are 1954–2119: anything else in a date column is not a date.
	if (!(serial > 20_000 && serial < 80_000)) return null;
	const ms = EXCEL_EPOCH_MS + Math.round((serial * 86_400_000) / 1000) * 1000;
	return fromUtcWallClock(new Date(ms), !Number.isInteger(serial));
}

/** A Date whose UTC fields are the wall-clock time (how .xlsx and Parquet readers hand over a local time). */
function fromUtcWallClock(t: Date, timed: boolean): Moment | null {
	if (Number.isNaN(t.getTime())) return null;
	return moment(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), timed ? t.getUTCHours() : null, t.getUTCMinutes(), t.getUTCSeconds());
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2})[:hg](\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(SA|CH|AM|PM)?)?$/i;
const TIME_FIRST = /^(\d{1,2})[:hg](\d{2})(?::(\d{2}))?\s+(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** 12-hour clocks: SA/AM before noon, CH/PM after (Vietnamese Excel writes SA and CH). */
function hour24(h: number, half: string | undefined): number {
	if (!half) return h;
	const pm = /^(ch|pm)$/i.test(half);
	return (h % 12) + (pm ? 12 : 0);
}

/**
 * Reads a date cell: dd/mm/yyyy (or - or .) with or without a time, the time before the
 * date, ISO 8601 (an explicit offset is converted to Vietnam time, no offset means Vietnam
 * time), an Excel serial number, or a Date from a spreadsheet or Parquet reader.
 */
export function readMoment(cell: Cell): Read<Moment> | null {
	if (blank(cell)) return null;
	const bad = { error: 'unreadable_date' };
	if (cell instanceof Date) {
		const hasTime = cell.getUTCHours() + cell.getUTCMinutes() + cell.getUTCSeconds() > 0;
		const m = fromUtcWallClock(cell, hasTime);
		return m ? { value: m } : bad;
	}
	if (typeof cell === 'number') {
		const m = fromExcelSerial(cell);
		return m ? { value: m } : bad;
	}
	const s = String(cell).trim();
	let m: Moment | null = fastDmy(s);
	if (m) return { value: m };
	let r: RegExpExecArray | null;
	if ((r = DMY.exec(s))) {
		m = moment(+r[3], +r[2], +r[1], r[4] === undefined ? null : hour24(+r[4], r[7]), +(r[5] ?? 0), +(r[6] ?? 0));
	} else if ((r = TIME_FIRST.exec(s))) {
		m = moment(+r[6], +r[5], +r[4], +r[1], +r[2], +(r[3] ?? 0));
	} else if ((r = ISO.exec(s))) {
		const zone = r[7];
		const offset = zone === undefined ? null : /^z$/i.test(zone) ? 0 : offsetMinutes(zone);
		m = moment(+r[1], +r[2], +r[3], r[4] === undefined ? null : +r[4], +(r[5] ?? 0), +(r[6] ?? 0), offset);
	} else if (/^\d{5}(\.\d+)?$/.test(s)) {
		m = fromExcelSerial(Number(s));
	}
	return m ? { value: m } : bad;
}

function offsetMinutes(zone: string): number {
	const sign = zone[0] === '-' ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/** The digit at `i` of `s`, or -1. */
function digit(s: string, i: number): number {
	const c = s.charCodeAt(i) - 48;
	return c >= 0 && c <= 9 ? c : -1;
}

/** The fields dmyFields read last: year, month, day, hour (-1: no time), minute, second. */
const dmy = new Int32Array(6);

/**
 * The style most exports use, "dd/mm/yyyy" or "dd/mm/yyyy hh:mm[:ss]", read without a
 * regular expression or an allocation into `dmy`: it is most of the cells of a million-row
 * file. Anything else (or anything odd) goes to the full reader, which gives the same answer.
 */
function dmyFields(s: string): boolean {
	const n = s.length;
	if ((n !== 10 && n !== 16 && n !== 19) || s.charCodeAt(2) !== 47 || s.charCodeAt(5) !== 47) return false;
	const d0 = digit(s, 0),
		d1 = digit(s, 1),
		m0 = digit(s, 3),
		m1 = digit(s, 4);
	const y0 = digit(s, 6),
		y1 = digit(s, 7),
		y2 = digit(s, 8),
		y3 = digit(s, 9);
	// A -1 (not a digit) anywhere makes the bitwise or negative.
	if ((d0 | d1 | m0 | m1 | y0 | y1 | y2 | y3) < 0) return false;
	const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
	if (!validDay(y, m0 * 10 + m1, d0 * 10 + d1)) return false;
	dmy[0] = y;
	dmy[1] = m0 * 10 + m1;
	dmy[2] = d0 * 10 + d1;
	dmy[3] = -1;
	if (n === 10) return true;
	if (s.charCodeAt(10) !== 32 || s.charCodeAt(13) !== 58 || (n === 19 && s.charCodeAt(16) !== 58)) return false;
	const h0 = digit(s, 11),
		h1 = digit(s, 12),
		i0 = digit(s, 14),
		i1 = digit(s, 15);
	const s0 = n === 19 ? digit(s, 17) : 0,
		s1 = n === 19 ? digit(s, 18) : 0;
	if ((h0 | h1 | i0 | i1 | s0 | s1) < 0 || h0 * 10 + h1 > 23 || i0 > 5 || s0 > 5) return false;
	dmy[3] = h0 * 10 + h1;
	dmy[4] = i0 * 10 + i1;
	dmy[5] = s0 * 10 + s1;
	return true;
}

function fastDmy(s: string): Moment | null {
	if (!dmyFields(s)) return null;
	const day = `${s.slice(6, 10)}-${s.slice(3, 5)}-${s.slice(0, 2)}`;
	if (dmy[3] < 0) return { day, time: null };
	return { day, time: s.length === 16 ? `${s.slice(11, 16)}:00` : s.slice(11, 19) };
}

/**
 * A date cell as the timestamp stored (micros of its moment): null when the cell is blank,
 * NaN when it is not a date. The common style is read straight to the number.
 */
export function readMicros(cell: Cell, dayOnly: 'start' | 'end'): Micros | null {
	if (typeof cell === 'string' && dmyFields(cell)) return stored(dmy[0], dmy[1], dmy[2], dmy[3] < 0 ? null : dmy[3], dmy[4], dmy[5], dayOnly);
	const m = readMoment(cell);
	if (!m) return null;
	return 'error' in m ? NaN : micros(m.value, dayOnly);
}

/** The timestamp stored for a moment: a day alone is its start, or for a due date its last microsecond. */
export function micros(m: Moment, dayOnly: 'start' | 'end'): Micros {
	const num = (s: string, from: number, to: number) => {
		let v = 0;
		for (let i = from; i < to; i++) v = v * 10 + s.charCodeAt(i) - 48;
		return v;
	};
	const { day: d, time: t } = m;
	return stored(num(d, 0, 4), num(d, 5, 7), num(d, 8, 10), t === null ? null : num(t, 0, 2), t === null ? 0 : num(t, 3, 5), t === null ? 0 : num(t, 6, 8), dayOnly);
}

/** The stored timestamp of a wall-clock moment (hour null: a day alone, its start or its last microsecond). */
function stored(y: number, mo: number, d: number, h: number | null, mi: number, sec: number, dayOnly: 'start' | 'end'): Micros {
	const dayMs = Date.UTC(y, mo - 1, d);
	if (h !== null) return (dayMs + ((h * 60 + mi) * 60 + sec) * 1000) * 1000;
	return dayOnly === 'end' ? (dayMs + 86_400_000) * 1000 - 1 : dayMs * 1000;
}

/**
 * A reader of a column of words: a million rows hold a handful of distinct values, so each
 * is read once and remembered (up to 10,000 of them).
 */
function wordReader<T>(read: (raw: string) => Read<T>): (cell: Cell) => Read<T> | null {
	const cache = new Map<string, Read<T>>();
	// The last few values, compared before the map: a column of words has a few, and comparing
	// a cell with them costs less than hashing it.
	const recent: string[] = [];
	const recentReads: Read<T>[] = [];
	let replace = 0;
	return (cell) => {
		if (blank(cell)) return null;
		const raw = String(cell);
		for (let i = 0; i < recent.length; i++) if (recent[i] === raw) return recentReads[i];
		let r = cache.get(raw);
		if (!r) {
			r = read(raw);
			if (cache.size < 10_000) cache.set(raw, r);
		}
		if (recent.length < 8) {
			recent.push(raw);
			recentReads.push(r);
		} else {
			recent[replace] = raw;
			recentReads[replace] = r;
			replace = (replace + 1) % 8;
		}
		return r;
	};
}

/** A number written with a minus sign (hyphen, minus or en dash). */
const NEGATIVE = /^\s*[-−–]\s*\d/;

/** First matching rule wins: longer, more specific phrases come first. */
function byRules<T>(rules: readonly [RegExp, T][], error: string): (cell: Cell) => Read<T> | null {
	return wordReader<T>((raw) => {
		// Normalising drops a minus sign: "-3" is not the level or channel "3".
		if (NEGATIVE.test(raw)) return { error };
		const text = normaliseText(raw);
		const rule = rules.find(([pattern]) => pattern.test(text));
		return rule ? { value: rule[1] } : { error };
	});
}

const CHANNEL_RULES: readonly [RegExp, Channel][] = [
	[/^(online full|online_full|4)$|toan trinh|muc do 4|md4|\bmuc 4\b/, 'online_full'],
	[/^(online partial|online_partial|3)$|mot phan|muc do 3|md3|\bmuc 3\b/, 'online_partial'],
	[/buu chinh|buu dien|bcci|postal|^2$/, 'postal'],
	[/truc tuyen|online|dvc|dich vu cong|qua mang/, 'online_partial'],
	[/truc tiep|in person|in_person|tai quay|bo phan mot cua|^1$/, 'in_person']
];

/**
 * The channel. Legacy online levels "3"/"4" and "mức độ 3/4" are online partial/full;
 * "trực tuyến" or "online" without a level is online partial.
 */
export const readChannel = byRules(CHANNEL_RULES, 'unreadable_channel');

const STATUS_RULES: readonly [RegExp, Status][] = [
	[/\brut\b|withdraw|huy ho so|da huy/, 'withdrawn'],
	[/^(dang|cho|chua|moi)\b|in progress|in_progress|pending|processing|bo sung|tam dung|dang xu ly|dang giai quyet|^tiep nhan$|^da tiep nhan$/, 'in_progress'],
	[/tra ket qua|da giai quyet|hoan thanh|da xu ly|co ket qua|da tra|resolved|completed|done|ket thuc/, 'resolved']
];

export const readStatus = byRules(STATUS_RULES, 'unreadable_status');

const RATING_RULES: readonly [RegExp, Rating | 0][] = [
	[/^(chua danh gia|khong danh gia|not rated|none|chua)$/, 0],
	[/^([1-5])( sao)?$/, 0], // numbers are read below
	[/rat khong hai long|very dissatisfied|very unsatisfied/, 1],
	[/khong hai long|dissatisfied|unsatisfied/, 2],
	[/binh thuong|chap nhan duoc|neutral|acceptable/, 3],
	[/rat hai long|very satisfied/, 5],
	[/hai long|satisfied/, 4]
];

const ratingWords = wordReader<Rating | null>((raw) => {
	const text = normaliseText(raw);
	const n = Number.parseInt(text, 10);
	// A number outside the scale, a negative one included (normalising drops its sign), is no rating.
	if (Number.isInteger(n) && String(n) === text.replace(/ sao$/, '')) return n >= 1 && n <= 5 && !NEGATIVE.test(raw) ? { value: n as Rating } : { error: 'rating_out_of_range' };
	const rule = RATING_RULES.find(([pattern]) => pattern.test(text));
	return rule ? { value: rule[1] === 0 ? null : rule[1] } : { error: 'unreadable_rating' };
});

/** The five-level rating; "not rated" and blanks are no rating. */
export function readRating(cell: Cell): Read<Rating | null> | null {
	if (typeof cell !== 'number') return ratingWords(cell);
	if (!Number.isInteger(cell)) return { error: 'unreadable_rating' };
	return cell >= 1 && cell <= 5 ? { value: cell as Rating } : { error: 'rating_out_of_range' };
}

const LEVEL_RULES: readonly [RegExp, Level][] = [
	[/province|\btinh\b|^so\b|^1$/, 'province'],
	[/district|\b(huyen|quan)\b|thi xa|^2$/, 'district'],
	[/commune|ward|\b(xa|phuong|thi tran)\b|^3$/, 'commune']
];

export const readLevel = byRules(LEVEL_RULES, 'unreadable_level');

const AGENCY_PREFIX = /^(ubnd|uy ban nhan dan|bo phan (tiep nhan va tra ket qua|mot cua)( cua)?|trung tam (phuc vu )?hanh chinh cong)\s*/;

/**
 * The level an agency's name implies ("UBND xã …" commune, "UBND huyện …" district,
 * "Sở …" province), for agencies new to the data in a file without a level column.
 */
export function levelFromName(name: string): Level | null {
	const n = normaliseText(name).replace(AGENCY_PREFIX, '');
	if (/^(xa|phuong|thi tran)\b/.test(n)) return 'commune';
	if (/^(huyen|quan|thi xa|thanh pho)\b/.test(n)) return 'district';
	if (/^(tinh|so|ban|van phong|cuc|chi cuc|cong an|thanh tra)\b/.test(n)) return 'province';
	return null;
}

const YES = /^(co|x|1|true|yes|y|da|dung|v)$/;
const NO = /^(khong|0|false|no|n|chua|sai|)$/;

const flagWords = wordReader<boolean>((raw) => {
	const t = normaliseText(raw).replace(/\s+/g, '');
	if (YES.test(t) || raw.trim() === '✓') return { value: true };
	if (NO.test(t)) return { value: false };
	return { error: 'unreadable_flag' };
});

export function readFlag(cell: Cell): Read<boolean> | null {
	return typeof cell === 'boolean' ? { value: cell } : flagWords(cell);
}

/**
 * An amount in đồng, Vietnamese style: "." groups thousands, "," marks decimals
 * ("35.000", "1.234,5"); a currency word or sign is ignored.
 */
export function readAmount(cell: Cell): Read<number> | null {
	if (blank(cell)) return null;
	if (typeof cell === 'number') return !Number.isFinite(cell) ? { error: 'unreadable_amount' } : cell < 0 ? { error: 'negative_amount' } : { value: Math.round(cell) };
	if (NEGATIVE.test(String(cell))) return { error: 'negative_amount' };
	const s = String(cell)
		.replace(/(vnd|vnđ|đồng|dong|đ)\.?$/i, '')
		.replace(/\s/g, '');
	if (!/^\d{1,3}(\.\d{3})*(,\d+)?$|^\d+(,\d+)?$/.test(s)) return { error: 'unreadable_amount' };
	return { value: Math.round(Number(s.replace(/\./g, '').replace(',', '.'))) };
}

/** readText for a cell known to be NFC already (Source.nfc): trimmed only. */
export function readNfcText(cell: Cell): string | null {
	if (typeof cell !== 'string') return readText(cell);
	const text = cell.trim();
	return text === '' ? null : text;
}

/** A cell as text: trimmed, numbers as written, NFC. */
export function readText(cell: Cell): string | null {
	if (blank(cell)) return null;
	if (cell instanceof Date) return cell.toISOString();
	return String(cell).trim().normalize('NFC');
}

/** The readers of single values and encodings, on inputs typed by hand. */
import { describe, expect, it } from 'vitest';
import type { Micros } from '../../src/lib/core/domain/dates';
import { DelimitedParser, detectDelimiter } from '../../src/lib/ingest/delimited';
import { detectEncoding, StreamDecoder, type Encoding } from '../../src/lib/ingest/encoding';
import { headerSignature, proposeMapping } from '../../src/lib/ingest/headers';
import { levelFromName, readAmount, readChannel, readLevel, readMoment, readRating, readStatus, micros, readMicros } from '../../src/lib/ingest/values';

const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const value = <T>(r: { value: T } | { error: string } | null) => (r && 'value' in r ? r.value : r);
/** A whole file's bytes decoded at once. */
const decodeAll = (bytes: Uint8Array, encoding: Encoding) => new StreamDecoder(encoding).decode(bytes, true);
/** "yyyy-mm-dd hh:mm:ss.ffffff", as DuckDB writes a timestamp. */
function microsText(us: Micros): string {
	const iso = new Date(Math.floor(us / 1000)).toISOString();
	return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${String(((us % 1e6) + 1e6) % 1e6).padStart(6, '0')}`;
}

describe('legacy encodings decode text typed in them', () => {
	it('VNI and TCVN3, as published examples write them', () => {
		expect(decodeAll(latin1('Tieáng Vieät raát hay'), 'vni')).toBe('Tiếng Việt rất hay');
		expect(decodeAll(latin1('Xin chaøo caùc baïn'), 'vni')).toBe('Xin chào các bạn');
		expect(decodeAll(latin1('TiÕng ViÖt rÊt hay'), 'tcvn3')).toBe('Tiếng Việt rất hay');
		expect(detectEncoding(latin1('Maõ hoà sô,Ngaøy tieáp nhaän,UÛy ban nhaân daân xaõ Ñöùc Laân'))).toBe('vni');
		expect(detectEncoding(latin1('M· hå s¬,Ngµy tiÕp nhËn,Uû ban nh©n d©n x· §øc L©n'))).toBe('tcvn3');
	});

	it('a mark split from its letter across chunks still composes (NFC)', () => {
		const d = new StreamDecoder('utf-8');
		const nfd = new TextEncoder().encode('Việt'.normalize('NFD'));
		const text = d.decode(nfd.subarray(0, 3)) + d.decode(nfd.subarray(3), true);
		expect(text).toBe('Việt');
	});
});

describe('delimited text', () => {
	it('finds the delimiter and keeps quoted delimiters, quotes and line breaks', () => {
		expect(detectDelimiter('a;b;c\n1;2;3')).toBe(';');
		expect(detectDelimiter('a\tb\n1\t2')).toBe('\t');
		const p = new DelimitedParser(',');
		const records = [...p.push('id,name\r\n1,"Sở ""A"", tỉnh"\r\n2,"two\nlines"\n'), ...p.push('3,x', true)];
		expect(records).toEqual([
			{ line: 1, cells: ['id', 'name'] },
			{ line: 2, cells: ['1', 'Sở "A", tỉnh'] },
			{ line: 3, cells: ['2', 'two\nlines'] },
			{ line: 5, cells: ['3', 'x'] }
		]);
	});

	it('finds the delimiter under title rows, bare or padded by Excel', () => {
		expect(detectDelimiter('Tỉnh Quảng Ngãi\n\nDANH SÁCH HỒ SƠ\nMã hồ sơ;Ngày nộp;Cơ quan\nHS-1;03/03/2025;Sở A, B\n')).toBe(';');
		expect(detectDelimiter('DANH SÁCH;;;\n;;;\nMã hồ sơ;Ngày nộp;Cơ quan;Cấp\nHS-1;03/03/2025;Sở A, B, C;tỉnh\n')).toBe(';');
	});

	it('reads CR-only lines as lines, whatever the chunks', () => {
		const p = new DelimitedParser(',');
		const records = [...p.push('a,b\r1,2'), ...p.push('\r3,"x\ry"\r', true)];
		expect(records).toEqual([
			{ line: 1, cells: ['a', 'b'] },
			{ line: 2, cells: ['1', '2'] },
			{ line: 3, cells: ['3', 'x\ny'] }
		]);
	});

	it('reads plain lines before, between and after quoted ones, and a last line without a break', () => {
		const p = new DelimitedParser(';');
		const records = [...p.push('a;b\n1;2\n3;"x;y"\n4;5\n'), ...p.push('6;"z"\n7;8', true)];
		expect(records.map((r) => [r.line, ...r.cells])).toEqual([
			[1, 'a', 'b'],
			[2, '1', '2'],
			[3, '3', 'x;y'],
			[4, '4', '5'],
			[5, '6', 'z'],
			[6, '7', '8']
		]);
	});
});

describe('dates', () => {
	const ts = (v: string | number | Date, end = false) => {
		const m = readMoment(v);
		return m && 'value' in m ? microsText(micros(m.value, end ? 'end' : 'start')).replace(/\.000000$/, '') : m;
	};
	it('reads every supported style into Vietnam time', () => {
		expect(ts('05/03/2025')).toBe('2025-03-05 00:00:00');
		expect(ts('05/03/2025', true)).toBe('2025-03-05 23:59:59.999999');
		expect(ts('5-3-2025 8:07')).toBe('2025-03-05 08:07:00');
		expect(ts('05.03.2025 14:30:15')).toBe('2025-03-05 14:30:15');
		expect(ts('05/03/2025 02:30 CH')).toBe('2025-03-05 14:30:00');
		expect(ts('08:15 05/03/2025')).toBe('2025-03-05 08:15:00');
		expect(ts('2025-03-05T01:00:00Z')).toBe('2025-03-05 08:00:00');
		expect(ts('2025-03-04T20:00:00-05:00')).toBe('2025-03-05 08:00:00');
		expect(ts('2025-03-05T08:00:00+07:00')).toBe('2025-03-05 08:00:00');
		expect(ts('2025-03-05 08:00')).toBe('2025-03-05 08:00:00');
		// Excel serial 45721 is 05/03/2025; .5 is noon.
		expect(ts(45721)).toBe('2025-03-05 00:00:00');
		expect(ts(45721.5)).toBe('2025-03-05 12:00:00');
		expect(ts('45721')).toBe('2025-03-05 00:00:00');
		expect(ts(new Date(Date.UTC(2025, 2, 5, 9, 30)))).toBe('2025-03-05 09:30:00');
	});
	it('refuses impossible dates', () => {
		for (const bad of ['31/02/2025', '2025-13-01', '05/03/25', 'hôm qua', '25:00 05/03/2025', 123]) expect(readMoment(bad)).toEqual({ error: 'unreadable_date' });
		expect(readMoment('')).toBeNull();
	});
	it('the quick dd/mm/yyyy path and the full reader agree at the edges', () => {
		// Leap days, month ends, the last minute of a day: read, and stored as written.
		expect(ts('29/02/2024 23:59')).toBe('2024-02-29 23:59:00');
		expect(ts('31/12/2025 00:00:59')).toBe('2025-12-31 00:00:59');
		expect(ts('30/04/2025')).toBe('2025-04-30 00:00:00');
		expect(ts('29/02/2000')).toBe('2000-02-29 00:00:00');
		// The same shapes with an impossible part are refused, not passed to the database.
		for (const bad of ['29/02/2023', '29/02/1900', '31/04/2025', '00/01/2025', '01/13/2025', '01/01/2025 24:00', '01/01/2025 10:60', '01/01/2025 10:00:60', '0a/01/2025'])
			expect(readMoment(bad), bad).toEqual({ error: 'unreadable_date' });
	});

	it('read straight to the stored timestamp, a date gives what the full reader gives', () => {
		const us = (v: string, end = false) => {
			const n = readMicros(v, end ? 'end' : 'start');
			return n === null || Number.isNaN(n) ? n : microsText(n);
		};
		// By hand: 29/02/2024 23:59 is that minute; a due day alone ends at its last microsecond.
		expect(us('29/02/2024 23:59')).toBe('2024-02-29 23:59:00.000000');
		expect(us('05/03/2025', true)).toBe('2025-03-05 23:59:59.999999');
		expect(us('05/03/2025')).toBe('2025-03-05 00:00:00.000000');
		expect(us(' 05/03/2025 ')).toBe('2025-03-05 00:00:00.000000');
		expect(us('2025-03-04T20:00:00-05:00')).toBe('2025-03-05 08:00:00.000000');
		expect(us('')).toBeNull();
		for (const bad of ['29/02/2023', '01/01/2025 24:00', '0a/01/2025', 'hôm qua']) expect(us(bad), bad).toBeNaN();
		for (const v of ['29/02/2024 23:59', '31/12/2025 00:00:59', '30/04/2025', '01/01/1900', '5-3-2025 8:07', '05/03/2025 02:30 CH'])
			for (const edge of ['start', 'end'] as const) {
				const m = readMoment(v);
				expect(readMicros(v, edge), `${v} ${edge}`).toBe(m && 'value' in m ? micros(m.value, edge) : NaN);
			}
	});
});

describe('statuses, channels, ratings, levels and amounts', () => {
	it('reads the common spellings', () => {
		expect(['Trực tiếp', 'Nộp trực tiếp', 'Bưu chính công ích', 'BCCI', 'Mức độ 3', '3', 'DVC mức độ 4', '4', 'Trực tuyến toàn trình', 'Trực tuyến một phần', 'Online'].map((v) => value(readChannel(v)))).toEqual([
			'in_person',
			'in_person',
			'postal',
			'postal',
			'online_partial',
			'online_partial',
			'online_full',
			'online_full',
			'online_full',
			'online_partial',
			'online_partial'
		]);
		expect(['Đã trả kết quả', 'Hoàn thành', 'Đang xử lý', 'Chờ bổ sung', 'Công dân rút hồ sơ', 'Resolved'].map((v) => value(readStatus(v)))).toEqual([
			'resolved',
			'resolved',
			'in_progress',
			'in_progress',
			'withdrawn',
			'resolved'
		]);
		expect(['Rất hài lòng', 'Hài lòng', 'Bình thường', 'Không hài lòng', 'Rất không hài lòng', '5', 4, 'Chưa đánh giá'].map((v) => value(readRating(v)))).toEqual([5, 4, 3, 2, 1, 5, 4, null]);
		expect(readRating('7')).toEqual({ error: 'rating_out_of_range' });
		expect(['35.000', '1.234.567', '12,5', '50.000 đ', 0].map((v) => value(readAmount(v)))).toEqual([35000, 1234567, 13, 50000, 0]);
		expect(['UBND xã Tịnh Hà', 'Ủy ban nhân dân phường Nghĩa Lộ', 'UBND huyện Sơn Tịnh', 'UBND thị xã Đức Phổ', 'Sở Tư pháp', 'Trung tâm Dữ liệu'].map(levelFromName)).toEqual([
			'commune',
			'commune',
			'district',
			'district',
			'province',
			null
		]);
	});
});

describe("a value outside its field's domain is no silently different value", () => {
	it('ratings with a minus sign or outside 1–5, negative amounts, channels and levels with a minus sign', () => {
		// Normalising text drops a minus sign: "-1" was read as one star.
		expect(['-1', '-5', '−3', '0', '6', -1, 0, 9].map((v) => readRating(v))).toEqual(Array(8).fill({ error: 'rating_out_of_range' }));
		expect(readRating(4.5)).toEqual({ error: 'unreadable_rating' });
		expect(['-35.000', '- 1.000 đ', -5].map((v) => readAmount(v))).toEqual(Array(3).fill({ error: 'negative_amount' }));
		expect(readChannel('-3')).toEqual({ error: 'unreadable_channel' });
		expect(readLevel('-1')).toEqual({ error: 'unreadable_level' });
	});
});

describe('header mapping', () => {
	it("recognises vendors' names with or without diacritics, in any case and spacing", () => {
		const m = proposeMapping(['SỐ HỒ SƠ', 'Ngày  nộp', 'Hạn xử lý', 'Ngày hoàn thành', 'Đơn vị tiếp nhận', 'Cấp thực hiện', 'tinh trang', 'Kênh nộp', 'Mức độ hài lòng', 'Ghi chú']);
		expect(m).toMatchObject({ id: 0, received_at: 1, due_at: 2, resolved_at: 3, agency: 4, level: 5, status: 6, channel: 7, rating: 8 });
		expect(Object.values(m).includes(9)).toBe(false);
		expect(proposeMapping(['Ngày tiếp nhận (dd/mm/yyyy)']).received_at).toBe(0);
		expect(headerSignature(['Mã hồ sơ', 'Ngày nộp'])).toBe(headerSignature(['MA HO SO', 'ngay  nop']));
	});
});

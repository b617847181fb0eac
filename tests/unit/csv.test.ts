import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/lib/core/export/csv';
import { fileSlug } from '../../src/lib/core/export/download';

describe('CSV for Excel', () => {
	it('starts with a BOM, ends lines with CRLF and quotes what needs quoting', () => {
		expect(
			toCsv(
				['Cơ quan', 'Số hồ sơ'],
				[
					['Sở Tư pháp', 35591],
					['Xuất bản, In và Phát hành', 0.984],
					['Nói "xin chào"', null]
				]
			)
		).toBe('\uFEFFCơ quan,Số hồ sơ\r\nSở Tư pháp,35591\r\n"Xuất bản, In và Phát hành",0.984\r\n"Nói ""xin chào""",\r\n');
	});

	it('neutralises text that a spreadsheet would run as a formula, but not negative numbers', () => {
		expect(['=1+1', '+84 912', '-2', '@SUM(A1)'].map(csvCell)).toEqual(["'=1+1", "'+84 912", "'-2", "'@SUM(A1)"]);
		expect(csvCell(-2)).toBe('-2');
		expect(csvCell(Number.NaN)).toBe('');
	});

	it('makes file names without diacritics', () => {
		expect(fileSlug('Xếp hạng', 'Quý I/2023', 'Đất đai')).toBe('xep-hang-quy-i-2023-dat-dai');
	});
});

/**
 * The agency register: the units of a province as its office keeps them, in a CSV it edits
 * (code, full name, short name, level, parent, valid from, valid to, successor codes). The
 * reorganisation of 2025 (who ceased, and who took their work over) comes from it. The
 * first ingest writes a starting register from the units its files name, marking the
 * levels it inferred from a unit's name, for the office to check.
 *
 * A bad row is rejected like a bad dossier row, with its line, column, value and reason.
 */
import { dayOfMicros, type IsoDay } from '../core/domain/dates';
import type { Level } from '../core/domain/types';
import { normaliseText } from './headers';
import type { Problem, Reason } from './tally';
import { readLevel, readMicros, readText, type Cell } from './values';

export interface RegisterUnit {
	code: string;
	name: string;
	short_name: string;
	level: Level;
	parent: string | null;
	valid_from: IsoDay | null;
	/** The last day the unit existed; null while it exists. */
	valid_to: IsoDay | null;
	/**
	 * The units that took its work over, in the register's order: the first is the primary
	 * one, which receives its dossiers when counting by today's units (the database keeps the
	 * order as `agency_successors.rank`, from 1).
	 */
	successors: string[];
	/** The level was inferred from the unit's name, not stated: to be checked. */
	inferred: boolean;
}

const COLUMNS = ['code', 'name', 'short_name', 'level', 'parent', 'valid_from', 'valid_to', 'successors', 'inferred'] as const;
type Column = (typeof COLUMNS)[number];

/** The headers the register is written with, and the names each is also recognised by. */
export const REGISTER_HEADERS: Record<Column, string> = {
	code: 'Mã đơn vị',
	name: 'Tên đầy đủ',
	short_name: 'Tên ngắn',
	level: 'Cấp',
	parent: 'Mã đơn vị cấp trên',
	valid_from: 'Hiệu lực từ',
	valid_to: 'Hiệu lực đến',
	successors: 'Mã đơn vị kế thừa',
	inferred: 'Cấp suy đoán'
};
const SYNONYMS: Record<Column, string[]> = {
	code: ['ma', 'ma co quan', 'code', 'id', 'agency code'],
	name: ['ten', 'ten don vi', 'ten co quan', 'name', 'full name'],
	short_name: ['ten viet tat', 'ten rut gon', 'short name'],
	level: ['cap hanh chinh', 'level'],
	parent: ['don vi cap tren', 'parent', 'parent code'],
	valid_from: ['tu ngay', 'valid from'],
	valid_to: ['den ngay', 'valid to'],
	successors: ['don vi ke thua', 'ke thua', 'successors', 'successor codes'],
	inferred: ['suy doan', 'inferred']
};
export const REGISTER_REQUIRED: readonly Column[] = ['code', 'name', 'level'];

/** Which column holds each of the register's fields (-1: none). */
export function registerColumns(headers: readonly string[]): Record<Column, number> {
	const names = headers.map(normaliseText);
	return Object.fromEntries(COLUMNS.map((c) => [c, names.findIndex((n) => n === normaliseText(REGISTER_HEADERS[c]) || SYNONYMS[c].includes(n))])) as Record<Column, number>;
}

const YES = /^(co|x|yes|true|1)$/;

/** The register's rows read into units; rejected rows as problems, in line order. */
export function readRegister(file: string, headers: readonly string[], rows: readonly { line: number; cells: readonly Cell[] }[]): { units: RegisterUnit[]; rejected: Problem[] } {
	const col = registerColumns(headers);
	const units: RegisterUnit[] = [];
	const rejected: Problem[] = [];
	const seen = new Set<string>();
	for (const { line, cells } of rows) {
		const cell = (c: Column) => (col[c] < 0 ? null : cells[col[c]]);
		const text = (c: Column) => readText(cell(c));
		const reject = (c: Column, reason: Reason) => rejected.push({ file, line, column: col[c] < 0 ? '' : headers[col[c]], value: text(c) ?? '', reason, agency: text('name') ?? text('code'), month: null });
		const day = (c: Column): IsoDay | null | undefined => {
			const us = readMicros(cell(c), 'start');
			return us === null ? null : Number.isNaN(us) ? undefined : dayOfMicros(us);
		};
		const code = text('code');
		if (!code) {
			reject('code', 'register_missing_code');
			continue;
		}
		if (seen.has(code)) {
			reject('code', 'register_duplicate_code');
			continue;
		}
		const name = text('name');
		if (!name) {
			reject('name', 'register_missing_name');
			continue;
		}
		const level = readLevel(cell('level'));
		if (!level || 'error' in level) {
			reject('level', 'unreadable_level');
			continue;
		}
		const [validFrom, validTo] = [day('valid_from'), day('valid_to')];
		if (validFrom === undefined) {
			reject('valid_from', 'unreadable_date');
			continue;
		}
		if (validTo === undefined) {
			reject('valid_to', 'unreadable_date');
			continue;
		}
		seen.add(code);
		units.push({
			code,
			name,
			short_name: text('short_name') ?? shortName(name),
			level: level.value,
			parent: text('parent'),
			valid_from: validFrom,
			valid_to: validTo,
			// Separated by ';' alone: a unit's code may be its name (a file with no code column), spaces and commas included.
			// A code written twice is one successor, at its first place.
			successors: [
				...new Set(
					(text('successors') ?? '')
						.split(';')
						.map((c) => c.trim())
						.filter(Boolean)
				)
			],
			inferred: YES.test(normaliseText(text('inferred') ?? ''))
		});
	}
	// A successor must be a unit of the register: otherwise the unit's dossiers would go nowhere.
	const known = new Set(units.map((u) => u.code));
	const kept = units.filter((u) => {
		const unknown = u.successors.find((s) => !known.has(s));
		if (unknown === undefined) return true;
		rejected.push({ file, line: rows.find((r) => readText(r.cells[col.code]) === u.code)!.line, column: headers[col.successors], value: unknown, reason: 'register_unknown_successor', agency: u.name, month: null });
		return false;
	});
	rejected.sort((a, b) => a.line - b.line);
	return { units: kept, rejected };
}

/** "Ủy ban nhân dân xã X" → "UBND xã X": the short name charts show. */
export function shortName(name: string): string {
	return name.replace(/^(Ủy|Uỷ) ban nhân dân/i, 'UBND');
}

const LEVEL_WORDS: Record<Level, string> = { province: 'tỉnh', district: 'huyện', commune: 'xã' };
const shownDay = (d: IsoDay | null) => (d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : '');

/** The register as the rows of its CSV, header first, in the words an office edits. */
export function registerRows(units: readonly RegisterUnit[]): string[][] {
	return [
		COLUMNS.map((c) => REGISTER_HEADERS[c]),
		...units.map((u) => [u.code, u.name, u.short_name, LEVEL_WORDS[u.level], u.parent ?? '', shownDay(u.valid_from), shownDay(u.valid_to), u.successors.join('; '), u.inferred ? 'có' : ''])
	];
}

/**
 * The names behind the keys of the data: agencies, procedures and fields, read once per
 * dataset; and what the pickers need of the agencies across the 2025 reorganisation: which
 * existed in a period, which are today's units, and a name that tells apart units sharing
 * one ("Sở Xây dựng (đến 28/2/2025)" and "Sở Xây dựng (từ 1/3/2025)").
 */
import { addDays, type IsoDay } from '../domain/dates';
import { CURRENT_UNITS, SUCCESSION_CTES, type Units } from '../domain/succession';
import { LEVELS, type Level } from '../domain/types';
import { formatDay, type Locale } from '../format/format';
import { LEVEL_WORDS, t } from '../i18n/messages';
import type { Querier } from './types';

export interface AgencyEntry {
	id: string;
	name: string;
	shortName: string;
	level: Level;
	/** The district of a commune before 1/7/2025; null for the others. */
	parentId: string | null;
	/** The days the agency existed (2025 merged and dissolved many); validTo is null while it exists. */
	validFrom: string;
	validTo: string | null;
	/**
	 * Today's unit of this agency (domain/succession.ts): itself while it exists, or when it
	 * ceased with no successor; else the unit its primary successors lead to. Counting by
	 * today's units puts its dossiers there.
	 */
	currentId: string;
}

export interface ProcedureEntry {
	code: string;
	name: string;
	field: string;
	level: Level;
}

export interface Catalog {
	agencies: Map<string, AgencyEntry>;
	procedures: Map<string, ProcedureEntry>;
	/** Every field, in Vietnamese alphabetical order. */
	fields: string[];
}

type AgencyRow = { id: string; name: string; short_name: string; level: Level; parent_id: string | null; valid_from: string; valid_to: string | null; current_id: string };

export async function loadCatalog(engine: Querier): Promise<Catalog> {
	// Today's unit by the very SQL the figures use, so that the names and the counts agree.
	const agencies = await engine.query<AgencyRow>(
		`WITH RECURSIVE ${SUCCESSION_CTES}
SELECT a.id, a.name, a.short_name, a.level, a.parent_id, strftime(a.valid_from, '%Y-%m-%d') AS valid_from, strftime(a.valid_to, '%Y-%m-%d') AS valid_to, cu.current_id
FROM agencies a JOIN ${CURRENT_UNITS} cu ON cu.agency_id = a.id
ORDER BY a.id`
	);
	const procedures = await engine.query<{ code: string; name: string; field: string; level: Level }>('SELECT code, name, field, level FROM procedures ORDER BY code');
	const collator = new Intl.Collator('vi');
	return {
		agencies: new Map(agencies.map((a) => [a.id, { id: a.id, name: a.name, shortName: a.short_name, level: a.level, parentId: a.parent_id, validFrom: a.valid_from, validTo: a.valid_to, currentId: a.current_id }])),
		procedures: new Map(procedures.map((p) => [p.code, { code: p.code, name: p.name, field: p.field, level: p.level }])),
		fields: [...new Set(procedures.map((p) => p.field))].sort(collator.compare)
	};
}

type Agencies = ReadonlyMap<string, AgencyEntry>;

const collator = new Intl.Collator('vi');

/** Agencies by level (province, district, commune), then name in Vietnamese order, then first day. */
function byLevelAndName(a: AgencyEntry, b: AgencyEntry): number {
	return LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || collator.compare(a.name, b.name) || a.validFrom.localeCompare(b.validFrom) || a.id.localeCompare(b.id);
}

/** The agencies that existed on some day of first … last (both included), by level and name: those the figures "as the units were" may list. */
export function unitsInPeriod(agencies: Agencies, period: { first: IsoDay; last: IsoDay }): AgencyEntry[] {
	return [...agencies.values()].filter((a) => a.validFrom <= period.last && (a.validTo === null || a.validTo >= period.first)).sort(byLevelAndName);
}

/**
 * Today's units, by level and name: every unit some agency's dossiers go to when counting by
 * today's units. Those that exist, and those that ceased with no successor (they stay their
 * own unit: name them with `markCeased`).
 */
export function currentUnits(agencies: Agencies): AgencyEntry[] {
	const ids = new Set([...agencies.values()].map((a) => a.currentId));
	return [...agencies.values()].filter((a) => ids.has(a.id)).sort(byLevelAndName);
}

/** The agencies whose dossiers today's unit `id` counts: itself and every unit that became it, by level and name. */
export function unitsBecoming(agencies: Agencies, id: string): AgencyEntry[] {
	return [...agencies.values()].filter((a) => a.currentId === id).sort(byLevelAndName);
}

/** The units of each name (full or short), computed once per catalogue. */
const namesakes = new WeakMap<Agencies, Record<'name' | 'shortName', Map<string, AgencyEntry[]>>>();

function sharing(agencies: Agencies, key: 'name' | 'shortName', unit: AgencyEntry): AgencyEntry[] {
	let byName = namesakes.get(agencies);
	if (!byName) {
		byName = { name: new Map(), shortName: new Map() };
		for (const a of agencies.values()) for (const k of ['name', 'shortName'] as const) byName[k].set(a[k], [...(byName[k].get(a[k]) ?? []), a]);
		namesakes.set(agencies, byName);
	}
	return byName[key].get(unit[key]) ?? [unit];
}

export interface UnitNameOptions {
	/** The short name (charts, pickers) rather than the full one. */
	short?: boolean;
	locale?: Locale;
	/** Say the last day of a unit that ceased even when no other unit has its name: today's units that ceased with no successor. */
	markCeased?: boolean;
}

/**
 * The name to show for an agency: its name, with its days when another agency has the same
 * name, so that a picker never offers two alike. The days said are its last day when it
 * ceased ("Sở Nội vụ (đến 28/2/2025)") and its first when a namesake existed before it ("Sở
 * Nội vụ (từ 1/3/2025)", or both). Namesakes the days do not tell apart (two communes of one
 * name in two districts) are told by their district's short name, else by their code. An
 * unknown id is shown as it is.
 */
export function unitName(agencies: Agencies, id: string, options: UnitNameOptions = {}): string {
	const unit = agencies.get(id);
	if (!unit) return id;
	const locale = options.locale ?? 'vi';
	const key = options.short ? 'shortName' : 'name';
	const group = sharing(agencies, key, unit);
	const days = (a: AgencyEntry, force: boolean): string | null => {
		if (group.length < 2 && !force) return null;
		const from = group.some((o) => o !== a && o.validFrom < a.validFrom) ? formatDay(a.validFrom) : null;
		const to = a.validTo === null ? null : formatDay(a.validTo);
		if (from && to) return t(locale, 'unitBetween', { from, to });
		if (to) return t(locale, 'unitUntil', { day: to });
		return from ? t(locale, 'unitFrom', { day: from }) : null;
	};
	const parts = [days(unit, !!options.markCeased)];
	const twins = group.filter((o) => o !== unit && days(o, false) === days(unit, false));
	if (twins.length) {
		const parent = unit.parentId === null ? undefined : agencies.get(unit.parentId);
		parts.push(parent && twins.every((o) => o.parentId !== unit.parentId) ? parent.shortName : unit.id);
	}
	const said = parts.filter((p): p is string => p !== null);
	return said.length ? `${unit[key]} (${said.join('; ')})` : unit[key];
}

/**
 * The names of units shown together (a wall's ranking, read from afar, where every letter
 * counts) as `unitName` gives them, but that a unit that exists today is named plainly
 * unless a namesake is shown beside it: "Sở Xây dựng" alone is today's, "Sở Xây dựng (đến
 * 28/2/2025)" the one that ceased. No two read alike.
 */
export function namesAmong(agencies: Agencies, ids: readonly string[], options: UnitNameOptions = {}): Map<string, string> {
	const key = options.short ? 'shortName' : 'name';
	const plain = (id: string) => agencies.get(id)?.[key] ?? id;
	const seen = new Map<string, number>();
	for (const id of new Set(ids)) seen.set(plain(id), (seen.get(plain(id)) ?? 0) + 1);
	// A unit that ceased says its last day wherever a namesake exists, as in every list; one that exists only where a namesake is beside it.
	const dated = (id: string) => (seen.get(plain(id)) ?? 0) > 1 || agencies.get(id)?.validTo != null;
	return new Map(ids.map((id) => [id, dated(id) ? unitName(agencies, id, options) : plain(id)]));
}

type Span = { first: IsoDay; last: IsoDay };

/** The units a figure counted one way can fall under in a period: those that existed in it (`received`), or today's units (`current`). */
export function unitsFor(agencies: Agencies, period: Span, units: Units): AgencyEntry[] {
	return units === 'current' ? currentUnits(agencies) : unitsInPeriod(agencies, period);
}

export interface UnitChoice {
	id: string;
	/** The short name, with its days where another unit has the same (unitName): no two choices read alike. */
	label: string;
	title: string;
}

/** A picker's units for a period counted one way, of one level or all, by level and name. */
export function unitChoices(agencies: Agencies, period: Span, units: Units, options: { level?: Level | null; locale?: Locale; chosen?: readonly string[] } = {}): UnitChoice[] {
	const naming = { locale: options.locale, markCeased: units === 'current' };
	const offered = unitsFor(agencies, period, units).filter((a) => !options.level || a.level === options.level);
	// A unit the address chose though it is not of the period (a copied address, another way of counting) is still shown as chosen, with its days.
	const others = (options.chosen ?? []).filter((id) => agencies.has(id) && !offered.some((a) => a.id === id)).map((id) => agencies.get(id)!);
	return [...offered, ...others].map((a) => ({ id: a.id, label: unitName(agencies, a.id, { ...naming, short: true }), title: unitName(agencies, a.id, naming) }));
}

/** The levels that have a unit in a period counted one way: no district level after 30/6/2025, nor by today's units. */
export function levelsFor(agencies: Agencies, period: Span, units: Units): Level[] {
	const present = new Set(unitsFor(agencies, period, units).map((a) => a.level));
	return LEVELS.filter((l) => present.has(l));
}

/**
 * The levels that have no unit in a period counted one way, though they had some once, each
 * with the first day none existed ("Từ 1/7/2025 không còn cấp huyện"): where a level's
 * chart or filter would have shown it, the page says so instead of drawing nothing.
 */
export function levelsGone(agencies: Agencies, period: Span, units: Units, locale: Locale = 'vi'): { level: Level; note: string }[] {
	const present = levelsFor(agencies, period, units);
	return LEVELS.flatMap((level) => {
		const all = [...agencies.values()].filter((a) => a.level === level);
		if (present.includes(level) || all.length === 0 || all.some((a) => a.validTo === null)) return [];
		const last = all.reduce((m, a) => (a.validTo! > m ? a.validTo! : m), all[0].validTo!);
		return [{ level, note: t(locale, 'levelGone', { day: formatDay(addDays(last, 1)), level: LEVEL_WORDS[locale][level] }) }];
	});
}

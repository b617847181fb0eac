/**
 * The official report form, Biểu số 06 (Thông tư 01/2020/TT-VPCP; docs/METRICS.md): its
 * columns and its rows, grouped by level with a subtotal per level and a grand total. Every
 * figure is a count of metrics.ts or the one on-time rate; nothing here counts dossiers.
 */
import { addCounts, rate, type CountId, type Counts } from '../core/domain/metrics';
import { LEVELS, type Level } from '../core/domain/types';
import { roman } from '../core/format/format';

export type FormColumnId = 'received' | 'online' | 'in_person_postal' | 'carried' | 'new' | 'resolved' | 'early' | 'on_time' | 'late' | 'withdrawn' | 'in_progress' | 'not_yet_due' | 'overdue' | 'on_time_rate';
export type FormGroup = 'received' | 'resolved' | 'withdrawn' | 'in_progress' | 'on_time_rate';

/** The columns in the form's order, each under its group of the two-row header. */
export const FORM_COLUMNS: { id: FormColumnId; group: FormGroup }[] = [
	{ id: 'received', group: 'received' },
	{ id: 'online', group: 'received' },
	{ id: 'in_person_postal', group: 'received' },
	{ id: 'carried', group: 'received' },
	{ id: 'new', group: 'received' },
	{ id: 'resolved', group: 'resolved' },
	{ id: 'early', group: 'resolved' },
	{ id: 'on_time', group: 'resolved' },
	{ id: 'late', group: 'resolved' },
	{ id: 'withdrawn', group: 'withdrawn' },
	{ id: 'in_progress', group: 'in_progress' },
	{ id: 'not_yet_due', group: 'in_progress' },
	{ id: 'overdue', group: 'in_progress' },
	{ id: 'on_time_rate', group: 'on_time_rate' }
];

/** The groups of the header's first row, with how many columns each spans. */
export const FORM_GROUPS: { group: FormGroup; span: number }[] = FORM_COLUMNS.reduce<{ group: FormGroup; span: number }[]>((out, c) => {
	const last = out.at(-1);
	if (last?.group === c.group) last.span++;
	else out.push({ group: c.group, span: 1 });
	return out;
}, []);

/** A column's figure: a count, or the on-time rate (null when nothing was resolved). */
export function formValue(id: FormColumnId, counts: Counts): number | null {
	if (id === 'on_time_rate') return rate('on_time_rate', counts);
	if (id === 'in_person_postal') return counts.in_person + counts.postal;
	return counts[id as CountId];
}

/** The form's identities (docs/METRICS.md, "The report form"); a list of those that fail, empty when the row is sound. */
export function brokenIdentities(c: Counts): string[] {
	const checks: [string, boolean][] = [
		['received = resolved + withdrawn + in progress', c.received === c.resolved + c.withdrawn + c.in_progress],
		['received = new + carried', c.received === c.new + c.carried],
		['resolved = early + on time + late', c.resolved === c.early + c.on_time + c.late],
		['in progress = not yet due + overdue', c.in_progress === c.not_yet_due + c.overdue],
		['received = online + in person and postal', c.received === c.online + c.in_person + c.postal]
	];
	return checks.filter(([, ok]) => !ok).map(([name]) => name);
}

export type Grouping = 'agency' | 'field';

export interface FormRow {
	kind: 'item' | 'level' | 'total';
	/** I, II, III for levels; 1, 2, 3 within a level; empty for the total. */
	number: string;
	label: string;
	/** The agency's full name, where the label is its short one. */
	title?: string;
	level: Level | null;
	/** The agency id or field name of an item. */
	key: string | null;
	/** null: no dossier in the period, printed as dashes. */
	counts: Counts | null;
	previous?: Counts | null;
	lastYear?: Counts | null;
}

/** One group's figures from the engine: a level, the item key within it, and its counts per period. */
export interface GroupFigures {
	level: Level | null;
	key: string | null;
	counts?: Counts;
	previous?: Counts;
	lastYear?: Counts;
}

/** The items a level lists even without dossiers (the agencies existing in the period, or the fields of its procedures). */
export type Listed = { level: Level; key: string; label: string; title?: string }[];

const hasDossiers = (c: Counts | undefined | null): c is Counts => !!c && c.received > 0;

/**
 * The rows of the form: for each level shown, its subtotal then its items in alphabetical
 * order; dossiers of an unknown agency under their own heading; the grand total last.
 */
export function formRows(
	figures: readonly GroupFigures[],
	listed: Listed,
	options: { levels: readonly Level[]; compare: boolean; names: { level: (l: Level | null) => string; unknown: string; total: string } }
): FormRow[] {
	const collator = new Intl.Collator('vi');
	const rows: FormRow[] = [];
	const shown = (c: Counts | undefined | null) => (hasDossiers(c) ? c : null);
	const sum = (fs: readonly GroupFigures[], pick: (f: GroupFigures) => Counts | undefined) => addCounts(fs.map(pick).filter((c): c is Counts => !!c));
	const comparison = (fs: readonly GroupFigures[]) => (options.compare ? { previous: shown(sum(fs, (f) => f.previous)), lastYear: shown(sum(fs, (f) => f.lastYear)) } : {});

	const groups: (Level | null)[] = [...LEVELS.filter((l) => options.levels.includes(l)), ...(figures.some((f) => f.level === null) ? [null] : [])];
	groups.forEach((level, i) => {
		const mine = figures.filter((f) => f.level === level);
		rows.push({ kind: 'level', number: roman(i + 1), label: options.names.level(level), level, key: null, counts: shown(sum(mine, (f) => f.counts)), ...comparison(mine) });
		const items = new Map<string | null, { label: string; title?: string }>();
		for (const l of listed) if (l.level === level) items.set(l.key, { label: l.label, title: l.title });
		for (const f of mine) if (!items.has(f.key)) items.set(f.key, { label: f.key ?? options.names.unknown });
		// Each item's figures found by key, not by a search of the level's (a year's form lists hundreds of communes).
		const byKey = new Map<string | null, GroupFigures[]>();
		for (const f of mine) {
			const list = byKey.get(f.key);
			if (list) list.push(f);
			else byKey.set(f.key, [f]);
		}
		const ordered = [...items].sort((a, b) => collator.compare(a[1].label, b[1].label));
		ordered.forEach(([key, name], j) => {
			const theirs = byKey.get(key) ?? [];
			rows.push({ kind: 'item', number: String(j + 1), ...name, level, key, counts: shown(sum(theirs, (f) => f.counts)), ...comparison(theirs) });
		});
	});
	const all = figures.filter((f) => f.level === null || options.levels.includes(f.level));
	rows.push({ kind: 'total', number: '', label: options.names.total, level: null, key: null, counts: shown(sum(all, (f) => f.counts)), ...comparison(all) });
	return rows;
}

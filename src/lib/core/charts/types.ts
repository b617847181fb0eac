/** What the chart components share: categories along an axis, series in colour, a table view. */
import { formatCount, formatPercent, type Locale } from '../format/format';

export interface Category {
	key: string;
	/** Short, for an axis: "3/2023". */
	label: string;
	/** Full, for a tooltip, the table view and screen readers: "Tháng 3/2023". */
	long: string;
}

export interface Series {
	key: string;
	label: string;
	/** A CSS colour, with at least 3:1 contrast on white (WCAG 1.4.11). */
	color: string;
}

export type CellKind = 'text' | 'count' | 'rate';
export type Cell = string | number | null;

export interface TableData {
	columns: { label: string; kind: CellKind }[];
	rows: Cell[][];
}

/** A cell as shown on screen. */
export function showCell(value: Cell, kind: CellKind, locale: Locale): string {
	if (kind === 'text') return value === null ? '' : String(value);
	if (kind === 'rate') return formatPercent(value as number | null, locale);
	return value === null ? '—' : formatCount(value as number, locale);
}

/** A cell as written to CSV: counts as numbers, rates as percentages with two decimals. */
export function csvValue(value: Cell, kind: CellKind): string | number | null {
	if (kind === 'rate' && typeof value === 'number') return Math.round(value * 10000) / 100;
	return value;
}

export function csvHeader(label: string, kind: CellKind): string {
	return kind === 'rate' ? `${label} (%)` : label;
}

/** Colours of the levels and of the three headline rates (all ≥ 3:1 on white). */
export const LEVEL_COLORS = { province: '#0b5cab', district: '#1f7a70', commune: '#b05f00' } as const;
export const RATE_COLORS = { on_time_rate: '#0b5cab', online_share: '#7b3fa0', satisfaction_rate: '#1d7a46' } as const;

/** The root font size in pixels: chart margins and marks scale with the text, from a phone to a 4K screen. */
export function remPx(): number {
	return typeof document === 'undefined' ? 16 : parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

/** A chart's height for its width: wide enough to read, never taller than the screen can show. */
export function chartHeight(width: number, rem: number): number {
	return Math.round(Math.min(Math.max(width * 0.45, 14 * rem), 26 * rem));
}

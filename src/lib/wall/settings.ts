/**
 * The wall screen's settings, all in its address so a screen is set up once by its URL:
 *
 *   /wall?scenes=headline,trend,overdue&seconds=20      which scenes, in order, and how long each shows
 *   /wall?pin=overdue                                     one scene, not rotating
 *   /wall?agency=D1  or  ?level=commune                   a desk screen for one agency or level
 *   /wall?span=month                                      the reporting period: month, quarter (default) or year
 *   /wall?units=current                                   count by today's units (default: as the units were)
 *   /wall?stale=36&refresh=300                            hours before the data counts as stale; seconds between reads of the source
 *   /wall?soon=3                                          working days ahead that count as due soon (2 by default)
 *   /wall?lang=en
 *
 * Anything unreadable falls back to its default: a wall must come up whatever was typed.
 */
import type { Span } from '../core/domain/periods';
import { parseUnits, type Units } from '../core/domain/succession';
import { LEVELS, type Level } from '../core/domain/types';
import type { Locale } from '../core/format/format';
import { DEFAULT_DUE_SOON_DAYS, parseDueSoonDays } from '../core/domain/workdays';

export const SCENES = ['headline', 'trend', 'ranking', 'scorecard', 'levels', 'overdue', 'duesoon', 'online'] as const;
export type SceneId = (typeof SCENES)[number];

const WALL_SPANS = ['month', 'quarter', 'year'] as const satisfies readonly Span[];

export interface WallSettings {
	scenes: SceneId[];
	/** Seconds each scene shows. Fractions are allowed (the long-run check runs the wall fast). */
	seconds: number;
	pin: SceneId | null;
	agency: string | null;
	level: Level | null;
	span: (typeof WALL_SPANS)[number];
	/** As the units were (the default) or by today's units (docs/METRICS.md, "Two ways to count units"); the header says which. */
	units: Units;
	/** Hours after the end of the data's last day before the screen warns that the data is stale. */
	staleHours: number;
	/** Seconds between reads of the data source. */
	refreshSeconds: number;
	lang: Locale;
	/** Working days ahead that count as due soon (docs/METRICS.md, "Due soon"). */
	soon: number;
}

export const DEFAULT_WALL: WallSettings = {
	scenes: [...SCENES],
	seconds: 20,
	pin: null,
	agency: null,
	level: null,
	span: 'quarter',
	units: 'received',
	staleHours: 36,
	refreshSeconds: 300,
	lang: 'vi',
	soon: DEFAULT_DUE_SOON_DAYS
};

const isScene = (s: string): s is SceneId => (SCENES as readonly string[]).includes(s);

function positive(text: string | null, fallback: number, min: number): number {
	const n = text === null ? NaN : Number(text.replace(',', '.'));
	return Number.isFinite(n) && n >= min ? n : fallback;
}

export function parseWall(params: URLSearchParams): WallSettings {
	const scenes = (params.get('scenes') ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(isScene);
	const pin = params.get('pin');
	const level = params.get('level');
	const span = params.get('span');
	return {
		scenes: scenes.length ? [...new Set(scenes)] : DEFAULT_WALL.scenes,
		seconds: positive(params.get('seconds'), DEFAULT_WALL.seconds, 0.05),
		pin: pin && isScene(pin) ? pin : null,
		agency: params.get('agency') || null,
		level: level && (LEVELS as readonly string[]).includes(level) ? (level as Level) : null,
		span: span && (WALL_SPANS as readonly string[]).includes(span) ? (span as WallSettings['span']) : DEFAULT_WALL.span,
		units: parseUnits(params.get('units')),
		staleHours: positive(params.get('stale'), DEFAULT_WALL.staleHours, 0),
		refreshSeconds: positive(params.get('refresh'), DEFAULT_WALL.refreshSeconds, 0.5),
		lang: params.get('lang') === 'en' ? 'en' : 'vi',
		soon: parseDueSoonDays(params.get('soon'))
	};
}

/** The scenes that show, in order: the pinned one alone, or the rotation. */
export function shownScenes(s: WallSettings): SceneId[] {
	return s.pin ? [s.pin] : s.scenes;
}

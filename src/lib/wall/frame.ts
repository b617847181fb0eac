/**
 * What the wall's frame says around its scenes, as plain functions of the figures, the feed
 * and the time: whose figures, for which period, up to which day and read when; whether
 * they are stale; and why the source cannot be read.
 */
import { formatCount, formatDay, type Locale } from '../core/format/format';
import { LEVEL_NAMES, t } from './messages';
import { periodName, periodRange } from '../core/i18n/periods';
import { UNITS_NAMES } from '../core/i18n/messages';
import { clockMoment, hoursSinceEndOf } from './clock';
import type { FeedState } from './feed';
import type { WallFigures } from './figures';
import type { SceneId } from './settings';

/** Hours since the end of the data's last day: how old the figures are. */
export function ageOf(f: WallFigures | null, now: Date): number {
	return f ? hoursSinceEndOf(f.dataAsOf, now) : 0;
}

/** Whether the figures are older than the screen allows. */
export function isStale(f: WallFigures | null, now: Date, staleHours: number): boolean {
	return !!f && ageOf(f, now) > staleHours;
}

/** The agency or level the screen is fixed to, by name, or the whole province. */
export function scopeName(f: WallFigures, locale: Locale): string {
	return f.scope.agency ?? (f.scope.level ? LEVEL_NAMES[locale][f.scope.level] : t(locale, 'wall_province'));
}

/** Above the scene: the period and its days, or for what is overdue or due soon now, the day it is counted at. */
export function periodLine(f: WallFigures, scene: SceneId, locale: Locale): string {
	const when = scene === 'overdue' || scene === 'duesoon' ? t(locale, 'wall_atEndOf', { day: formatDay(f.overdueNow.day) }) : `${periodName(f.period, locale)} (${periodRange(f.period)})`;
	// Which way the units are counted, on every scene: the same figures read differently by agency and level.
	return `${when} · ${UNITS_NAMES[locale][f.units]}`;
}

/** Beside the clock: the data's last day, and when it was read. */
export function asOfLine(f: WallFigures, updatedAt: Date | null, locale: Locale): string {
	return `${t(locale, 'wall_dataAsOf', { day: formatDay(f.dataAsOf) })}${updatedAt ? ` · ${t(locale, 'wall_updated', { time: clockMoment(updatedAt) })}` : ''}`;
}

/** The warnings on screen: the source failing (or the server out of reach) since when, and the data stale. */
export function warningsOf(feed: FeedState, now: Date, staleHours: number, locale: Locale): string[] {
	const f = feed.figures;
	if (!f) return [];
	const warnings: string[] = [];
	const since = feed.failingSince ? clockMoment(feed.failingSince) : '';
	const updated = feed.updatedAt ? clockMoment(feed.updatedAt) : '—';
	// Offline, the figures are the screen's own copy: of which day's data, read from the server when.
	if (feed.offline) warnings.push(`⚠ ${t(locale, 'wall_offline', { since, day: formatDay(f.dataAsOf), updated })}`);
	else if (feed.failingSince) warnings.push(`⚠ ${t(locale, 'wall_failing', { since, updated })}`);
	if (isStale(f, now, staleHours)) warnings.push(`⚠ ${t(locale, 'wall_stale', { day: formatDay(f.dataAsOf), hours: formatCount(Math.floor(ageOf(f, now)), locale) })}`);
	return warnings;
}

/** The scene after `index` in a rotation of `count`; the same while there is nothing to rotate. */
export function nextScene(index: number, count: number, hasFigures: boolean): number {
	return count > 1 && hasFigures ? (index + 1) % count : index;
}

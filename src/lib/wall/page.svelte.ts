/**
 * The wall screen's state (its route only draws it): the settings read from its address, the
 * feed's figures, the clock, and the scene on screen. `start` runs the screen: a read of the
 * source now and every `refresh` seconds (feed.ts: an engine only when the data changed,
 * closed once the figures are computed), the clock every second, the next scene every
 * `seconds`; the function it returns stops all three. With a copy kept offline (wall/offline.ts),
 * each read also asks whether a new build is out; when one takes over, the page reloads itself
 * at the next change of scene, while the server answers (its figures stay on screen till then).
 */
import { dataUrl } from '../core/engine/source';
import type { Locale } from '../core/format/format';
import { t } from './messages';
import { WallFeed, siteSource, type FeedSource, type FeedState } from './feed';
import type { OfflineCopy, OfflineHooks } from './offline';
import { wallFigures, type WallFigures } from './figures';
import { ageOf, asOfLine, isStale, nextScene, periodLine, scopeName, warningsOf } from './frame';
import { DEFAULT_WALL, parseWall, shownScenes, type SceneId, type WallSettings } from './settings';

export const NO_FEED: FeedState = { figures: null, updatedAt: null, checkedAt: null, failingSince: null, failure: null, offline: false };

/** The site's own data as the wall's source, read by DuckDB-WASM started anew for each version. */
export function browserSource(base: string, settings: WallSettings): FeedSource {
	return siteSource(
		(file) => dataUrl(base, file),
		async (url) => (await import('../core/engine/browser')).BrowserEngine.start(url),
		(db) => wallFigures(db, settings)
	);
}

export class WallPage {
	// Prerendering has no address to read: the settings come from it once in the browser.
	settings = $state.raw<WallSettings>(DEFAULT_WALL);
	feed = $state.raw<FeedState>(NO_FEED);
	now = $state(new Date());
	/** The scene's place in the rotation, and how many times the scene changed (the long-run check counts them). */
	index = $state(0);
	changes = $state(0);
	/** A new build took over: the page reloads at the next change of scene. */
	newBuild = false;
	/** Reloads the page (tests replace it). */
	reload = () => location.reload();

	get locale(): Locale {
		return this.settings.lang;
	}

	get scenes(): SceneId[] {
		return shownScenes(this.settings);
	}

	get scene(): SceneId {
		return this.scenes[this.index % this.scenes.length];
	}

	get figures(): WallFigures | null {
		return this.feed.figures;
	}

	/** Hours since the end of the data's last day. */
	get age(): number {
		return ageOf(this.figures, this.now);
	}

	get stale(): boolean {
		return isStale(this.figures, this.now, this.settings.staleHours);
	}

	get failing(): boolean {
		return this.feed.failingSince !== null;
	}

	/** The province and the screen's scope: "Quảng Ngãi · Toàn tỉnh". */
	get where(): string {
		const f = this.figures;
		return f ? `${f.province} · ${scopeName(f, this.locale)}` : '';
	}

	get periodLine(): string {
		return this.figures ? periodLine(this.figures, this.scene, this.locale) : '';
	}

	get asOfLine(): string {
		return this.figures ? asOfLine(this.figures, this.feed.updatedAt, this.locale) : '';
	}

	get warnings(): string[] {
		return warningsOf(this.feed, this.now, this.settings.staleHours, this.locale);
	}

	/** The document's title: the wall's, and the province once its figures are in. */
	get title(): string {
		return `${t(this.locale, 'wall_title')}${this.figures ? ` · ${this.figures.province}` : ''}`;
	}

	/** Runs the screen on the settings of `params`; returns the function that stops it. */
	start(params: URLSearchParams, source: (settings: WallSettings) => FeedSource, offline?: (hooks: OfflineHooks) => OfflineCopy): () => void {
		const s = (this.settings = parseWall(params));
		const feed = new WallFeed(source(s), (state) => (this.feed = state));
		feed.read();
		// Controlled for the first time: the engine's files and the database pass the worker at the next read.
		const copy = offline?.({ controlled: () => void feed.reread(), newBuild: () => (this.newBuild = true) });
		const read = () => {
			feed.read();
			copy?.check();
		};
		const timers = [setInterval(read, s.refreshSeconds * 1000), setInterval(() => (this.now = new Date()), 1000), setInterval(() => this.rotate(), s.seconds * 1000)];
		return () => {
			timers.forEach(clearInterval);
			copy?.stop();
		};
	}

	/** The next scene, once there are figures and more than one scene to show; or the new build's page. */
	rotate(): void {
		if (this.newBuild && this.figures && !this.failing) return this.reload();
		const next = nextScene(this.index, this.scenes.length, this.figures !== null);
		if (next === this.index) return;
		this.index = next;
		this.changes++;
	}
}

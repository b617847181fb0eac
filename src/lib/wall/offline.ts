/**
 * The wall's service worker (src/service-worker.ts), registered by the wall's page alone and
 * for the wall's address alone: `<base>/wall`, so the dashboard, the report and the data page
 * are never served by it. The page asks it to keep what the page loaded before it was in
 * control (its address and its code), and watches it change: the first time, the data is
 * read again through it (so the engine's files and the database are kept too); a later change
 * is a new build, and the page's code is old.
 */
import { KEEP_MESSAGE } from './offline-protocol';

export interface OfflineHooks {
	/** The service worker controls the page for the first time. */
	controlled(): void;
	/** A new build's service worker took over from the one that served the page. */
	newBuild(): void;
}

export interface OfflineCopy {
	/** Asks the server whether there is a new build (a screen that is never reloaded is never asked otherwise). */
	check(): void;
	stop(): void;
}

export function keepOffline(base: string, hooks: OfflineHooks): OfflineCopy {
	const container = navigator.serviceWorker;
	// Only on https or localhost; elsewhere the wall works as before, without a copy.
	if (!container) return { check() {}, stop() {} };
	let controlled = container.controller !== null;
	const changed = () => {
		if (controlled) return hooks.newBuild();
		controlled = true;
		const urls = [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)];
		container.controller?.postMessage({ type: KEEP_MESSAGE, urls });
		hooks.controlled();
	};
	container.addEventListener('controllerchange', changed);
	const registration = container.register(`${base}/service-worker.js`, { scope: `${base}/wall`, updateViaCache: 'none' }).catch(() => null);
	return {
		check: () => void registration.then((r) => r?.update()).catch(() => {}),
		stop: () => container.removeEventListener('controllerchange', changed)
	};
}

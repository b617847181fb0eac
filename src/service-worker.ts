/**
 * The wall screen's copy of itself, so a TV switched on with the network down still shows its
 * last figures (docs/ARCHITECTURE.md, "The wall offline"). Registered by the wall's page alone,
 * for the wall's address alone (wall/offline.ts): no other page is ever controlled by it. It sees
 * every request the wall and its engine's worker make, and keeps only what the wall uses:
 *
 * - code and engine files (the build's hashed, immutable files): from the copy, else the network;
 * - the wall's page, data/manifest.json and the database it names: from the network, the copy
 *   kept of each as it passes (one of each: a new database replaces the old), and the copy only
 *   when the network cannot be reached, marked so (COPY_HEADER), the database in the ranges asked.
 *
 * Its version is the code's id (scripts/code-version.mjs): a build with new code is a new worker,
 * which takes over at once and deletes the old code's copies; the wall reloads itself then.
 */
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { base, build, version } from '$service-worker';
import { COPY_HEADER, KEEP_MESSAGE } from '$lib/wall/offline-protocol';

const sw = self as unknown as ServiceWorkerGlobalScope;

const CODE_PREFIX = 'wall-code-';
/** The build's code, by version: every file in it is named by its content. */
const CODE = `${CODE_PREFIX}${version}`;
/** The newest copy of the wall's page, manifest and database, whatever the version. */
const KEPT = 'wall-kept';
const CODE_FILES = new Set(build);
const MANIFEST = `${base}/data/manifest.json`;
const isDatabase = (path: string) => path.startsWith(`${base}/data/`) && path.endsWith('.duckdb');

sw.addEventListener('install', (event) => {
	// Files of the old code the new one still uses (the engine's, mostly: tens of MB) are carried over.
	event.waitUntil(carryOver().then(() => sw.skipWaiting()));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const name of await caches.keys()) if (name.startsWith(CODE_PREFIX) && name !== CODE) await caches.delete(name);
			await sw.clients.claim();
		})()
	);
});

async function carryOver(): Promise<void> {
	const code = await caches.open(CODE);
	for (const name of await caches.keys()) {
		if (!name.startsWith(CODE_PREFIX) || name === CODE) continue;
		const old = await caches.open(name);
		for (const request of await old.keys()) {
			const response = CODE_FILES.has(new URL(request.url).pathname) ? await old.match(request) : undefined;
			if (response) await code.put(request, response);
		}
	}
}

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	const path = url.pathname;
	if (request.mode === 'navigate') event.respondWith(networkFirst(request, path));
	else if (request.method === 'GET' && CODE_FILES.has(path)) event.respondWith(codeFile(request));
	else if (path === MANIFEST && request.method === 'GET') event.respondWith(networkFirst(request, path));
	else if (isDatabase(path) && (request.method === 'GET' || request.method === 'HEAD')) event.respondWith(database(event, path));
});

/** The page's list of what it loaded before this worker controlled it: its own address and its code. */
sw.addEventListener('message', (event) => {
	const data = event.data as { type?: string; urls?: string[] };
	if (data?.type !== KEEP_MESSAGE || !Array.isArray(data.urls)) return;
	event.waitUntil(keep(data.urls));
});

async function keep(urls: string[]): Promise<void> {
	for (const href of urls) {
		const url = new URL(href, sw.location.href);
		if (url.origin !== sw.location.origin) continue;
		const isPage = url.pathname.startsWith(`${base}/wall`) && !url.pathname.includes('.');
		try {
			if (CODE_FILES.has(url.pathname)) await keepOne(CODE, url.href, url.href);
			else if (isPage) await keepOne(KEPT, url.pathname, url.href);
		} catch {
			// Kept at the next load instead.
		}
	}
}

/**
 * Fetches and keeps one file nobody waits for. The answer itself is kept, not a clone: the
 * unread half of a clone held the message's event open, and an event still open kept a new
 * build's worker waiting.
 */
async function keepOne(name: string, key: string, href: string): Promise<void> {
	const cache = await caches.open(name);
	if (await cache.match(key)) return;
	const response = await fetch(href);
	if (response.ok && !response.redirected) await cache.put(key, response);
	else await response.body?.cancel();
}

async function codeFile(request: Request): Promise<Response> {
	const code = await caches.open(CODE);
	const kept = await code.match(request);
	if (kept) return kept;
	const response = await fetch(request);
	if (response.ok) await code.put(request, response.clone());
	return response;
}

/** The network's answer, kept under `key`; the copy, marked, only when the network cannot be reached. */
async function networkFirst(request: Request, key: string): Promise<Response> {
	const kept = await caches.open(KEPT);
	try {
		const response = await fetch(request);
		// A redirected answer cannot stand for the page it was asked for.
		if (response.ok && !response.redirected) await kept.put(key, response.clone());
		return response;
	} catch (e) {
		const copy = await kept.match(key);
		if (!copy) throw e;
		return marked(copy.body, copy.status, copy.headers);
	}
}

function marked(body: BodyInit | null, status: number, headers: Headers, more: Record<string, string> = {}): Response {
	const h = new Headers(headers);
	for (const [k, v] of Object.entries(more)) h.set(k, v);
	h.set(COPY_HEADER, '1');
	return new Response(body, { status, headers: h });
}

/** What tells one state of a database file from another. */
const validator = (h: Headers) => `${h.get('etag') ?? ''}|${h.get('last-modified') ?? ''}`;

/** Databases being copied whole, by path: the engine asks for many ranges of one at once. */
const copying = new Map<string, Promise<void>>();

/**
 * The engine reads the database in ranges (HEAD, then GET with Range). Online, the network
 * answers, and once per state of the file the whole file is copied beside (ranges cannot be
 * kept); offline, the copy answers the HEAD and each range.
 */
async function database(event: FetchEvent, key: string): Promise<Response> {
	const request = event.request;
	try {
		const response = await fetch(request);
		if (response.ok) event.waitUntil(copyWhole(key, request.url, validator(response.headers)));
		return response;
	} catch (e) {
		const copy = await (await caches.open(KEPT)).match(key);
		if (!copy) throw e;
		return fromCopy(request, copy);
	}
}

async function copyWhole(key: string, url: string, state: string): Promise<void> {
	const kept = await caches.open(KEPT);
	const copy = await kept.match(key);
	if (copy && validator(copy.headers) === state) return;
	if (copying.has(key)) return copying.get(key);
	const work = (async () => {
		const response = await fetch(url, { cache: 'no-store' });
		if (response.status !== 200) return;
		await kept.put(key, response);
		// One database at a time: the one the wall read last.
		for (const request of await kept.keys()) {
			const path = new URL(request.url).pathname;
			if (isDatabase(path) && path !== key) await kept.delete(request);
		}
	})().finally(() => copying.delete(key));
	copying.set(key, work);
	return work;
}

/** The copy's answer to a HEAD or a GET, ranged or whole, as a server that serves ranges gives it. */
async function fromCopy(request: Request, copy: Response): Promise<Response> {
	const whole = await copy.blob();
	const size = whole.size;
	const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get('range') ?? '');
	const headers = { 'accept-ranges': 'bytes', 'content-type': 'application/octet-stream' };
	if (!range) return marked(request.method === 'HEAD' ? null : whole, 200, copy.headers, { ...headers, 'content-length': String(size) });
	// bytes=a-b, bytes=a- or bytes=-n (the last n)
	const first = range[1] === '' ? Math.max(0, size - Number(range[2])) : Number(range[1]);
	const last = range[1] === '' || range[2] === '' ? size - 1 : Math.min(Number(range[2]), size - 1);
	if (first > last || first >= size) return marked(null, 416, copy.headers, { 'content-range': `bytes */${size}` });
	const part = whole.slice(first, last + 1);
	return marked(request.method === 'HEAD' ? null : part, 206, copy.headers, { ...headers, 'content-length': String(last - first + 1), 'content-range': `bytes ${first}-${last}/${size}` });
}

/**
 * Where the dashboard's interactions spend their time: the bench's script of interactions
 * (common.ts) replayed under a Chromium performance trace, and each step's time split into
 * what the page's main thread did (scripts, style, layout, paint), what the engine's worker
 * did, and the rest (waiting). `tsx scripts/bench/trace-dashboard.ts [size]` (default 1000000,
 * the sample npm run bench writes). PROFILE=1 samples the JavaScript instead and lists the
 * functions with the most time over all steps (TOP=n of them; a build made with
 * `vite build --minify false` names them). ROOT=… serves another build, PORT=… another port,
 * TRACE=file.json keeps the raw trace, VERBOSE=1 prints each step as it ends.
 */
import { writeFileSync } from 'node:fs';
import type { CDPSession } from '@playwright/test';
import { serve } from '../serve.mjs';
import { DASHBOARD, LOOK_MS, launch, median, timed } from './common';

const size = Number(process.argv[2] ?? 1_000_000);
const port = Number(process.env.PORT ?? 4490);
const root = process.env.ROOT ?? 'build';
const top = Number(process.env.TOP ?? 0);

interface TraceEvent {
	name: string;
	cat: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	args?: { name?: string; data?: Record<string, unknown> };
}

async function record(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
	const events: TraceEvent[] = [];
	cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as TraceEvent[])));
	const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
	await cdp.send('Tracing.start', {
		transferMode: 'ReportEvents',
		traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'] }
	});
	await run();
	await cdp.send('Tracing.end');
	await done;
	return events;
}

/** What a main-thread event is: the trace's own names, grouped. */
function kind(name: string): string | null {
	if (['FunctionCall', 'EvaluateScript', 'v8.compile', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'RunMicrotasks', 'V8.Execute', 'v8.callFunction'].includes(name)) return 'script';
	if (name === 'UpdateLayoutTree' || name === 'RecalculateStyles' || name === 'ParseAuthorStyleSheet') return 'style';
	if (name === 'Layout' || name === 'UpdateLayerTree' || name === 'IntersectionObserverController::computeIntersections') return 'layout';
	if (['Paint', 'PrePaint', 'PaintImage', 'Layerize', 'Commit', 'CompositeLayers', 'RasterTask'].includes(name)) return 'paint';
	if (name === 'MajorGC' || name === 'MinorGC' || name.startsWith('V8.GC')) return 'gc';
	return null;
}

/** Time of each kind inside [from, to] on one thread: the outermost events of a kind only. */
function split(events: TraceEvent[], tid: number, pid: number, from: number, to: number) {
	const out: Record<string, number> = {};
	const mine = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined && e.ts < to && e.ts + e.dur! > from).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
	let busyUntil = 0;
	let tasks = 0;
	const ends: { kind: string; end: number }[] = [];
	for (const e of mine) {
		const start = Math.max(e.ts, from);
		const end = Math.min(e.ts + e.dur!, to);
		if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') {
			if (end > busyUntil) {
				tasks += end - Math.max(start, busyUntil);
				busyUntil = end;
			}
			continue;
		}
		const k = kind(e.name);
		if (!k) continue;
		// Nested events of a kind already counted (a FunctionCall inside an EventDispatch) are not counted again.
		while (ends.length && ends.at(-1)!.end <= e.ts) ends.pop();
		if (ends.some((o) => o.kind === k)) continue;
		out[k] = (out[k] ?? 0) + (end - start);
		ends.push({ kind: k, end: e.ts + e.dur! });
	}
	out.busy = tasks;
	return out;
}

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}

/**
 * PROFILE=1: the JavaScript of the main thread, sampled every 100 µs during every step
 * (from the click to the frame that shows it); prints the functions with the most time,
 * their own (self) and with what they call (total), summed over the steps.
 */
async function profile(page: import('@playwright/test').Page, cdp: CDPSession) {
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
	const self = new Map<string, number>();
	const total = new Map<string, number>();
	let all = 0;
	const times: number[] = [];
	for (const s of DASHBOARD) {
		await page.waitForTimeout(LOOK_MS);
		await cdp.send('Profiler.start');
		times.push(await timed(page, s.action));
		const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
		const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
		const parent = new Map<number, number>();
		for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
		const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
		profile.samples.forEach((id, i) => {
			const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
			const n = nodes.get(id)!;
			if (n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(program)') return;
			all += dt;
			self.set(name(n), (self.get(name(n)) ?? 0) + dt);
			const seen = new Set<string>();
			for (let k: number | undefined = id; k !== undefined; k = parent.get(k)) {
				const key = name(nodes.get(k)!);
				if (seen.has(key)) continue;
				seen.add(key);
				total.set(key, (total.get(key) ?? 0) + dt);
			}
		});
	}
	const list = (m: Map<string, number>) =>
		[...m]
			.sort((a, b) => b[1] - a[1])
			.slice(0, top || 40)
			.map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`)
			.join('\n');
	console.log(`${DASHBOARD.length} steps, median ${median(times).toFixed(0)} ms; JavaScript sampled ${all.toFixed(0)} ms in all\n\n-- self\n${list(self)}\n\n-- total\n${list(total)}`);
}

/** Each step's time split between the main thread's kinds of work and the engine's worker. */
async function trace(page: import('@playwright/test').Page, cdp: CDPSession) {
	const names: string[] = [];
	const ms: number[] = [];
	const events = await record(cdp, async () => {
		for (const [i, s] of DASHBOARD.entries()) {
			await page.waitForTimeout(LOOK_MS);
			const action = `performance.mark('step-${i}-start'); ${s.action}`;
			ms.push(await Promise.race([timed(page, action), new Promise<number>((_, fail) => setTimeout(() => fail(new Error(`step "${s.name}" did not finish within 60 s`)), 60_000))]));
			if (process.env.VERBOSE) console.log(s.name, ms.at(-1));
			await page.evaluate(`performance.mark('step-${i}-end')`);
			names.push(s.name);
		}
	});
	if (process.env.TRACE) writeFileSync(process.env.TRACE, JSON.stringify({ traceEvents: events }));
	const threads = new Map<string, { pid: number; tid: number }>();
	for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.args?.name}:${e.pid}:${e.tid}`, { pid: e.pid, tid: e.tid });
	const marks = new Map(events.filter((e) => e.cat.includes('blink.user_timing') && e.name.startsWith('step-')).map((e) => [e.name, e]));
	const main = marks.get('step-0-start')!;
	const workers = [...threads].filter(([k, t]) => k.startsWith('DedicatedWorker') && t.pid === main.pid).map(([, t]) => t);
	const rows: Record<string, number>[] = [];
	for (const [i, name] of names.entries()) {
		const from = marks.get(`step-${i}-start`)!.ts;
		const to = marks.get(`step-${i}-end`)!.ts;
		const m = split(events, main.tid, main.pid, from, to);
		const worker = workers.map((w) => split(events, w.tid, w.pid, from, to).busy).reduce((a, b) => a + b, 0);
		const row = { ms: ms[i], ...Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v / 1000])), worker: worker / 1000 };
		rows.push(row);
		const f = (k: string) => `${k} ${(row[k as keyof typeof row] ?? 0).toFixed(1)}`;
		console.log(
			`${String(i + 1).padStart(2)} ${name.padEnd(44)} ${ms[i].toFixed(0).padStart(4)} ms | main ${f('busy')} (${['script', 'style', 'layout', 'paint', 'gc'].map(f).join(', ')}) | worker ${row.worker.toFixed(1)}`
		);
	}
	const col = (k: string) => median(rows.map((r) => r[k] ?? 0)).toFixed(1);
	console.log(`median of steps: ${median(ms).toFixed(0)} ms; main busy ${col('busy')} (script ${col('script')}, style ${col('style')}, layout ${col('layout')}, paint ${col('paint')}), worker ${col('worker')}`);
}

const server = await serve({ root, data: `data/bench/${size}`, port });
const browser = await launch();
try {
	const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
	await page.goto(`http://127.0.0.1:${port}/`);
	await page.locator('main[data-ready=true]').waitFor({ timeout: 600_000 });
	const cdp = await page.context().newCDPSession(page);
	await (process.env.PROFILE ? profile(page, cdp) : trace(page, cdp));
} finally {
	await browser.close();
	(server as { close(): void }).close();
}

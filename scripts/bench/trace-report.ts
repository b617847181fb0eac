/**
 * Where a report's time goes (not part of any test): the main benchmark's two report steps
 * (`npm run bench`: following the header's link from the dashboard to /report, then a
 * reporting year's form, each a second after the one before), REPEAT times at SIZE
 * dossiers, under a Chromium trace and a CPU profile. `npx tsx scripts/bench/trace-report.ts`.
 *
 * Prints, for each step, its time until the form is drawn and the CPU time the page's main
 * thread and the engine's worker spent meanwhile, by kind of work (script, style, layout,
 * paint): on a machine shared with other work the CPU times vary much less than the wall
 * times. TASKS=1 lists each step's main-thread tasks; TOP=n the profile's n most costly
 * functions. The trace and the profiles are written to tests/.out (OUT=) for DevTools.
 * ROOT= serves another build of the site (built without minifying, a profile reads better).
 */
import { writeFileSync } from 'node:fs';
import { serve } from '../serve.mjs';
import { TO_REPORT, benchPort, choose, launch, serveSample, timed } from './common';

const SIZE = Number(process.env.SIZE ?? 100_000);
const PORT = benchPort(4421);
const REPEAT = Number(process.env.REPEAT ?? 3);
const OUT = process.env.OUT ?? 'tests/.out/trace-report';

const { server: built, data } = await serveSample(SIZE, PORT);
const server = process.env.ROOT ? (built.close(), await serve({ root: process.env.ROOT, data, port: PORT })) : built;
const browser = await launch();
type Profile = { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[]; samples?: number[]; timeDeltas?: number[] };
type Event = { name: string; ph: string; ts: number; dur?: number; tdur?: number; tid: number; pid: number; args?: Record<string, unknown> };
try {
	const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
	await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] });
	const times: Record<string, number[]> = { open: [], year: [] };
	const profiles: Record<string, Profile[]> = { open: [], year: [] };
	/** Runs a step under the profiler, a second after the one before (the page prefetches meanwhile). */
	const step = async (name: 'open' | 'year', run: () => Promise<number>) => {
		await page.waitForTimeout(1000);
		await cdp.send('Profiler.start');
		times[name].push(await run());
		// What follows the form (the annex) is in the profile too, unless AFTER_MS=0.
		await page.waitForTimeout(Number(process.env.AFTER_MS ?? 400));
		profiles[name].push((await cdp.send('Profiler.stop')).profile);
	};
	for (let i = 0; i < REPEAT; i++) {
		await page.goto(`http://127.0.0.1:${PORT}/`);
		await page.locator('main[data-ready=true]').waitFor({ timeout: 120_000 });
		await step('open', () => page.evaluate(TO_REPORT));
		await step('year', () => timed(page, `performance.mark('step year'); ${choose('span', 'year')}`));
	}
	const trace = await browser.stopTracing();
	writeFileSync(`${OUT}.json`, trace);
	for (const [k, v] of Object.entries(profiles)) v.forEach((p, i) => writeFileSync(`${OUT}-${k}-${i}.cpuprofile`, JSON.stringify(p)));
	for (const [k, v] of Object.entries(times)) console.log(`${k}: ${v.map((t) => t.toFixed(0)).join(' ')} ms`);

	const events = (JSON.parse(trace.toString()) as { traceEvents: Event[] }).traceEvents;
	const thread = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')!;
	const mine = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid);
	const tasks = mine.filter((e) => e.ph === 'X' && e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
	const inner = mine.filter((e) => e.ph === 'X' && e.name !== 'RunTask');
	const WATCH = [
		'Layout',
		'UpdateLayoutTree',
		'Paint',
		'PrePaint',
		'HandlePostMessage',
		'TimerFire',
		'FireAnimationFrame',
		'EventDispatch',
		'EvaluateScript',
		'v8.compile',
		'MinorGC',
		'MajorGC',
		'ParseHTML',
		'ResourceReceivedData'
	];
	const marks = mine.filter((e) => e.name.startsWith('step ') && ['R', 'I', 'n', 'b'].includes(e.ph)).sort((a, b) => a.ts - b.ts);
	const workers = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'DedicatedWorker thread').map((e) => `${e.pid}/${e.tid}`);
	const workerTasks = events.filter((e) => workers.includes(`${e.pid}/${e.tid}`) && e.ph === 'X' && e.name === 'RunTask');
	// Tasks running at the mark (the action's own) count too.
	const cpu = (list: Event[], from: number, to: number) => list.filter((e) => e.ts + (e.dur ?? 0) > from && e.ts < to).reduce((n, e) => n + (e.tdur ?? 0) / 1000, 0);
	const seen: Record<string, number> = {};
	const summary: Record<string, { wall: number; main: number; worker: number; parts: Map<string, number> }[]> = {};
	for (const m of marks) {
		const name = m.name.slice(5);
		const i = (seen[name] = (seen[name] ?? -1) + 1);
		const end = m.ts + times[name][i] * 1000;
		const parts = new Map<string, number>();
		for (const e of inner) if (e.ts + (e.dur ?? 0) > m.ts && e.ts < end && WATCH.includes(e.name)) parts.set(e.name, (parts.get(e.name) ?? 0) + (e.tdur ?? 0) / 1000);
		(summary[name] ??= []).push({ wall: times[name][i], main: cpu(tasks, m.ts, end), worker: cpu(workerTasks, m.ts, end), parts });
		if (!process.env.TASKS) continue;
		console.log(`\n── ${m.name} (ms after the mark: start +wall (cpu) and what the task held)`);
		for (const t of tasks) {
			if (t.ts < m.ts || t.ts > end + 100_000 || (t.dur ?? 0) < 1000) continue;
			const held = new Map<string, number>();
			for (const e of inner) if (e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur! && WATCH.includes(e.name)) held.set(e.name, (held.get(e.name) ?? 0) + e.dur! / 1000);
			console.log(
				`${((t.ts - m.ts) / 1000).toFixed(1).padStart(7)} +${(t.dur! / 1000).toFixed(1).padStart(6)} (${((t.tdur ?? 0) / 1000).toFixed(1).padStart(5)})  ${[...held]
					.sort((a, b) => b[1] - a[1])
					.slice(0, 6)
					.map(([k, v]) => `${k} ${v.toFixed(1)}`)
					.join(', ')}`
			);
		}
	}
	/** JavaScript's share of a step's profile: its samples outside idle time, the browser's own work and the collector. */
	const script = (p: Profile) =>
		(p.samples ?? []).reduce((n, id, i) => {
			const f = p.nodes.find((x) => x.id === id)!.callFrame.functionName;
			return ['(idle)', '(program)', '(garbage collector)', '(root)'].includes(f) ? n : n + (p.timeDeltas?.[i] ?? 0) / 1000;
		}, 0);
	console.log('\nuntil drawn: wall ms, main thread CPU ms, worker CPU ms; main thread CPU by event');
	for (const [name, list] of Object.entries(summary)) {
		for (const s of list)
			console.log(
				`${name.padEnd(5)} ${s.wall.toFixed(0).padStart(5)} ${s.main.toFixed(0).padStart(5)} ${s.worker.toFixed(0).padStart(5)}   ${[...s.parts]
					.sort((a, b) => b[1] - a[1])
					.slice(0, 7)
					.map(([k, v]) => `${k} ${v.toFixed(0)}`)
					.join(', ')}`
			);
		const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
		const js = profiles[name].map(script);
		console.log(
			`${name.padEnd(5)} median: wall ${med(list.map((s) => s.wall)).toFixed(0)}, main CPU ${med(list.map((s) => s.main)).toFixed(0)}, worker CPU ${med(list.map((s) => s.worker)).toFixed(0)}; JavaScript in the profile (the step and 400 ms after it) ${med(js).toFixed(0)}`
		);
	}

	// The profiles: inclusive and self time by function, summed over the repeats of each step.
	for (const [step, list] of Number(process.env.TOP ?? 0) > 0 ? Object.entries(profiles) : []) {
		const incl = new Map<string, number>();
		const self = new Map<string, number>();
		for (const profile of list) {
			const byId = new Map(profile.nodes.map((n) => [n.id, n]));
			const parent = new Map<number, number>();
			for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
			const name = (id: number) => {
				const f = byId.get(id)!.callFrame;
				return `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
			};
			(profile.samples ?? []).forEach((id, i) => {
				const ms = (profile.timeDeltas?.[i] ?? 0) / 1000;
				self.set(name(id), (self.get(name(id)) ?? 0) + ms);
				const seen = new Set<string>();
				for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
					const k = name(n);
					if (seen.has(k)) continue;
					incl.set(k, (incl.get(k) ?? 0) + ms);
					seen.add(k);
				}
			});
		}
		console.log(`\nCPU profile of "${step}" (${list.length} times): inclusive, self ms`);
		for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 0))) console.log(`${v.toFixed(1).padStart(8)} ${(self.get(k) ?? 0).toFixed(1).padStart(7)}  ${k}`);
	}
} finally {
	await browser.close();
	server.close();
}

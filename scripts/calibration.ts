/**
 * Prints the sample's aggregates next to the calibration targets taken from the seed reports:
 * `npm run calibration -- data/generated/province.duckdb`. The checks that must hold are in
 * tests/unit/sample.test.ts; this is for people.
 */
import { queryMetrics } from '../src/lib/core/engine/metrics';
import { NodeEngine } from '../src/lib/core/engine/node';
import { rate } from '../src/lib/core/domain/metrics';
import { period } from '../src/lib/core/domain/periods';

export async function calibration(dbPath: string): Promise<string[]> {
	const engine = await NodeEngine.open(dbPath, { access_mode: 'READ_ONLY' });
	const lines: string[] = [];
	const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(2)}%`);
	try {
		const [{ first, last }] = await engine.query<{ first: string; last: string }>('SELECT CAST(min(received_at) AS DATE)::VARCHAR AS first, CAST(max(received_at) AS DATE)::VARCHAR AS last FROM dossiers');
		const years = [];
		for (let y = Number(first.slice(0, 4)); y <= Number(last.slice(0, 4)); y++) years.push(period({ kind: 'calendar', span: 'year', year: y, index: 1 }));
		const byLevel = await queryMetrics(engine, { periods: years, groupBy: ['level'] });
		lines.push('On-time rate (report) by level and calendar year; target: province ≈ 99.9%, district 94–96%, commune ≈ 98.9%');
		for (const r of byLevel) lines.push(`  ${r.period}  ${r.keys.level?.padEnd(9)} ${pct(rate('on_time_rate', r.counts))}  of ${r.counts.resolved} resolved`);
		const land = await queryMetrics(engine, { periods: years, filters: { fields: ['Đất đai'] } });
		lines.push('Land (Đất đai) on-time rate; target ≈ 93%');
		for (const r of land) lines.push(`  ${r.period}  ${pct(rate('on_time_rate', r.counts))}`);
		const all = await queryMetrics(engine, { periods: years });
		lines.push('Online share by year; target ≈ 40% (2022) rising to over 70% (2024 on). Satisfaction; target ≈ 99.8% positive, most unrated');
		for (const r of all) {
			lines.push(
				`  ${r.period}  online ${pct(rate('online_share', r.counts))}  satisfied ${pct(rate('satisfaction_rate', r.counts))} of ${r.counts.rated} rated (${pct(r.counts.rated / r.counts.resolved)} of resolved)  withdrawn ${r.counts.withdrawn}  overdue at year end ${r.counts.overdue}`
			);
		}
		const q = period({ kind: 'reporting', span: 'quarter', year: 2023, index: 1, cutoffDay: 15 });
		const levels = await queryMetrics(engine, { periods: [q], groupBy: ['level'] });
		lines.push('Quarter I 2023 (15/12/2022 – 14/3/2023) received by level; target: commune > district > province (Đồng Nai)');
		for (const r of levels) lines.push(`  ${r.keys.level?.padEnd(9)} ${r.counts.received}`);
		const depts = await engine.query<{ name: string; n: number }>(`
			SELECT a.short_name AS name, count(*)::DOUBLE AS n FROM dossiers d JOIN agencies a ON a.id = d.agency_id
			WHERE a.level = 'province' AND d.received_at < TIMESTAMP '2025-03-01' GROUP BY ALL ORDER BY n DESC LIMIT 5`);
		lines.push('Largest departments before the 2025 merger; target: transport and justice largest (Hà Nam)');
		for (const d of depts) lines.push(`  ${d.name.padEnd(16)} ${d.n}`);
		const week = await engine.query<{ dow: number; n: number }>('SELECT dayofweek(received_at)::INTEGER AS dow, count(*)::DOUBLE AS n FROM dossiers GROUP BY ALL ORDER BY dow');
		lines.push('Dossiers by day of week (0 = Sunday); target: fewer at weekends');
		lines.push('  ' + week.map((w) => `${w.dow}: ${w.n}`).join('  '));
		const tet = await engine.query<{ month: string; n: number }>(`
			SELECT strftime(received_at, '%Y-%m') AS month, count(*)::DOUBLE AS n FROM dossiers
			WHERE received_at >= TIMESTAMP '2022-11-01' AND received_at < TIMESTAMP '2023-05-01' GROUP BY ALL ORDER BY month`);
		lines.push('Dossiers by month around Tết 2023 (22/1/2023); target: a dip in January–February');
		lines.push('  ' + tet.map((t) => `${t.month}: ${t.n}`).join('  '));
	} finally {
		await engine.close();
	}
	return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	for (const line of await calibration(process.argv[2] ?? 'data/generated/province.duckdb')) console.log(line);
}

import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
// Node 20 lacks Map.groupBy and Object.groupBy, which vitest's main process uses to report failures: loaded with this
// config, every vitest run has them (npx vitest, npm test).
import './scripts/node20-polyfills.mjs';

/** The figures must not depend on the viewer's time zone: the unit suite runs once in each of these. */
const ZONES = [
	{ name: 'tz-los-angeles', TZ: 'America/Los_Angeles' },
	{ name: 'tz-ho-chi-minh', TZ: 'Asia/Ho_Chi_Minh' }
];

export default defineConfig({
	plugins: [sveltekit()],
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	// The reading worker imports its readers (.xlsx, Parquet) on demand: that needs module workers.
	worker: { format: 'es' },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// Tests open DuckDB files and generate samples: one file at a time suits two cores.
		fileParallelism: false,
		projects: ZONES.map(({ name, TZ }, i) => ({
			extends: true,
			// One zone after the other, Los Angeles first, each a file at a time.
			test: { name, env: { TZ }, sequence: { groupOrder: i + 1 } }
		}))
	}
});

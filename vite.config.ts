import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

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
		fileParallelism: false
	}
});

import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { E2E_SERVERS } from './tests/e2e/servers';

// Playwright cannot download its own browsers here: use Debian's Chromium when it is there,
// Playwright's own where it exists instead.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'tests/.out/playwright',
	timeout: 60_000,
	expect: { timeout: 20_000 },
	workers: 2,
	retries: 0,
	use: {
		viewport: { width: 1920, height: 1080 },
		launchOptions: {
			executablePath,
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		}
	},
	webServer: Object.values(E2E_SERVERS).map((server) => ({
		command: 'root' in server ? `node scripts/serve.mjs --root ${server.root} --port ${server.port}` : `node scripts/serve.mjs --root build --data ${server.data} --port ${server.port}`,
		url: `http://127.0.0.1:${server.port}/${'root' in server ? 'public' : ''}`,
		reuseExistingServer: false,
		timeout: 30_000
	}))
});

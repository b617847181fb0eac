// Installs the npm packages when they are missing or older than package-lock.json.
// Plain Node with no dependencies, so it runs on a fresh clone.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

export function ensureDeps() {
	const marker = 'node_modules/.package-lock.json';
	if (existsSync(marker) && statSync(marker).mtimeMs >= statSync('package-lock.json').mtimeMs) return;
	console.log('Installing npm packages (npm ci)…');
	execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}

if (import.meta.url === `file://${process.argv[1]}`) ensureDeps();

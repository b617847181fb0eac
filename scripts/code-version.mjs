// The code's id: a hash of everything the site's code is built from (the sources, the static
// files, the dependencies' versions, the build's settings), never of the data. SvelteKit's
// default, the time of the build, made every nightly build (new data, same code) a new
// version, and every wall screen would reload each night; with this id a wall reloads only
// for new code (src/service-worker.ts, docs/PUBLISHING.md).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const INPUTS = ['src', 'static', 'package-lock.json', 'svelte.config.js', 'vite.config.ts'];

/** @param {string} path @returns {string[]} */
function filesUnder(path) {
	if (!existsSync(path)) return [];
	if (!statSync(path).isDirectory()) return [path];
	return readdirSync(path)
		.sort()
		.flatMap((name) => filesUnder(join(path, name)));
}

/** The first 12 hex digits of the SHA-256 of the code's files, names and contents. */
export function codeVersion(root = '.') {
	const hash = createHash('sha256');
	for (const file of INPUTS.flatMap((p) => filesUnder(join(root, p))))
		hash
			.update(`${relative(root, file)}\0`)
			.update(readFileSync(file))
			.update('\0');
	return hash.digest('hex').slice(0, 12);
}

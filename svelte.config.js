import { fileURLToPath } from 'node:url';
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { codeVersion } from './scripts/code-version.mjs';

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		// Prerendered files only: a province copies build/ to any web server. SITE_OUT is where
		// scripts/build-public.mjs builds before keeping only the public pages.
		adapter: adapter({ pages: process.env.SITE_OUT ?? 'build', assets: process.env.SITE_OUT ?? 'build', fallback: undefined, precompress: false, strict: true }),
		paths: { relative: true },
		// The service worker is the wall's alone: its page registers it, for its own address only.
		serviceWorker: { register: false },
		// The code's id, not the build's time: a nightly build with new data alone is the same version.
		version: { name: codeVersion(fileURLToPath(new URL('.', import.meta.url))) }
	}
};

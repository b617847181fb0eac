import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		// Prerendered files only: a province copies build/ to any web server. SITE_OUT is where
		// scripts/build-public.mjs builds before keeping only the public pages.
		adapter: adapter({ pages: process.env.SITE_OUT ?? 'build', assets: process.env.SITE_OUT ?? 'build', fallback: undefined, precompress: false, strict: true }),
		paths: { relative: true }
	}
};

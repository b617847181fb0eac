/**
 * The language of each page's HTML, written into the prerendered file (app.html's %lang%):
 * the English public pages (/public/en, /public/widget/en) are English; every other page is
 * Vietnamese, the default, and a page opened with ?lang=en says so itself in the browser.
 */
import type { Handle } from '@sveltejs/kit';

export const handle: Handle = ({ event, resolve }) => {
	const lang = event.route.id?.endsWith('/en') ? 'en' : 'vi';
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};

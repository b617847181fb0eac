// Every page is prerendered to static HTML; the data is read in the browser.
export const prerender = true;
export const trailingSlash = 'never';

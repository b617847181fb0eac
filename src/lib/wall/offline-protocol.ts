/** What the wall's page and its service worker (src/service-worker.ts) say to each other. */

/** Set on an answer the service worker gave from its copy because the network could not be reached. */
export const COPY_HEADER = 'x-wall-copy';

/** The page's message listing what it loaded before the service worker controlled it, to be kept. */
export const KEEP_MESSAGE = 'wall-keep';

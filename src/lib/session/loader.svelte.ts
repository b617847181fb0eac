/**
 * A page's view of the shared engine session (session.ts) as reactive state: the loading
 * step while it opens, the session once open, or why it could not open.
 */
import { onMount } from 'svelte';
import { base } from '$app/paths';
import type { MessageKey } from '../core/i18n/messages';
import { openSession, type Session } from './session';

export const errorMessage = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Create during a component's initialisation: the session opens when the page mounts. */
export class SessionLoader {
	step = $state<MessageKey>('loadingManifest');
	session = $state.raw<Session | null>(null);
	failure = $state<string | null>(null);

	constructor() {
		onMount(() => {
			openSession(base, (s) => (this.step = s)).then(
				(s) => (this.session = s),
				(e) => (this.failure = errorMessage(e))
			);
		});
	}
}

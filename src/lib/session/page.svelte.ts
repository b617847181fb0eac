/**
 * What every page does the same way, so each route only draws: open the shared session
 * (session.ts), read the page's address again after each navigation, and compute the figures
 * the address asks for through the coordinator, keeping the last ones on screen meanwhile.
 *
 * Create during a component's initialisation (it registers onMount and afterNavigate).
 */
import { onMount } from 'svelte';
import { afterNavigate } from '$app/navigation';
import { base } from '$app/paths';
import type { Querier } from '../core/engine/types';
import { Superseded, type Priority } from '../core/engine/coordinator';
import type { Locale } from '../core/format/format';
import type { MessageKey } from '../core/i18n/messages';
import { openSession, type Session } from './session';

export const errorMessage = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class PageSession<Address> {
	/** The loading step while the session opens. */
	step = $state<MessageKey>('loadingManifest');
	session = $state.raw<Session | null>(null);
	/** Why the session could not open. */
	failure = $state<string | null>(null);
	/** Whether the engine is up: until then the page may draw the first view's bundle, but not much more. */
	engineReady = $state(false);
	/** What the address asks for. */
	address: Address = $state.raw(undefined as unknown as Address);

	constructor(
		parse: (params: URLSearchParams) => Address,
		initial: Address,
		/** The page's language in the address: the document says it, for screen readers and hyphenation. */
		lang: (address: Address) => Locale
	) {
		this.address = initial;
		$effect(() => {
			document.documentElement.lang = lang(this.address);
		});
		// Also runs after the first render and on back/forward: the address is the source of truth.
		// The address as the browser shows it, not the navigation's own URL: going back, after a
		// reload, to a history entry the dashboard wrote itself (a shallow entry) restored the
		// wrong view with the latter (dashboard-fixture.spec.ts, reload then back).
		afterNavigate(() => (this.address = parse(new URL(window.location.href).searchParams)));
		onMount(() => {
			openSession(base, (s) => (this.step = s)).then(
				(s) => {
					this.session = s;
					s.db.ready.then(() => (this.engineReady = true)).catch((e) => (this.failure = errorMessage(e)));
				},
				(e) => (this.failure = errorMessage(e))
			);
		});
	}

	/** After a load changed the data: the new session. */
	replace(session: Session): void {
		this.session = session;
	}
}

/**
 * The figures an address asks for, computed through the coordinator: the newest asked for
 * wins, an older answer arriving late is dropped, and the queries of a superseded request
 * that have not started are dropped too, so a click never waits behind them.
 */
export class Figures<Address, Data> {
	data = $state.raw<Data | null>(null);
	/** The address whose figures are on screen (it lags the one asked for while a query runs). */
	shown = $state.raw<Address | null>(null);
	busy = $state(true);
	failure = $state<string | null>(null);
	private owner: object | null = null;
	private asked: { key: string; session: Session; result: Promise<Data | null> } | null = null;

	constructor(
		private readonly compute: (db: Querier, session: Session, address: Address) => Promise<Data>,
		/** The same key for two addresses that show the same figures. */
		private readonly key: (address: Address) => string,
		/** The coordinator's lane they are asked in: `soon` for what follows a view's first figures. */
		private readonly priority: Priority = 'now'
	) {}

	/** Asks for the figures of `address`; resolves with them once they are on screen (null when superseded or failed). */
	show(session: Session, address: Address): Promise<Data | null> {
		const key = this.key(address);
		// Asked again as the navigation ends (it was asked as it started): the same request.
		if (this.asked?.key === key && this.asked.session === session) return this.asked.result;
		const result = this.run(session, address);
		this.asked = { key, session, result };
		return result;
	}

	private async run(session: Session, address: Address): Promise<Data | null> {
		if (this.owner) session.db.drop(this.owner);
		const mine = (this.owner = {});
		this.busy = true;
		try {
			const data = await this.compute(session.db.lane(this.priority, mine), session, address);
			if (mine !== this.owner) return null; // a newer address was asked for meanwhile
			this.data = data;
			this.shown = address;
			this.failure = null;
			return data;
		} catch (e) {
			if (mine === this.owner) {
				this.asked = null; // asking again tries again
				if (!(e instanceof Superseded)) this.failure = errorMessage(e);
			}
			return null;
		} finally {
			if (mine === this.owner) this.busy = false;
		}
	}
}

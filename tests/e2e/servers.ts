/** Added to every port, so two checkouts on one machine can run their browser tests at once. */
const OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);

/** The built site served several times, each with other data (tests/e2e/prepare.ts writes them). */
export const E2E_SERVERS = {
	/** The hand-computed `basic` fixture (tests/fixtures/basic). */
	fixture: { port: 4311 + OFFSET, data: 'tests/.out/data-fixture' },
	/** The hand-computed `report` fixture (tests/fixtures/report): the Biểu 06 form. */
	report: { port: 4314 + OFFSET, data: 'tests/.out/data-report' },
	/** A small sample province, ending on a fixed day. */
	sample: { port: 4312 + OFFSET, data: 'tests/.out/data-sample' },
	/** No data at all: the page must say so in words. */
	missing: { port: 4313 + OFFSET, data: 'tests/.out/data-missing' },
	/** The `basic` fixture again, in a folder the wall tests change behind the running page. */
	wall: { port: 4315 + OFFSET, data: 'tests/.out/data-wall' },
	/** The hand-counted `duesoon` fixture (tests/fixtures/duesoon): a weekend and a holiday, its last day Thursday 30/3/2023. (4317 and 4318 are database-reads.spec.ts's and publishing.spec.ts's own.) */
	duesoon: { port: 4319 + OFFSET, data: 'tests/.out/data-duesoon' },
	/** The public pages built on their own from the sample (npm run build:public): no site, no data beside them. */
	public: { port: 4316 + OFFSET, root: 'tests/.out/public-sample' }
} as const;

/** The public output's source: the sample database it was built from. */
export const PUBLIC_FROM = 'tests/.out/data-sample';

export const SAMPLE_END = '2026-11-20';
export const SAMPLE_SIZE = 20_000;

export function siteUrl(server: keyof typeof E2E_SERVERS, path = '/'): string {
	return `http://127.0.0.1:${E2E_SERVERS[server].port}${path}`;
}

import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default defineConfig(
	// Build outputs, installed packages, test output, data and static files: nothing written by hand to lint.
	globalIgnores(['.svelte-kit/', 'build/', 'build-public/', 'node_modules/', 'tests/.out/', 'test-results/', 'playwright-report/', 'data/', 'bench/.cache/', 'static/']),
	// A disable comment that no longer silences anything is itself an error, so none outlives its reason.
	{ linterOptions: { reportUnusedDisableDirectives: 'error' } },
	js.configs.recommended,
	ts.configs.recommended,
	svelte.configs.recommended,
	{
		languageOptions: {
			// The same modules run in the browser and in Node (scripts, tests, the ingest command).
			globals: { ...globals.browser, ...globals.node },
			parserOptions: { extraFileExtensions: ['.svelte'] }
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { parser: ts.parser, svelteConfig } }
	},
	{
		files: ['**/*.svelte'],
		// As typescript-eslint does for .ts files: TypeScript (npm run check) reports undefined names, and knows the types and
		// ambient declarations that no-undef does not.
		rules: { 'no-undef': 'off' }
	},
	{
		rules: {
			// Dead code: a name or a private member that nothing reads. A leading _ marks one kept on purpose.
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
			'no-unused-private-class-members': 'error',
			// The pages link with `base` from $app/paths (relative paths: the built site is served from any folder) and keep the
			// language and the view in the query (`?lang=en`, `?period=…`); the rule accepts a bare resolve() call only.
			'svelte/no-navigation-without-resolve': 'off',
			// An unkeyed each updates its items in place, as chart marks, axis ticks and options are meant to be. A key that turns
			// out not to be unique throws at run time, so the code keys the lists whose items have an identity (table rows, wall
			// scenes), not every list.
			'svelte/require-each-key': 'off',
			// State here holds values that are replaced, never changed in place ($state.raw: a new Date each second, a new
			// Set of open agencies): the reactive SvelteDate, SvelteSet and SvelteMap would only add proxies. The rule cannot
			// tell a value that is replaced from one that is mutated.
			'svelte/prefer-svelte-reactivity': 'off'
		}
	}
);

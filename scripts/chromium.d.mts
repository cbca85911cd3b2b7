// Types for scripts/chromium.mjs, so playwright.config.ts can import it.

/** Chromium launch flags used by the end-to-end tests. */
export declare const CHROMIUM_ARGS: readonly string[];

/** What to run when no Chromium can be found or installed. */
export declare const INSTALL_HELP: string;

/** The path of a usable Chromium, or null. Never installs anything. */
export declare function findChromium(): string | null;

/** The path of a usable Chromium, installing one if it can; throws otherwise. */
export declare function ensureChromium(): string;

/** Where Debian's `firefox-esr` package puts the browser. */
export declare const FIREFOX_ESR: string;
/** The Firefox binary to drive (`FIREFOX_PATH`, else Debian's `firefox-esr`), or `undefined` when none is installed. */
export declare function firefoxPath(): string | undefined;

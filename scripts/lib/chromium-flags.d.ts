/** Flags every headless Chromium run here gets (sandbox, GPU and the browser's own traffic off). */
export declare const CHROMIUM_ARGS: readonly string[];
/** The Chromium binary to drive (`CHROME_PATH`, else Debian's), or `undefined` when none is installed. */
export declare function chromiumPath(): string | undefined;

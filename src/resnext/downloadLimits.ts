/**
 * The limits of a resumable download (resumableFetch.ts), apart from its code: the app's start-up reads them
 * (the stall timeout, the progress bar's count of restarts) without loading the downloader.
 */

/** How long a download may go without a byte before it restarts (the default). */
export const STALL_MS = 15_000;
/** How many times a stalled download restarts before it fails (the default). */
export const MAX_RESTARTS = 3;

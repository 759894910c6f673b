/** Milliseconds as the bench prints them: whole from 100 ms up, two decimals below. */
export const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(2));

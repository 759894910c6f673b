export const step = {} as const;

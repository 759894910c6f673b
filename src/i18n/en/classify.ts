export const classify = {} as const;

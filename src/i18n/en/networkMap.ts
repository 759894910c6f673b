/** Messages of the whole network on one screen. */
export const networkMap = {
};

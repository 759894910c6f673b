/** Messages of why grouped convolutions ran slow: arithmetic intensity and the live measurement. */
export const groupedCost = {
};

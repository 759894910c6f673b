/** Messages of the connectivity figure (Overview) and the forms as matrices (Forms). */
export const connectivity = {
};

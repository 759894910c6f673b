/** Messages of the one-output detail views of the step-through (src/app/sections/step/oneOutput/). */
export const oneOutput = {
};

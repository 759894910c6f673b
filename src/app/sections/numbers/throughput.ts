/** The batch of the family's inference-throughput measurements (the metrics' `infer_imgs_per_s_b1024`). */
export const THROUGHPUT_BATCH = 1024;

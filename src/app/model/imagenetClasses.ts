/** The 1,000 ImageNet class names (English), fetched from public/data/ the first time a model needs them. */
let cached: Promise<string[]> | null = null;

export function loadImagenetClasses(): Promise<string[]> {
  cached ??= fetch(`${import.meta.env.BASE_URL}data/imagenet_classes.json`)
    .then((res) => {
      if (!res.ok) throw new Error(`imagenet_classes.json: HTTP ${res.status}`);
      return res.json() as Promise<unknown>;
    })
    .then((names) => {
      if (!Array.isArray(names) || names.length !== 1000 || !names.every((n) => typeof n === 'string')) {
        throw new Error('imagenet_classes.json does not hold 1,000 names');
      }
      return names as string[];
    })
    .catch((err: unknown) => {
      cached = null;
      throw err;
    });
  return cached;
}

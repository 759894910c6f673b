import { WeightsError } from './errors';
import { loadModelFromUrl, type LoadModelOptions, type ResNeXtModel } from './model';
import { fetchManifest, manifestFileUrl, type ManifestEntry, type ModelManifest } from './modelManifest';
import { fileNameOf, type FetchWeightsOptions } from './safetensors';

/**
 * Loads weights listed in a manifest (default: its `default`), checking their SHA-256. Progress reports
 * the manifest's byte count as the total when the server sends no Content-Length.
 */
export async function loadModelFromManifest(
  manifestUrl: string,
  path?: string,
  opts: FetchWeightsOptions & LoadModelOptions = {},
): Promise<{ model: ResNeXtModel; entry: ManifestEntry; manifest: ModelManifest }> {
  const manifest = await fetchManifest(manifestUrl, opts.fetchImpl);
  const want = path ?? manifest.default;
  const entry = manifest.files.find((f) => f.path === want);
  if (!entry)
    throw new WeightsError('manifest', { file: fileNameOf(manifestUrl), reason: `no entry ${want}` });
  const onProgress = opts.onProgress;
  const model = await loadModelFromUrl(manifestFileUrl(manifestUrl, entry.path), {
    ...opts,
    expectedSha256: entry.sha256,
    onProgress: onProgress && ((loaded, total) => onProgress(loaded, total ?? entry.bytes)),
  });
  return { model, entry, manifest };
}

import type { Connect, Plugin } from 'vite';

/*
 * The type the browser tests' server gives weights files (added in globalSetup.ts).
 *
 * Vite's static file server knows no type for `.safetensors` and sends an empty Content-Type, which the
 * preview server's compression treats as text: it gzipped the 4.9 MB default weights and each 9.7 MB family
 * file again on every request (0.2–0.5 s of CPU each, for files 7–10% smaller), hundreds of times a run on
 * the same two cores as the browsers. The tests' server sends them as application/octet-stream, uncompressed,
 * as static hosts commonly do. `npm run preview` and `npm run bench` keep Vite's behaviour (the benchmark's
 * bytes over the wire are the compressed ones).
 */

export const WEIGHTS_CONTENT_TYPE = 'application/octet-stream';

/** Sets the type of a `.safetensors` request before the static files are served (they keep a type set before them). */
const weightsContentTypeMiddleware: Connect.NextHandleFunction = (req, res, next) => {
  const path = (req.url ?? '').split(/[?#]/)[0];
  if (path.endsWith('.safetensors')) res.setHeader('Content-Type', WEIGHTS_CONTENT_TYPE);
  next();
};

export function weightsContentType(): Plugin {
  return {
    name: 'resnext-explorer:e2e-weights-content-type',
    configurePreviewServer: (server) => void server.middlewares.use(weightsContentTypeMiddleware),
  };
}

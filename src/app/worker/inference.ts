import { InferenceClient, type WorkerPort } from './inferenceClient';

/*
 * The page's one inference worker (inferenceClient.ts). Where there are no module workers (Node in the unit
 * tests), there is no worker and the page computes everything, as the client's null answers say.
 */

declare global {
  interface Window {
    /**
     * Set by browser tests only (page.addInitScript), before the app loads: no worker, so that the page
     * computes everything, to compare with the worker. The app itself never sets it, and only the tests'
     * bundle reads it (src/app/backend/testHooks.ts).
     */
    __resnextNoInferenceWorker?: boolean;
  }
}

const workersAllowed = (): boolean =>
  typeof Worker !== 'undefined' &&
  !(__TEST_HOOKS__ && typeof window !== 'undefined' && window.__resnextNoInferenceWorker);

const spawn = (): WorkerPort =>
  new Worker(new URL('./inference.worker.ts', import.meta.url), { type: 'module', name: 'inference' });

let client: InferenceClient | null = null;

export function inferenceClient(): InferenceClient {
  client ??= new InferenceClient(workersAllowed() ? spawn : null);
  return client;
}

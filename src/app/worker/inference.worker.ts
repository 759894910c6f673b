import { createInferenceService } from './inferenceService';
import { serveInference } from './serveInference';
import { startWorkerBackend } from './startWorkerBackend';

/*
 * The inference worker: TensorFlow.js on a thread of its own (see protocol.ts for what it is asked).
 * Calls are handled one at a time, in the order they came.
 */
serveInference(createInferenceService(startWorkerBackend));

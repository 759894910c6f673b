import type { BackendName } from '../../backend/types';
import type { EpochEvent, LabSettings, RunResult, StepEvent, StepTimes } from '../../../resnext/train/labRun';

/** Messages between the lab section and its training worker (lab.worker.ts). */
export type LabRequest =
  | { type: 'estimate'; backend: BackendName; dataUrl: string; settings: LabSettings }
  | { type: 'start'; backend: BackendName; dataUrl: string; settings: LabSettings }
  | { type: 'pause' }
  | { type: 'resume' };

/** Error codes of the lab, rendered through the catalogs (`lab.error.*`). */
export type LabErrorCode = 'data' | 'integrity' | 'backend' | 'training';

export type LabReply =
  | { type: 'phase'; phase: 'backend' | 'data' | 'measuring' | 'training'; backend?: BackendName }
  | { type: 'estimate'; times: [number, StepTimes][]; ms: number }
  | ({ type: 'step' } & StepEvent)
  | ({ type: 'epoch' } & EpochEvent)
  | { type: 'run'; result: RunResult; numTensors: number }
  | { type: 'done'; numTensors: number; ms: number }
  | { type: 'error'; code: LabErrorCode; detail: string };

import { useEffect, useMemo } from 'react';
import type { ResNeXtModel } from '../../../resnext/model';
import type { BlockConfig } from '../../block/blockConfig';
import { formatShape } from '../../block/format';
import { useImageStore, useModelStore, type CurrentImage } from '../../model';
import type { ProofSource } from './proofRunner';

export interface TrainedProofChoice {
  /** the proof on the loaded model's block, when the reader's block is one of its blocks and a picture is there */
  source: ProofSource | null;
  /** changes whenever the model, picture or block does */
  key: string;
  /** the input shape, for the note */
  shape: string | null;
  /** true when the block is the trained 32×4d model's but the model or picture is not (yet) there */
  unavailable: boolean;
}

/** The block of the default trained ResNeXt-29 32×4d: a CIFAR stage with C = 32 and network d = 4. */
function matchesTrainedModel(cfg: BlockConfig): boolean {
  return cfg.stage.family === 'resnext29' && cfg.cardinality === 32 && cfg.networkD === 4;
}

/** The second block of the stage, whose input and output widths agree (no projection shortcut). */
function trainedBlockName(cfg: BlockConfig): string {
  return `layer${cfg.stage.id.slice(-1)}.1`;
}

/** Whether the model has the reader's block: same name, widths and groups. */
function modelHasBlock(model: ResNeXtModel, cfg: BlockConfig): boolean {
  if (cfg.stage.family !== 'resnext29' || model.spec.stem !== 'cifar') return false;
  const b = model.spec.stages.flat().find((x) => x.name === trainedBlockName(cfg));
  return (
    !!b &&
    b.groups === cfg.cardinality &&
    b.width === cfg.width &&
    b.inChannels === cfg.stage.inChannels &&
    b.outChannels === cfg.stage.outChannels
  );
}

const ids = new WeakMap<object, number>();
let nextId = 0;
/** A number that names an object for as long as it lives, for effect keys. */
function idOf(o: object): number {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = ++nextId));
  return id;
}

/**
 * Picks the trained block for the proof when the reader's block is one the shared model has. For the default
 * model's block (32×4d at a CIFAR stage) it asks the shared stores to load the model and picture; until they
 * are there, or for other blocks, the proof runs on random weights. TensorFlow.js is only loaded when it runs.
 */
export function useTrainedProofSource(cfg: BlockConfig): TrainedProofChoice {
  const wanted = matchesTrainedModel(cfg);
  const modelStore = useModelStore();
  const imageStore = useImageStore();
  const acquireModel = modelStore.acquire;
  const acquireImage = imageStore.acquire;
  useEffect(() => (wanted ? acquireModel() : undefined), [wanted, acquireModel]);
  useEffect(() => (wanted ? acquireImage() : undefined), [wanted, acquireImage]);

  const model = modelStore.status === 'ready' ? modelStore.model : null;
  const image: CurrentImage | null = imageStore.image;
  const usable = !!model && !!image && modelHasBlock(model, cfg);
  const block = trainedBlockName(cfg);

  return useMemo<TrainedProofChoice>(() => {
    if (!usable || !model || !image) return { source: null, key: '', shape: null, unavailable: wanted };
    const { spatial, inChannels } = cfg.stage;
    const source: ProofSource = {
      kind: 'trained',
      block,
      load: async () => {
        const [{ makeInput }, { trainedProofTensors }] = await Promise.all([
          import('../../model/makeInput'),
          import('./trainedSource'),
        ]);
        const input = makeInput(model, image.pixels);
        try {
          return trainedProofTensors(model, input, block);
        } finally {
          input.dispose();
        }
      },
    };
    return {
      source,
      key: `${block}|${idOf(model)}|${idOf(image)}`,
      shape: formatShape([1, spatial, spatial, inChannels]),
      unavailable: false,
    };
  }, [usable, model, image, block, cfg.stage, wanted]);
}

import { useCallback, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { NetworkSpec } from '../../../resnext/spec';
import { STEP_IDS, STEPS, stepIndex, type DiagramNode } from '../../../resnext/stepThrough';
import type { Normalisation } from '../../../viz/activations/normalise';
import { useT } from '../../i18n/useT';
import { useAppState } from '../../state/AppStateContext';
import { BlockStripView } from './BlockStripView';
import { GroupView } from './GroupView';
import { MergeView } from './MergeView';
import { NormToggle } from './NormToggle';
import { StepControls } from './StepControls';
import { StepDetails } from './StepDetails';
import { stepNav, keyAction, type NavAction } from './stepNav';
import { blockTextParams } from './stepText';
import { TensorMaps } from './TensorMaps';
import type { TraceReader } from './traceReader';
import { usePlayback } from './usePlayback';

/** Elements that use the arrow keys themselves. */
const OWN_KEYS = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'CANVAS']);

/** The walk through one computed block: controls, where the step is, what it does, and its tensors. */
export function StepWalker({ reader, network }: { reader: TraceReader; network: NetworkSpec }) {
  const t = useT();
  const [state, update] = useAppState();
  const [playing, setPlaying] = useState(false);
  const [normalisation, setNormalisation] = useState<Normalisation>('channel');
  const [choice, setChoice] = useState<Record<string, number>>({});
  const hintId = useId();
  const index = stepIndex(state.step);
  const def = STEPS[index];
  const spec = reader.trace.spec;
  const side = reader.shape('in')[1];
  const params = useMemo(
    () => ({ ...blockTextParams(t, network, spec), h: side, w: side }),
    [t, network, spec, side],
  );
  const titles = useMemo(() => STEPS.map((s) => t(s.titleKey, params)), [t, params]);

  const dispatch = useCallback(
    (action: NavAction) => {
      const next = stepNav({ index, playing }, action, STEPS.length);
      setPlaying(next.playing);
      if (next.index !== index) update({ step: STEP_IDS[next.index] });
    },
    [index, playing, update],
  );
  const tick = useCallback(() => dispatch({ type: 'tick' }), [dispatch]);
  usePlayback(playing, index, tick);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const target = e.target as HTMLElement;
    if (OWN_KEYS.has(target.tagName) || target.isContentEditable) return;
    const action = keyAction(e.key);
    if (!action) return;
    e.preventDefault();
    dispatch(action);
  };

  const onNode = useCallback(
    (node: DiagramNode) => {
      const i = STEPS.findIndex((s) => s.highlight === node);
      if (i >= 0) dispatch({ type: 'goto', index: i });
    },
    [dispatch],
  );
  const onGroup = useCallback((g: number) => update({ group: g }), [update]);

  const shown = Math.min(choice[def.id] ?? def.tensors.length - 1, def.tensors.length - 1);
  const tensor = def.tensors[shown];

  return (
    <div
      className="st-walker"
      tabIndex={0}
      role="region"
      aria-label={t('section.step.title')}
      aria-describedby={hintId}
      data-testid="step-walker"
      data-step={def.id}
      data-block={spec.name}
      onKeyDown={onKeyDown}
    >
      <p id={hintId} className="st-hint">
        {t('step.keyboardHint')}
      </p>
      <StepControls
        index={index}
        count={STEPS.length}
        playing={playing}
        titles={titles}
        dispatch={dispatch}
      />
      <BlockStripView
        spec={spec}
        params={params}
        current={def.highlight}
        stepTitle={titles[index]}
        onSelect={onNode}
      />
      <StepDetails def={def} spec={spec} params={params} shapeOf={(n) => reader.shape(n)} side={side} />
      <div className="st-view-options">
        <NormToggle value={normalisation} onChange={setNormalisation} />
        {def.tensors.length > 1 && (
          <fieldset className="st-radios" data-testid="tensor-choice">
            <legend>{t('step.tensor.choice')}</legend>
            {def.tensors.map((name, i) => (
              <label key={name}>
                <input
                  type="radio"
                  name={`st-tensor-${def.id}`}
                  checked={i === shown}
                  onChange={() => setChoice((c) => ({ ...c, [def.id]: i }))}
                />
                {t(`step.tensor.${name}`)}
              </label>
            ))}
          </fieldset>
        )}
      </div>
      {def.panel === 'group' ? (
        <GroupView
          reader={reader}
          spec={spec}
          group={state.group}
          onGroup={onGroup}
          normalisation={normalisation}
        />
      ) : def.panel === 'merge' ? (
        <MergeView
          reader={reader}
          spec={spec}
          group={state.group}
          onGroup={onGroup}
          normalisation={normalisation}
        />
      ) : (
        <TensorMaps
          reader={reader}
          tensor={tensor}
          spec={spec}
          normalisation={normalisation}
          highlightGroup={Math.min(state.group, spec.groups - 1)}
        />
      )}
    </div>
  );
}

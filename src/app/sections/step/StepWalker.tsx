import { useCallback, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { NetworkSpec } from '../../../resnext/spec';
import { STEP_IDS, STEPS, stepIndex, type DiagramNode } from './steps';
import { useT } from '../../i18n/useT';
import { useAppState } from '../../state/AppStateContext';
import { formatAt, parseAt } from '../../state/appState';
import type { MapPoint } from './MapCanvas';
import { Figure } from '../../layout/Figure';
import { AddView } from './AddView';
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
import './oneOutput/oneOutput.css';

/** Elements that use the arrow keys themselves. */
const OWN_KEYS = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'CANVAS']);

/** The walk through one computed block: controls, where the step is, what it does, and its tensors. */
export function StepWalker({ reader, network }: { reader: TraceReader; network: NetworkSpec }) {
  const t = useT();
  const [state, update] = useAppState();
  const [playing, setPlaying] = useState(false);
  const normalisation = state.colors;
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
  const onChannel = useCallback((channel: number) => update({ channel }), [update]);
  const at = parseAt(state.at);
  // In the transform step a pick names the channel within the group; in the merge step the map is one channel.
  const onPickGrouped = useCallback(
    (p: MapPoint) => update({ channel: p.channel, at: formatAt(p.y, p.x) }),
    [update],
  );
  const onPickMerge = useCallback((p: MapPoint) => update({ at: formatAt(p.y, p.x) }), [update]);

  // The BN + ReLU steps show the batch-norm output or the ReLU output (bnView); the others their result.
  const choosable = def.tensors.length > 1;
  const shown = choosable && state.bnView === 'bn' ? 0 : def.tensors.length - 1;
  const tensor = def.tensors[shown];
  const choiceNames = choosable ? def.tensors : (['bn1', 'relu1'] as const);

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
      <Figure id="fig-step-block" kind="step-block" className="st-fig" label={t('step.strip.title', params)}>
        <BlockStripView
          spec={spec}
          params={params}
          current={def.highlight}
          stepTitle={titles[index]}
          onSelect={onNode}
        />
      </Figure>
      <div className="st-details-stack">
        {STEPS.map((s, i) => (
          <StepDetails
            key={s.id}
            def={s}
            spec={spec}
            params={params}
            shapeOf={(n) => reader.shape(n)}
            side={side}
            current={i === index}
          />
        ))}
      </div>
      <div className="st-view-options">
        <NormToggle value={normalisation} onChange={(colors) => update({ colors })} />
        {/* hidden (taking no room) where the step has one tensor */}
        <fieldset
          className={choosable ? 'st-radios' : 'st-radios is-idle'}
          data-testid={choosable ? 'tensor-choice' : undefined}
          aria-hidden={choosable ? undefined : true}
          disabled={!choosable}
        >
          <legend>{t('step.tensor.choice')}</legend>
          {choiceNames.map((name, i) => (
            <label key={name}>
              <input
                type="radio"
                name={`st-tensor-${def.id}`}
                value={i === 0 ? 'bn' : 'relu'}
                checked={choosable && i === shown}
                data-testid={choosable ? `tensor-${i === 0 ? 'bn' : 'relu'}` : undefined}
                onChange={() => update({ bnView: i === 0 ? 'bn' : 'relu' })}
              />
              {t(`step.tensor.${name}`)}
            </label>
          ))}
        </fieldset>
      </div>
      <Figure id="fig-step-maps" kind="step-maps" className="st-fig" label={t('step.panel.label')}>
        <div
          className="st-panel"
          tabIndex={0}
          role="region"
          aria-label={t('step.panel.label')}
          data-testid="step-panel"
        >
          {def.panel === 'group' ? (
            <GroupView
              reader={reader}
              spec={spec}
              group={state.group}
              onGroup={onGroup}
              normalisation={normalisation}
              channel={state.channel}
              at={at}
              onPick={onPickGrouped}
            />
          ) : def.panel === 'merge' ? (
            <MergeView
              reader={reader}
              spec={spec}
              group={state.group}
              onGroup={onGroup}
              channel={state.channel}
              onChannel={onChannel}
              normalisation={normalisation}
              at={at}
              onPick={onPickMerge}
            />
          ) : def.id === 'add' ? (
            <AddView
              reader={reader}
              spec={spec}
              channel={state.channel}
              onChannel={onChannel}
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
      </Figure>
    </div>
  );
}

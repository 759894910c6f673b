import { useMemo, useState } from 'react';
import { formatBytes, type ProofPlan } from '../../../resnext/budget';
import type { BlockConfig } from '../../block/blockConfig';
import { formatFixed, formatMs, formatSci, formatShape } from '../../block/format';
import { useBackend } from '../../backend/BackendContext';
import { useT } from '../../i18n/useT';
import { useAppState } from '../../state/AppStateContext';
import type { ProofResult } from './proofRunner';
import { PROOF_SEED, randomProofSource, useFormsProof } from './useFormsProof';
import { useTrainedProofSource } from './useTrainedProofSource';
import { backendText } from '../../block/backendText';

/** Differences above this (relative to the output's size) are more than float32 rounding. */
const TOLERANCE = 1e-4;

/** Runs forms (a), (b) and (c) on one set of weights and shows how far apart their outputs are, and their speed. */
export function NumericalProof({ config }: { config: BlockConfig }) {
  const t = useT();
  const [{ lang }] = useAppState();
  const [nonce, setNonce] = useState(0);
  const backend = useBackend().info?.name ?? '';
  const trained = useTrainedProofSource(config);
  // each "Run again" draws new random weights and a new input: the seed moves on by one
  const seed = PROOF_SEED + nonce;
  const { source: random, plan } = useMemo(
    () => randomProofSource(config, backend || null, seed),
    [config, backend, seed],
  );
  const source = trained.source ?? random;
  const sourceKey = trained.source ? `trained:${trained.key}` : JSON.stringify(random);
  const refusal = useMemo(
    () =>
      source.kind === 'random' && plan.refused
        ? {
            key: 'error.app.over-budget' as const,
            params: { needed: formatBytes(plan.requestedBytes), budget: formatBytes(plan.budget) },
          }
        : null,
    [source.kind, plan],
  );
  const state = useFormsProof(source, sourceKey, nonce, refusal);

  const sourceNote =
    source.kind === 'trained'
      ? t('forms.proof.sourceTrained', { block: source.block, shape: trained.shape ?? '' })
      : t('forms.proof.sourceRandom', {
          seed,
          shape: formatShape([1, random.spatial, random.spatial, random.inChannels]),
        });

  return (
    <div className="fm-proof" data-testid="forms-proof" data-status={state.status}>
      <p>{t('forms.proof.intro')}</p>
      <p className="blk-note" data-testid="proof-source" data-source={source.kind}>
        {sourceNote}
      </p>
      {source.kind === 'random' && plan.reduced && !plan.refused && (
        <p className="blk-note" role="note" data-testid="proof-budget" data-paths={plan.block.cardinality}>
          {budgetNote(t, plan)}
        </p>
      )}
      {source.kind === 'random' && !plan.reduced && source.spatial !== config.stage.spatial && (
        <p className="blk-note" data-testid="proof-size">
          {t('forms.proof.smallerInput', {
            diagram: formatShape([1, config.stage.spatial, config.stage.spatial, config.stage.inChannels]),
            shape: formatShape([1, source.spatial, source.spatial, source.inChannels]),
          })}
        </p>
      )}
      {trained.unavailable && source.kind === 'random' && (
        <p className="blk-note" data-testid="proof-no-trained">
          {t('forms.proof.noTrained')}
        </p>
      )}
      <p role="status" className="fm-proof-status">
        {state.status === 'waiting' && t('forms.proof.waiting')}
        {state.status === 'running' && t('forms.proof.running', { backend: backendText(t, backend) })}
        {state.status === 'error' && (
          <span data-testid="proof-error" data-code={state.error.key}>
            {t('forms.proof.error', { message: t(state.error.key, state.error.params) })}
          </span>
        )}
        {state.status === 'done' && verdict(t, state.result)}
      </p>
      {state.status === 'done' && <ProofNumbers result={state.result} lang={lang} />}
      <button type="button" onClick={() => setNonce((n) => n + 1)} disabled={state.status === 'running'}>
        {t('forms.proof.rerun')}
      </button>
    </div>
  );
}

function budgetNote(t: ReturnType<typeof useT>, plan: ProofPlan): string {
  const { requested: asked, block } = plan;
  const common = {
    needed: formatBytes(plan.requestedBytes),
    budget: formatBytes(plan.budget),
    side: block.spatial,
  };
  return block.cardinality < asked.cardinality
    ? t('trust.proof.reducedPaths', {
        ...common,
        cardinality: asked.cardinality,
        d: asked.d,
        paths: block.cardinality,
      })
    : t('trust.proof.reducedSide', { ...common, full: asked.spatial });
}

const agrees = (r: ProofResult) => Math.max(r.maxDiffAB, r.maxDiffAC) <= TOLERANCE * Math.max(1, r.maxAbs);

function verdict(t: ReturnType<typeof useT>, r: ProofResult): string {
  return agrees(r) ? t('forms.proof.verdict') : t('forms.proof.verdictBad');
}

function ProofNumbers({ result: r, lang }: { result: ProofResult; lang: 'en' | 'zh' }) {
  const t = useT();
  return (
    <div className="fm-proof-numbers">
      <dl className="fm-diffs" data-ok={String(agrees(r))} data-block={r.block} data-testid="proof-verdict">
        <div>
          <dt>{t('forms.proof.maxAB')}</dt>
          <dd data-testid="max-diff-ab" data-value={r.maxDiffAB}>
            {formatSci(r.maxDiffAB)}
          </dd>
        </div>
        <div>
          <dt>{t('forms.proof.maxAC')}</dt>
          <dd data-testid="max-diff-ac" data-value={r.maxDiffAC}>
            {formatSci(r.maxDiffAC)}
          </dd>
        </div>
        <div>
          <dt>{t('forms.proof.scale')}</dt>
          <dd data-testid="max-abs">{formatFixed(r.maxAbs, 3, lang)}</dd>
        </div>
      </dl>
      <table className="blk-table fm-times">
        <caption>
          {t('forms.proof.timeHeading', { runs: r.runs, backend: backendText(t, r.backend) })}
        </caption>
        <tbody>
          {(['a', 'b', 'c'] as const).map((f) => (
            <tr key={f}>
              <th scope="row">{t(`forms.${f}.title`)}</th>
              <td className="num" data-testid={`proof-ms-${f}`}>
                {t('forms.proof.ms', { ms: formatMs(r.medianMs[f], lang) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="blk-note">{t('forms.proof.timeNote')}</p>
    </div>
  );
}

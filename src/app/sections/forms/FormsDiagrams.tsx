import { useCallback, useMemo } from 'react';
import type { BlockForm } from '../../../resnext/blockCounts';
import { renderFormDiagram, type FormDiagramData } from '../../../viz/block/formDiagram';
import type { LayerRef } from '../../../viz/block/layerRef';
import type { BlockConfig } from '../../block/blockConfig';
import { useD3 } from '../../block/useD3';
import { usePrefersReducedMotion } from '../../block/usePrefersReducedMotion';
import { useT } from '../../i18n/useT';
import { useAppState } from '../../state/AppStateContext';
import { describeRef, formDiagramData, FORMS } from './formDiagramData';

interface FormViewProps {
  data: FormDiagramData;
  describe: (ref: LayerRef) => string;
  onSelect: (ref: LayerRef) => void;
  /** milliseconds of a redraw's transitions */
  duration: number;
}

function FormView({ data, describe, onSelect, duration }: FormViewProps) {
  const draw = useCallback(
    (el: HTMLDivElement) => renderFormDiagram(el, data, { describe, onSelect, duration }),
    [data, describe, onSelect, duration],
  );
  const ref = useD3(draw);
  return (
    <div
      ref={ref}
      className="fm-form"
      data-testid={`form-${data.form}`}
      data-cardinality={data.cardinality}
    />
  );
}

/** The paper's Figure 3: forms (a), (b) and (c) of the current block, with linked selection of weights. */
export function FormsDiagrams({
  config,
  selection,
  onSelect,
}: {
  config: BlockConfig;
  selection: LayerRef | null;
  onSelect: (ref: LayerRef) => void;
}) {
  const t = useT();
  const [{ lang }] = useAppState();
  const reduced = usePrefersReducedMotion();
  const views = useMemo(
    () =>
      FORMS.map((form: BlockForm) => ({
        data: formDiagramData(t, lang, config, form, selection),
        describe: (ref: LayerRef) => describeRef(t, lang, config, form, ref),
      })),
    [t, lang, config, selection],
  );
  return (
    <div className="fm-forms">
      {views.map((v) => (
        <FormView
          key={v.data.form}
          data={v.data}
          describe={v.describe}
          onSelect={onSelect}
          duration={reduced ? 0 : 500}
        />
      ))}
    </div>
  );
}

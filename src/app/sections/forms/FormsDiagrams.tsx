import { useCallback, useMemo } from 'react';
import type { BlockForm } from '../../../resnext/blockCounts';
import { renderFormDiagram, type FormDiagramData } from '../../../viz/block/formDiagram';
import type { LayerRef } from '../../../viz/block/layerRef';
import type { BlockConfig } from '../../block/blockConfig';
import { useD3 } from '../../block/useD3';
import { useT } from '../../i18n/useT';
import { useAppState } from '../../state/AppStateContext';
import { describeRef, formDiagramData, FORMS } from './formDiagramData';

interface FormViewProps {
  data: FormDiagramData;
  describe: (ref: LayerRef) => string;
  onSelect: (ref: LayerRef) => void;
}

function FormView({ data, describe, onSelect }: FormViewProps) {
  const draw = useCallback(
    (el: HTMLDivElement) => renderFormDiagram(el, data, { describe, onSelect }),
    [data, describe, onSelect],
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
        <FormView key={v.data.form} data={v.data} describe={v.describe} onSelect={onSelect} />
      ))}
    </div>
  );
}

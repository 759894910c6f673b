import { useMemo } from 'react';
import { useAppState } from '../state/AppStateContext';
import { blockConfig, type BlockConfig } from './blockConfig';

/** The block the shared controls describe (stage, C, d), with its counts. */
export function useBlockConfig(): BlockConfig {
  const [{ stage, cardinality, d, keepComplexity }] = useAppState();
  return useMemo(
    () => blockConfig({ stage, cardinality, d, keepComplexity }),
    [stage, cardinality, d, keepComplexity],
  );
}

import { useEffect, useState } from 'react';
import { loadProjectMetrics, type ProjectMetrics } from '../../data/metrics';

let pending: Promise<ProjectMetrics> | null = null;

/** The project's measured metrics, loaded once on first use; null until they arrive (or if they fail to). */
export function useProjectMetrics(): ProjectMetrics | null {
  const [metrics, setMetrics] = useState<ProjectMetrics | null>(null);
  useEffect(() => {
    let live = true;
    pending ??= loadProjectMetrics();
    pending.then(
      (m) => {
        if (live) setMetrics(m);
      },
      () => {
        pending = null;
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return metrics;
}

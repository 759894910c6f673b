import type { ReliabilityBin } from '../../../viz/classify/reliabilityChart';

/** src/data/calibration.json as training/calibration.py writes it. */
export interface CalibrationFile {
  model: string;
  weights: string;
  test_file: string;
  records: number;
  total_records: number;
  accuracy: number;
  mean_confidence: number;
  ece: number;
  bins: (ReliabilityBin & { correct: number })[];
  command: string;
}

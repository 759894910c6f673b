export function StepSection() {
  return <div data-section-body="step" />;
}

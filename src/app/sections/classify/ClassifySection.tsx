export function ClassifySection() {
  return <div data-section-body="classify" />;
}

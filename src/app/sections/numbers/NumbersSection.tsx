export function NumbersSection() {
  return <div data-section-body="numbers" />;
}

export function OverviewSection() {
  return <div data-section-body="overview" />;
}

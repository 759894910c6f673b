export function FormsSection() {
  return <div data-section-body="forms" />;
}

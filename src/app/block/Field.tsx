import { useId, type ReactNode } from 'react';

/** A form control under its label: `children` draws the control with the id the label names. */
export function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

/** A picker of one number: its value and what a new choice calls. */
export interface NumberPickerProps {
  value: number;
  onChange: (value: number) => void;
}

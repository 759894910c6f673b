import { useEffect, useId, useRef, useState } from 'react';

/**
 * A button that opens a panel: Escape (with the focus back on the button) or a press outside `root` closes it.
 * `innermost`: Escape is caught before the page's other handlers (a disclosure inside another, e.g. the phone
 * menu, closes first).
 */
export function useDisclosure<R extends HTMLElement = HTMLDivElement>({ innermost = false } = {}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<R>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (e.target instanceof Node && !root.current?.contains(e.target)) setOpen(false);
    };
    const keys: EventTarget = innermost ? window : document;
    keys.addEventListener('keydown', onKey as EventListener, innermost);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      keys.removeEventListener('keydown', onKey as EventListener, innermost);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, innermost]);

  return { open, setOpen, panelId, root, button };
}

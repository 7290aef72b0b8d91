import { useEffect, useLayoutEffect, useRef, useState, type PointerEvent } from 'react';

// Space kept between a tooltip and the edge of the window.
const EDGE = 8;

/**
 * Open and close rules of a toolbar tooltip (WCAG 1.4.13, content on hover or focus): it opens
 * while a mouse pointer is over the button or the tooltip, or the button has keyboard focus;
 * Escape closes it without moving focus or pointer, until both have left; and it is nudged to
 * stay inside the window (the toolbar wraps at phone widths, so buttons reach both edges).
 * Touch does not open it: a tap would leave it covering the plan.
 */
export function useTooltip() {
  const bubbleRef = useRef<HTMLSpanElement>(null);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const open = (hovered || focused) && !dismissed;

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setDismissed(true);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open]);

  useLayoutEffect(() => {
    const bubble = bubbleRef.current;
    if (!open || !bubble) return;
    bubble.style.setProperty('--tip-shift', '0px');
    const { left, right } = bubble.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    let shift = 0;
    if (left < EDGE) shift = EDGE - left;
    else if (right > width - EDGE) shift = width - EDGE - right;
    bubble.style.setProperty('--tip-shift', `${shift}px`);
  }, [open]);

  const anchorProps = {
    'data-open': open ? '' : undefined,
    onPointerEnter: (event: PointerEvent) => {
      if (event.pointerType === 'mouse') setHovered(true);
    },
    // A dismissed tooltip may open again once pointer and focus have both left.
    onPointerLeave: () => {
      setHovered(false);
      if (!focused) setDismissed(false);
    },
    // Buttons never take focus from a mouse click (they keep the editor's selection), so focus
    // here is keyboard focus.
    onFocus: () => setFocused(true),
    onBlur: () => {
      setFocused(false);
      if (!hovered) setDismissed(false);
    },
  };
  return { bubbleRef, anchorProps };
}

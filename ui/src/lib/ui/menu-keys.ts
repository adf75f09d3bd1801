// The keyboard of a drop-down menu (the library and profile switchers): arrows, Home and End move between its
// enabled items, Escape closes and gives focus back to its button, Tab closes and lets focus go on. The menu's keys
// are its own: the grid behind must not move or clear its selection.

/** The enabled items of `menu`, in order. */
export function menuItems(menu: HTMLElement | undefined): HTMLElement[] {
  return [...(menu?.querySelectorAll<HTMLElement>('[role=menuitem]:not([aria-disabled=true])') ?? [])];
}

/** Handles a key pressed inside the menu; `close(refocus)` closes it. */
export function onMenuKey(e: KeyboardEvent, menu: HTMLElement | undefined, close: (refocus: boolean) => void): void {
  const items = menuItems(menu);
  const at = items.indexOf(document.activeElement as HTMLElement);
  const move = (i: number) => items[(i + items.length) % items.length]?.focus();
  if (e.key === 'Escape') close(true);
  else if (e.key === 'ArrowDown') move(at + 1);
  else if (e.key === 'ArrowUp') move(at < 0 ? -1 : at - 1);
  else if (e.key === 'Home') move(0);
  else if (e.key === 'End') move(-1);
  else if (e.key === 'Tab') {
    close(false);
    return;
  } else return;
  e.preventDefault();
  e.stopPropagation();
}

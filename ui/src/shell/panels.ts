// The side panels (sidebar, inspector): which are open (remembered across restarts) and how wide they are.

export interface Panels {
  sidebar: boolean;
  inspector: boolean;
}

export const allOpen: Panels = Object.freeze({ sidebar: true, inspector: true });

const KEY = 'tessera.panels';

/** Below this window width the panels get narrower, so the grid keeps three columns of default tiles at 1024 px. */
export const NARROW_WINDOW = 1280;

export function panelWidths(windowWidth: number): { sidebar: number; inspector: number } {
  return windowWidth < NARROW_WINDOW ? { sidebar: 188, inspector: 240 } : { sidebar: 224, inspector: 304 };
}

/** The panes' `grid-template-columns`: a collapsed panel takes no room at all. */
export function paneColumns(panels: Panels, windowWidth: number): string {
  const w = panelWidths(windowWidth);
  return `${panels.sidebar ? w.sidebar : 0}px minmax(0, 1fr) ${panels.inspector ? w.inspector : 0}px`;
}

/** The width left to the grid's column (scrollbar included). */
export function centerWidth(panels: Panels, windowWidth: number): number {
  const w = panelWidths(windowWidth);
  return Math.max(0, windowWidth - (panels.sidebar ? w.sidebar : 0) - (panels.inspector ? w.inspector : 0));
}

export function loadPanels(): Panels {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Panels> | null;
    return {
      sidebar: typeof saved?.sidebar === 'boolean' ? saved.sidebar : true,
      inspector: typeof saved?.inspector === 'boolean' ? saved.inspector : true,
    };
  } catch {
    return { ...allOpen };
  }
}

export function savePanels(panels: Panels): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(panels));
  } catch {
    // Not remembered; fine.
  }
}

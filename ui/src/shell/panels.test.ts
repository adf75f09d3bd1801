import { beforeEach, describe, expect, it } from 'vitest';
import { gridMetrics } from '../library/gridWindow';
import { allOpen, centerWidth, loadPanels, paneColumns, savePanels } from './panels';

/** Columns of default-size tiles in the grid, with a 10 px scrollbar (the grid's clientWidth excludes it). */
const columnsAt = (windowWidth: number, panels = allOpen) =>
  gridMetrics({ containerWidth: centerWidth(panels, windowWidth) - 10, tileSize: 176 }).columns;

beforeEach(() => localStorage.clear());

describe('side panels', () => {
  it('leave the grid clearly more than two columns at 1024 px when both are collapsed', () => {
    expect(columnsAt(1024, { sidebar: false, inspector: false })).toBeGreaterThanOrEqual(5);
    // Narrower panels on a narrow window: three columns even with both open (two with the wide panels).
    expect(columnsAt(1024)).toBe(3);
    expect(columnsAt(1920)).toBeGreaterThanOrEqual(6);
  });

  it('take no room when collapsed', () => {
    expect(paneColumns({ sidebar: false, inspector: true }, 1600)).toBe('0px minmax(0, 1fr) 304px');
    expect(paneColumns(allOpen, 1024)).toBe('188px minmax(0, 1fr) 240px');
  });

  it('are remembered, and open when nothing (or something unreadable) was saved', () => {
    expect(loadPanels()).toEqual(allOpen);
    savePanels({ sidebar: false, inspector: true });
    expect(loadPanels()).toEqual({ sidebar: false, inspector: true });
    localStorage.setItem('tessera.panels', '{not json');
    expect(loadPanels()).toEqual(allOpen);
  });
});

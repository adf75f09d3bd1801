import { describe, expect, it, vi } from 'vitest';
import { dropOnZone, FILES_DROP, zoneAt } from './dropZones';

describe('drop zones', () => {
  it('hands dropped paths to the zone under the pointer, and reports none elsewhere', () => {
    document.body.innerHTML = '<div id="zone" data-drop-zone="Drop to add as a new version"><span id="inner">x</span></div><p id="out">y</p>';
    const zone = document.getElementById('zone')!;
    const got = vi.fn();
    zone.addEventListener(FILES_DROP, (e) => got((e as CustomEvent<string[]>).detail));
    const doc = { elementFromPoint: (x: number) => document.getElementById(x === 1 ? 'inner' : 'out') } as unknown as Document;
    expect(zoneAt({ x: 1, y: 0 }, doc)?.dataset.dropZone).toBe('Drop to add as a new version');
    expect(dropOnZone(['/a.jpg'], { x: 1, y: 0 }, doc)).toBe(true);
    expect(got).toHaveBeenCalledWith(['/a.jpg']);
    expect(dropOnZone(['/b.jpg'], { x: 2, y: 0 }, doc), 'outside a zone the drop is an import').toBe(false);
    expect(dropOnZone(['/c.jpg'], undefined, doc)).toBe(false);
    expect(got).toHaveBeenCalledTimes(1);
  });
});

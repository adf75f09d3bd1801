import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { AssetSummary } from '../lib/api/types';
import Tile from './Tile.svelte';

const asset = (name: string, title: string | null = null): AssetSummary => ({
  id: 7,
  name,
  type: 'image',
  ext: 'jpg',
  width: 4000,
  height: 3000,
  size: 1234,
  rating: null,
  title,
  added: 0,
  taken: null,
  hash: 'ab',
  status: 'draft',
  expires: null,
});

const props = (a: AssetSummary, width = 176) => ({
  asset: a,
  index: 0,
  src: undefined,
  selected: false,
  focused: false,
  x: 0,
  y: 0,
  width,
  height: width + 44,
  thumbHeight: width - 10,
});

describe('tile caption', () => {
  it('cuts a long name in the middle, keeps its end, and has the full name in the tooltip', () => {
    const name = 'IMG_2024_summer_campaign_beach_shoot_0042.jpg';
    render(Tile, { props: props(asset(name)) });
    const caption = screen.getByTestId('tile-name').textContent!;
    expect(caption).toContain('…');
    expect(caption.endsWith('_0042.jpg')).toBe(true);
    expect(caption.startsWith('IMG_2024')).toBe(true);
    expect(screen.getByTestId('tile').getAttribute('title')).toBe(name);
  });

  it('shows more of the name on a wider tile, and short names whole', () => {
    const name = 'IMG_2024_summer_campaign_beach_shoot_0042.jpg';
    const { unmount } = render(Tile, { props: props(asset(name), 360) });
    expect(screen.getByTestId('tile-name').textContent).toBe(name);
    unmount();
    render(Tile, { props: props(asset('beach.jpg')) });
    expect(screen.getByTestId('tile-name').textContent).toBe('beach.jpg');
  });

  it('captions with the title and names the file in the tooltip', () => {
    render(Tile, { props: props(asset('DSC0001.jpg', 'Launch poster')) });
    expect(screen.getByTestId('tile-name').textContent).toBe('Launch poster');
    expect(screen.getByTestId('tile').getAttribute('title')).toBe('Launch poster\nDSC0001.jpg');
  });
});

describe('tile status badge', () => {
  it('shows every state but draft, in words', () => {
    const { unmount } = render(Tile, { props: props(asset('a.jpg')) });
    expect(screen.queryByTestId('status-badge')).toBeNull();
    unmount();
    render(Tile, { props: props({ ...asset('b.jpg'), status: 'changes_requested' }) });
    const badge = screen.getByTestId('status-badge');
    expect(badge.textContent).toBe('Changes');
    expect(badge.getAttribute('title')).toBe('Changes requested');
  });
});

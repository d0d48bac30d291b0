import { describe, expect, it } from 'vitest';
import { applyTheme, nextTheme, parseTheme, THEME_BOOT_SCRIPT, THEME_STORAGE_KEY } from './theme';

describe('theme', () => {
  it('cycles system → dark → light → system and reads anything unknown as system', () => {
    expect([nextTheme('system'), nextTheme('dark'), nextTheme('light')]).toEqual(['dark', 'light', 'system']);
    expect(parseTheme('dark')).toBe('dark');
    expect(parseTheme(null)).toBe('system');
    expect(parseTheme('DARK')).toBe('system');
  });

  it('sets data-theme on the root for a choice and removes it for system', () => {
    const root = document.createElement('html');
    applyTheme('dark', root);
    expect(root.dataset.theme).toBe('dark');
    applyTheme('system', root);
    expect(root.dataset.theme).toBeUndefined();
  });

  it('the boot script applies a stored choice before React runs, and ignores junk', () => {
    window.localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    new Function(THEME_BOOT_SCRIPT)();
    expect(document.documentElement.dataset.theme).toBe('dark');
    delete document.documentElement.dataset.theme;
    window.localStorage.setItem(THEME_STORAGE_KEY, 'purple');
    new Function(THEME_BOOT_SCRIPT)();
    expect(document.documentElement.dataset.theme).toBeUndefined();
    window.localStorage.removeItem(THEME_STORAGE_KEY);
  });
});

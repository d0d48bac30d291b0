'use client';

import { useEffect, useState } from 'react';
import { applyTheme, nextTheme, parseTheme, THEME_STORAGE_KEY, type ThemeChoice } from '../lib/theme';

const LABEL: Record<ThemeChoice, string> = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' };

/** Cycles the colour theme system → dark → light and remembers the choice in this browser. */
export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>('system');
  // localStorage exists only in the browser: read it after mounting (the boot script already applied it).
  useEffect(() => {
    try {
      setChoice(parseTheme(window.localStorage.getItem(THEME_STORAGE_KEY)));
    } catch {
      // Storage blocked (private mode, policy): the system theme stays.
    }
  }, []);
  return (
    <button
      type="button"
      className="small theme-toggle"
      data-testid="theme-toggle"
      aria-label={`${LABEL[choice]}; switch to ${nextTheme(choice)}`}
      title={`${LABEL[choice]} (click for ${nextTheme(choice)})`}
      onClick={() => {
        const next = nextTheme(choice);
        setChoice(next);
        applyTheme(next);
        try {
          if (next === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
          else window.localStorage.setItem(THEME_STORAGE_KEY, next);
        } catch {
          // Not remembered, but applied for this page.
        }
      }}
    >
      {choice === 'dark' ? '☾' : choice === 'light' ? '☀' : '◐'}
    </button>
  );
}

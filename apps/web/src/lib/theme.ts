/** The colour theme: the system's preference, or one chosen with the top bar's toggle (kept in localStorage). */
export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_STORAGE_KEY = 'saddle.theme';

/** The toggle's order: system → dark → light → system. */
export function nextTheme(choice: ThemeChoice): ThemeChoice {
  return choice === 'system' ? 'dark' : choice === 'dark' ? 'light' : 'system';
}

/** A stored value, or `system` for anything else (nothing stored, an old or edited value). */
export function parseTheme(value: string | null): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** Applies a choice to <html>: data-theme for light/dark, none for system (the CSS media query decides). */
export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
}

/**
 * Runs in <head> before the first paint (the layout inlines it), so a dark choice does not flash
 * light while React loads. Kept to the same key and values as parseTheme.
 */
export const THEME_BOOT_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;

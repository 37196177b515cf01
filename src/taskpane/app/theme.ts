/**
 * The pane follows the Office theme: dark when Office says so (isDarkTheme, or a dark body
 * background on hosts that lack it), light otherwise. Outside Office, the browser's preference.
 */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** Relative luminance (0 black … 1 white) of a "#rrggbb" colour; undefined when unreadable. */
export function luminanceOf(hex: string | undefined): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec((hex ?? '').trim());
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

interface ThemeSource {
  isDarkTheme?: boolean;
  bodyBackgroundColor?: string;
}

/** Whether the Office theme is dark. */
export function isDarkOfficeTheme(theme: ThemeSource | undefined, prefersDark = false): boolean {
  if (!theme) return prefersDark;
  if (typeof theme.isDarkTheme === 'boolean') return theme.isDarkTheme;
  const luminance = luminanceOf(theme.bodyBackgroundColor);
  return luminance === undefined ? prefersDark : luminance < 0.2;
}

function officeTheme(): ThemeSource | undefined {
  try {
    return typeof Office !== 'undefined' ? (Office.context?.officeTheme as ThemeSource | undefined) : undefined;
  } catch {
    return undefined;
  }
}

function prefersDark(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-color-scheme: dark)').matches
    : false;
}

/** The Fluent theme for the current Office theme. */
export function currentTheme(inExcel: boolean): Theme {
  const dark = isDarkOfficeTheme(inExcel ? officeTheme() : undefined, prefersDark());
  return dark ? webDarkTheme : webLightTheme;
}

/**
 * Links that leave the pane: the glossary of the help page, the example file. They open in a new
 * window (`target="_blank"`, which Excel on the web opens as a browser tab); where the host has
 * OpenBrowserWindowApi 1.1 (Excel on Windows, Mac and iPad — not the web), in the user's browser
 * through `Office.context.ui.openBrowserWindow`, since the add-in's webview may not open a window
 * or save a file itself.
 */
import type { MouseEvent, ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { usePane } from '../context';
import type { StringKey } from '../../i18n';

interface OfficeUi {
  context?: { requirements?: { isSetSupported?(name: string, version?: string): boolean }; ui?: { openBrowserWindow?(url: string): void } };
}

/** Opens `href` in the user's browser where Office lets the add-in, else lets the link do it. */
export function openOutside(event: MouseEvent<HTMLAnchorElement>): void {
  const office = (globalThis as { Office?: OfficeUi }).Office?.context;
  try {
    if (office?.ui?.openBrowserWindow && office.requirements?.isSetSupported?.('OpenBrowserWindowApi', '1.1')) {
      event.preventDefault();
      office.ui.openBrowserWindow(event.currentTarget.href);
    }
  } catch {
    // The link's own target="_blank" stays.
  }
}

export function OutsideLink({ href, label, download, className, children }: { href: string; label?: string; download?: string; className?: string; children: ReactNode }) {
  return (
    <a href={href} className={className} target="_blank" rel="noopener noreferrer" aria-label={label} title={label} download={download} onClick={openOutside}>
      {children}
    </a>
  );
}

/** The glossary's terms the pane links to: each is `#glossaire-<term>` on the help page (src/tools/build/help-page.cjs). */
export const GLOSSARY_TERMS = ['roas', 'roas-equilibre', 'contribution', 'courbe-reponse', 'rendement-marginal', 'salaire-charge'] as const;
export type GlossaryTerm = (typeof GLOSSARY_TERMS)[number];

const useLinkStyles = makeStyles({
  // A small "?" in the theme's link colour (light and dark), a target of at least 24 × 24 px; at
  // the start of a field's column, inline in a sentence.
  glossary: { color: tokens.colorBrandForegroundLink, alignSelf: 'flex-start', display: 'inline-block', minWidth: '24px', minHeight: '24px', lineHeight: '24px', textAlign: 'center', marginLeft: tokens.spacingHorizontalXXS, fontWeight: tokens.fontWeightSemibold },
});

/** « ? » after a term: its entry in the glossary of the help page in the pane's language. */
export function GlossaryLink({ term }: { term: GlossaryTerm }) {
  const { t } = usePane();
  const styles = useLinkStyles();
  const label = t('glossary.link', { term: t(`glossary.term.${term}` as StringKey) });
  return (
    <OutsideLink href={`${t('glossary.page')}#glossaire-${term}`} label={label} className={styles.glossary}>
      ?
    </OutsideLink>
  );
}

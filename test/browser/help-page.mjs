// The help pages as a user opens them from Excel's function help: French Excel opens help.html,
// English Excel help-en.html. At the pane's narrowest width (360 px) they fit without sideways
// scrolling, follow the light or dark theme, and the French page has no English section left.

/** @param {{ launch: Function, origin: string, check: Function, axe: Function }} tools */
export async function checkHelpPages({ launch, origin, check, axe }) {
  for (const [locale, file, lang, scheme] of [
    ['fr-FR', 'help.html', 'fr', 'light'],
    ['fr-FR', 'help.html', 'fr', 'dark'],
    ['en-US', 'help-en.html', 'en', 'light'],
  ]) {
    const session = await launch(locale, scheme);
    try {
      const { page } = session;
      await page.goto(`${origin}/${file}#ROI_RATIO`, { waitUntil: 'load' });
      const facts = await page.evaluate(() => {
        const visible = (el) => el.getClientRects().length > 0;
        return {
          lang: document.documentElement.lang,
          width: document.documentElement.scrollWidth,
          otherLanguage: Array.from(document.querySelectorAll('[lang]'))
            .filter((el) => el !== document.documentElement && el.getAttribute('lang') !== document.documentElement.lang && visible(el) && !el.matches('a[hreflang]'))
            .map((el) => el.outerHTML.slice(0, 80)),
          headings: Array.from(document.querySelectorAll('#ROI_RATIO h3')).map((h) => h.textContent),
          background: getComputedStyle(document.body).backgroundColor,
        };
      });
      const name = `${file} (${locale}, ${scheme})`;
      check(`help: ${name} is in ${lang === 'fr' ? 'French' : 'English'}`, facts.lang === lang && facts.otherLanguage.length === 0, facts.otherLanguage.join(' | '));
      const expected = lang === 'fr' ? ['Résultat', 'Erreurs', 'Exemple'] : ['Result', 'Errors', 'Example'];
      check(`help: ${name} gives Result, Errors and Example in its language`, expected.every((h) => facts.headings.includes(h)), facts.headings.join(', '));
      check(`help: ${name} fits 360 px without sideways scrolling`, facts.width <= 360, `scrollWidth ${facts.width}`);
      const dark = /rgb\((\d+), (\d+), (\d+)\)/.exec(facts.background);
      const isDark = dark ? (Number(dark[1]) + Number(dark[2]) + Number(dark[3])) / 3 < 80 : false;
      check(`help: ${name} follows the ${scheme} theme`, isDark === (scheme === 'dark'), facts.background);
      if (scheme === 'light') await axe(page, `help page ${file}`);
      check(`help: ${name} breaks no rule of its policy and runs no script error`, session.cspViolations.length === 0 && session.errors.length === 0, [...session.cspViolations, ...session.errors].slice(0, 2).join(' | '));
    } finally {
      await session.close();
    }
  }
}

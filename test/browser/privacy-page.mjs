// The privacy statement as a user opens it from the help pages: privacy.html in French,
// privacy-en.html in English. At the pane's narrowest width (360 px) it fits without sideways
// scrolling, follows the light or dark theme, speaks one language, requests nothing outside its
// own origin and passes axe; each help page links to it.

/** @param {{ launch: Function, origin: string, check: Function, axe: Function }} tools */
export async function checkPrivacyPages({ launch, origin, check, axe }) {
  for (const [locale, help, file, lang, scheme] of [
    ['fr-FR', 'help.html', 'privacy.html', 'fr', 'light'],
    ['fr-FR', 'help.html', 'privacy.html', 'fr', 'dark'],
    ['en-US', 'help-en.html', 'privacy-en.html', 'en', 'light'],
  ]) {
    const session = await launch(locale, scheme);
    try {
      const { page } = session;
      await page.goto(`${origin}/${help}`, { waitUntil: 'load' });
      const link = page.locator(`footer a[href="${file}"]`);
      const name = `${file} (${locale}, ${scheme})`;
      check(`privacy: ${help} links to ${file}`, (await link.count()) === 1);
      await Promise.all([page.waitForURL(`**/${file}`), link.click()]);
      const facts = await page.evaluate(() => {
        const visible = (el) => el.getClientRects().length > 0;
        return {
          lang: document.documentElement.lang,
          width: document.documentElement.scrollWidth,
          otherLanguage: Array.from(document.querySelectorAll('[lang]'))
            .filter((el) => el !== document.documentElement && el.getAttribute('lang') !== document.documentElement.lang && visible(el) && !el.matches('a[hreflang]'))
            .map((el) => el.outerHTML.slice(0, 80)),
          headings: Array.from(document.querySelectorAll('h2')).map((h) => h.textContent),
          background: getComputedStyle(document.body).backgroundColor,
        };
      });
      check(`privacy: ${name} is in ${lang === 'fr' ? 'French' : 'English'}`, facts.lang === lang && facts.otherLanguage.length === 0, facts.otherLanguage.join(' | '));
      const expected = lang === 'fr' ? ['Où se font les calculs', 'Ce que MKT garde'] : ['Where the figures are computed', 'What MKT keeps'];
      check(`privacy: ${name} says where the figures are computed and what MKT keeps`, expected.every((h) => facts.headings.includes(h)), facts.headings.join(', '));
      check(`privacy: ${name} fits 360 px without sideways scrolling`, facts.width <= 360, `scrollWidth ${facts.width}`);
      const dark = /rgb\((\d+), (\d+), (\d+)\)/.exec(facts.background);
      const isDark = dark ? (Number(dark[1]) + Number(dark[2]) + Number(dark[3])) / 3 < 80 : false;
      check(`privacy: ${name} follows the ${scheme} theme`, isDark === (scheme === 'dark'), facts.background);
      const outside = session.requests.filter((u) => new URL(u).origin !== origin);
      check(`privacy: ${name} requests nothing outside its own origin`, outside.length === 0, outside.slice(0, 3).join(', '));
      await axe(page, `privacy page ${name}`);
      check(`privacy: ${name} breaks no rule of its policy and runs no script error`, session.cspViolations.length === 0 && session.errors.length === 0, [...session.cspViolations, ...session.errors].slice(0, 2).join(' | '));
    } finally {
      await session.close();
    }
  }
}

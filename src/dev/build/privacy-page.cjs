// Build-time only: the privacy statement, privacy.html in French and privacy-en.html in English,
// published beside the help pages (<baseUrl>privacy.html). Each sentence says what the code does;
// the claims are checked against src/ (no network request, no browser storage, the document's
// settings, MKT_ names and the pane's own sheets), see docs/DEPLOY.md.
'use strict';
const { escapeHtml, prose, sitePage } = require('./site-page.cjs');

/** How the other pages link here, and the words of each page. */
const PRIVACY = {
  fr: {
    href: 'privacy.html',
    link: 'Confidentialité : MKT n’envoie rien nulle part',
    title: 'MKT — confidentialité',
    other: { href: 'privacy-en.html', lang: 'en', text: 'English version' },
    help: { href: 'help.html', text: 'Aide des fonctions MKT' },
    summary: 'En bref : MKT n’envoie rien nulle part. Tout se calcule dans Excel, sur votre ordinateur. Pas de compte, pas de cookie, pas de mesure d’audience.',
    sections: [
      ['Où se font les calculs', [
        'Les fonctions MKT.* et le volet MKT calculent dans Excel, sur votre ordinateur (dans votre navigateur avec Excel sur le web). Le code de MKT n’envoie rien sur le réseau : ni vos chiffres, ni vos classeurs, ni rien de ce que vous saisissez ne part vers un serveur de MKT ou d’un tiers.',
      ]],
      ['Ce que MKT charge', [
        'Excel charge les fichiers du complément (le volet, les fonctions, ces pages) depuis l’adresse où MKT est publié, comme une page web ; le volet y prend aussi le classeur d’exemple quand vous cliquez « Insérer l’exemple ». L’hébergeur de cette adresse peut, comme tout serveur web, tenir un journal technique des fichiers demandés (adresse IP, date) ; MKT ne lui transmet rien d’autre.',
        'Le volet charge aussi office.js, la bibliothèque de Microsoft qui relie un complément à Excel, depuis le réseau de Microsoft (appsforoffice.microsoft.com). Excel, Office et office.js relèvent des conditions d’utilisation et de la déclaration de confidentialité de Microsoft, pas de cette page.',
      ]],
      ['Ce que MKT garde', [
        'Ce que vous saisissez dans le volet (la plage choisie, vos réglages, l’étape en cours) est gardé dans le classeur lui-même, dans ses paramètres de document (les « settings » d’Office propres au complément). Il part avec le classeur là où vous l’enregistrez ou l’envoyez, et nulle part ailleurs.',
        'MKT ne garde rien dans le navigateur : ni cookie, ni stockage local.',
      ]],
      ['Ce que MKT écrit dans vos classeurs', [
        'Seulement ses propres feuilles (Diagnostic, Arbitrage, Pilote, Hypothèses…) et ses propres noms, qui commencent tous par MKT_. Vos cellules ne changent que si vous le demandez : « Réparer » ressaisit telles quelles les formules MKT qu’Excel n’a pas calculées, et rien d’autre.',
        '« Retirer ce que MKT a écrit » efface ses feuilles et ses noms, et rien de ce que vous avez saisi. « Partager » ouvre une copie dans un nouveau classeur, sans modifier celui qui est ouvert.',
      ]],
      ['Pas de compte, pas de cookie, pas de mesure d’audience', [
        'MKT ne demande ni compte ni inscription, ne dépose aucun cookie, ne mesure pas son audience et ne contient aucun traceur ni aucune publicité.',
      ]],
    ],
  },
  en: {
    href: 'privacy-en.html',
    link: 'Privacy: MKT sends nothing anywhere',
    title: 'MKT — privacy',
    other: { href: 'privacy.html', lang: 'fr', text: 'Version française' },
    help: { href: 'help-en.html', text: 'MKT function help' },
    summary: 'In short: MKT sends nothing anywhere. Everything is computed in Excel, on your computer. No account, no cookie, no analytics.',
    sections: [
      ['Where the figures are computed', [
        'The MKT.* functions and the MKT pane compute in Excel, on your computer (in your browser with Excel on the web). MKT’s code sends nothing over the network: none of your figures, workbooks or anything you type goes to a server of MKT’s or of anyone else.',
      ]],
      ['What MKT loads', [
        'Excel loads the add-in’s files (the pane, the functions, these pages) from the address where MKT is published, as it loads a web page; the pane also fetches the example workbook from there when you click “Insert the example”. The host of that address may, like any web server, keep a technical log of the files requested (IP address, time); MKT sends it nothing else.',
        'The pane also loads office.js, Microsoft’s library that connects an add-in to Excel, from Microsoft’s network (appsforoffice.microsoft.com). Excel, Office and office.js are covered by Microsoft’s terms of use and privacy statement, not by this page.',
      ]],
      ['What MKT keeps', [
        'What you enter in the pane (the range you picked, your settings, the step you are on) is kept in the workbook itself, in its document settings (Office’s settings of the add-in). It goes wherever you save or send the workbook, and nowhere else.',
        'MKT keeps nothing in the browser: no cookie, no local storage.',
      ]],
      ['What MKT writes in your workbooks', [
        'Only its own sheets (Diagnostic, Allocation, Pilot, Assumptions…) and its own names, which all start with MKT_. Your cells change only when you ask: “Repair” re-enters, unchanged, the MKT formulas Excel did not calculate, and nothing else.',
        '“Remove what MKT wrote” deletes its sheets and names, and nothing you typed. “Share” opens a copy in a new workbook, without changing the open one.',
      ]],
      ['No account, no cookie, no analytics', [
        'MKT asks for no account or sign-up, sets no cookie, measures no audience, and holds no tracker and no advertising.',
      ]],
    ],
  },
};

/** @param {'fr'|'en'} lang */
function privacyPage(lang) {
  const w = PRIVACY[lang];
  const sections = w.sections.map(([heading, paragraphs], i) => `<section aria-labelledby="p${i}"><h2 id="p${i}">${prose(heading, lang)}</h2>
${paragraphs.map((text) => `<p>${prose(text, lang)}</p>`).join('\n')}
</section>`);
  const body = `<main>
<p><a href="${w.other.href}" hreflang="${w.other.lang}" lang="${w.other.lang}">${escapeHtml(w.other.text)}</a></p>
<h1>${escapeHtml(w.title)}</h1>
<p><strong>${prose(w.summary, lang)}</strong></p>
${sections.join('\n')}
</main>
<footer><p><a href="${w.help.href}">${escapeHtml(w.help.text)}</a></p></footer>`;
  return sitePage(lang, escapeHtml(w.title), body);
}

module.exports = { PRIVACY, privacyPage };

// The official French employer-cost model (modele-social, evaluated by publicodes), used as the
// test oracle of LOADED_SALARY_FR. Test-only: the model is about 2 MB and takes seconds to parse,
// so it never goes into dist/ (test/engine/no-model-in-dist.test.ts).
import rules from 'modele-social';
import Engine from 'publicodes';

const quiet = { log() {}, warn() {}, error() {} };

export function createOracle() {
  const engine = new Engine(rules, { logger: quiet });
  /** The model's employer cost of one month, for a monthly gross, on the 1st of month (1..12). */
  function monthlyCost({ year, month, monthlyGross, headcount, cadre, atRate }) {
    const situation = {
      date: `'01/${String(month).padStart(2, '0')}/${year}'`,
      'salarié . contrat . salaire brut': `${monthlyGross} €/mois`,
      'entreprise . salariés . effectif': headcount,
      'salarié . contrat . statut cadre': cadre ? 'oui' : 'non',
    };
    // Omitted: the model's default, the national average (taux collectif) of the year.
    if (atRate !== null && atRate !== undefined) situation['établissement . taux ATMP'] = `${atRate * 100} %`;
    engine.setSituation(situation);
    const value = engine.evaluate('salarié . coût total employeur').nodeValue;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`model gave no number for ${JSON.stringify(situation)}`);
    return value;
  }
  /** The sum of the 12 months, each for gross / 12, as RULES.md §8 defines the year. */
  function yearlyCost({ year, grossAnnual, headcount, cadre, atRate }) {
    const months = [];
    for (let month = 1; month <= 12; month++) {
      months.push(monthlyCost({ year, month, monthlyGross: grossAnnual / 12, headcount, cadre, atRate }));
    }
    return { total: months.reduce((a, b) => a + b, 0), months };
  }
  return { monthlyCost, yearlyCost, engine };
}

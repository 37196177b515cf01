/**
 * What a hire really costs (RULES.md §8), self-contained so it can sit in any step: the owner
 * gives a gross salary (monthly or yearly); the panel shows the loaded salary under the rules of
 * the profile's market, its contribution lines (expandable), the monthly cost in-house with the
 * contract's pane defaults, the crossover month in words and a light SVG chart of the two
 * cumulative paths, all computed by src/rules; its button writes the hiring-cost sheet (live
 * formulas, MKT_LOADED_SALARY, MKT_CROSSOVER_MONTH, COST_PATHS and a line chart). Its state is
 * its own; it tells its host the loaded salary so Signal 2's preview can use it.
 */
import { Button, Checkbox, Field, Input, Select, Text, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState, type Dispatch, type ReactElement, type SetStateAction } from 'react';
import { writeHiringCost, type WrittenSheet } from '../../../excel';
import type { CostPathRow } from '../../../rules';
import { intlLocale, type StringKey, type Translate } from '../../i18n';
import { LINE_LABELS } from '../../../i18n/payroll-lines';
import { usePane } from '../context';
import { ActionPanel, WrittenMessage } from '../components/ActionPanel';
import { useStyles } from '../components/styles';
import { GlossaryLink } from '../components/OutsideLink';
import { describeIssue } from '../input';
import { defaultHiringForm, hiringInput, hiringReady, hiringView, knownYears, withLead, type HiringForm, type HiringMarket, type HiringTextField, type HiringView } from '../hiring-model';
import { workbookProfile } from '../model';
import { useAction } from '../useAction';

export interface HiringCostPanelProps {
  /** The in-house step's yearly external fees, when known: today's monthly outsourcing is that ÷ 12. */
  yearlyFees?: number;
  /** Called with the loaded salary whenever the rules can compute it (undefined otherwise). */
  onLoadedSalary?: (loaded: number | undefined) => void;
}

export function HiringCostPanel({ yearlyFees, onLoadedSalary }: HiringCostPanelProps) {
  const { t, language, market: paneMarket, state } = usePane();
  const styles = useStyles();
  const market: HiringMarket = paneMarket === 'QC' ? 'QC' : 'FR';
  const { form, setForm, setText } = useHiringForm(market, yearlyFees);
  const [submitted, setSubmitted] = useState(false);
  // Folded until the owner opens it: the step stays short, and its fields render only when used.
  const [open, setOpen] = useState(false);

  const view = useMemo(() => hiringView(form, market, language, submitted), [form, market, language, submitted]);
  const loaded = view.breakdown?.total;
  useEffect(() => onLoadedSalary?.(loaded), [loaded, onLoadedSalary]);

  const write = useAction<WrittenSheet>(
    (options) => writeHiringCost(hiringInput(form, market, language, workbookProfile(state)), options),
    () => t('action.unexpected'),
  );
  const field: FieldOf = (id, label, hint) => (
    <HiringField key={id} id={id} label={t(label)} hint={hint ? t(hint) : undefined} value={form.texts[id]} view={view} onChange={setText} />
  );

  return (
    <section aria-labelledby="mkt-hiring-title" data-testid="hiring-panel" className={styles.section}>
      {/* A disclosure heading: one button, expanded on demand (the keyboard walk sees it as a button). */}
      <h3 className={styles.heading}>
        <Button id="mkt-hiring-title" appearance="secondary" aria-expanded={open} aria-controls="mkt-hiring-body" onClick={() => setOpen((o) => !o)}>
          {`${open ? '▾' : '▸'} ${t('hiring.title')}`}
        </Button>
      </h3>
      {open && (
        <div id="mkt-hiring-body" className={styles.section}>
          <Text as="p" className={styles.heading}>
            {t('hiring.intro')}
          </Text>
          <SalaryFields form={form} setForm={setForm} market={market} field={field} />
          <LoadedSalary view={view} market={market} />
          <CostFields form={form} setForm={setForm} market={market} field={field} />
          <CostResult view={view} />
          <ActionPanel
            action={write}
            label={t('hiring.write')}
            beforeRun={() => {
              setSubmitted(true);
              return hiringReady(form, market, language);
            }}
            renderDone={(value) => (
              <>
                <WrittenMessage {...value} />
                <Text as="p" className={styles.heading}>
                  {t('hiring.written')}
                </Text>
              </>
            )}
          />
        </div>
      )}
    </section>
  );
}

type FieldOf = (id: HiringTextField, label: StringKey, hint?: StringKey) => ReactElement;
type SetForm = Dispatch<SetStateAction<HiringForm>>;
interface FieldsProps {
  form: HiringForm;
  setForm: SetForm;
  market: HiringMarket;
  field: FieldOf;
}

/** The panel's form; today's outsourcing follows the in-house step's fees until the owner types their own. */
function useHiringForm(market: HiringMarket, yearlyFees: number | undefined) {
  const { language } = usePane();
  const [form, setForm] = useState<HiringForm>(() => defaultHiringForm(market, language, yearlyFees));
  const outsourceTyped = useRef(false);
  useEffect(() => {
    if (outsourceTyped.current || yearlyFees === undefined) return;
    setForm((f) => ({ ...f, texts: { ...f.texts, outsource: defaultHiringForm(market, language, yearlyFees).texts.outsource } }));
  }, [yearlyFees, market, language]);
  const setText = (id: HiringTextField, text: string) => {
    if (id === 'outsource') outsourceTyped.current = true;
    setForm((f) => ({ ...f, texts: { ...f.texts, [id]: text } }));
  };
  return { form, setForm, setText };
}

/** The salary and what its contributions depend on in the market (France: headcount, cadre, AT rate; Québec: CNESST, payroll, benefits). */
function SalaryFields({ form, setForm, market, field }: FieldsProps) {
  const { t } = usePane();
  return (
    <>
      {field('gross', 'hiring.gross', 'hiring.gross.hint')}
      <Field label={t('hiring.period')}>
        <Select value={form.period} onChange={(_, d) => setForm((f) => ({ ...f, period: d.value === 'yearly' ? 'yearly' : 'monthly' }))}>
          <option value="monthly">{t('hiring.period.monthly')}</option>
          <option value="yearly">{t('hiring.period.yearly')}</option>
        </Select>
      </Field>
      <Field label={t('hiring.year')}>
        <Select value={String(form.year)} onChange={(_, d) => setForm((f) => ({ ...f, year: Number(d.value) }))}>
          {knownYears(market).map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </Select>
      </Field>
      {market === 'FR' ? (
        <>
          {field('headcount', 'hiring.headcount', 'hiring.headcount.hint')}
          <Checkbox checked={form.cadre} onChange={(_, d) => setForm((f) => ({ ...f, cadre: d.checked === true }))} label={t('hiring.cadre')} />
          {field('atRate', 'hiring.atRate', 'hiring.atRate.hint')}
        </>
      ) : (
        <>
          {field('cnesstRate', 'hiring.cnesstRate', 'hiring.cnesstRate.hint')}
          {field('payroll', 'hiring.payroll', 'hiring.payroll.hint')}
          {field('benefits', 'hiring.benefits')}
        </>
      )}
    </>
  );
}

/** The loaded salary, its contribution lines (expandable) and what the rules leave out. */
function LoadedSalary({ view, market }: { view: HiringView; market: HiringMarket }) {
  const { t, language, market: paneMarket, formats } = usePane();
  const styles = useStyles();
  const rate = useMemo(() => new Intl.NumberFormat(intlLocale(language, paneMarket), { style: 'percent', maximumFractionDigits: 3 }), [language, paneMarket]);
  return (
    <div aria-live="polite" className={styles.status}>
      {view.breakdown ? (
        <>
          <Text as="p" weight="semibold" className={styles.heading} data-testid="hiring-loaded">
            {t('hiring.loaded', {
              amount: formats.amount(view.breakdown.total),
              monthly: formats.amount(view.breakdown.total / 12),
              share: formats.percent(view.breakdown.gross > 0 ? view.breakdown.total / view.breakdown.gross - 1 : 0),
            })}
            <GlossaryLink term="salaire-charge" />
          </Text>
          <details data-testid="hiring-lines">
            <summary>{t('hiring.lines', { count: view.breakdown.lines.length })}</summary>
            <ul className={styles.list}>
              {view.breakdown.lines.map((line) => (
                <li key={line.key}>
                  {t('hiring.line', {
                    label: LINE_LABELS[language][line.key] ?? line.key,
                    rate: rate.format(line.rate),
                    base: formats.amount(line.base),
                    amount: formats.amount(line.amount),
                  })}
                </li>
              ))}
            </ul>
          </details>
          <Text as="p" size={200} className={styles.heading}>
            {t(market === 'QC' ? 'hiring.leftOut.QC' : 'hiring.leftOut.FR')} {t('hiring.notAdvice')}
          </Text>
        </>
      ) : (
        <Text as="p" className={styles.heading} role={view.loadedIssue ? 'alert' : undefined}>
          {view.loadedIssue ? describeIssue(view.loadedIssue, t('hiring.gross'), language, t) : t('hiring.loadedPending')}
        </Text>
      )}
    </div>
  );
}

/** Today's outsourcing and the costs of an in-house hire (pane defaults the owner can change). */
function CostFields({ form, setForm, market, field }: FieldsProps) {
  const { t } = usePane();
  const styles = useStyles();
  return (
    <>
      <Text as="h4" weight="semibold" className={styles.heading}>
        {t('hiring.costTitle')}
      </Text>
      <Text as="p" size={200} className={styles.heading}>
        {t('hiring.defaultsNote')}
      </Text>
      {field('outsource', 'hiring.outsource', 'hiring.outsource.hint')}
      {field('hourlyValue', 'hiring.hourlyValue', 'hiring.hourlyValue.hint')}
      {field('hours', 'hiring.hours')}
      {field('tools', 'hiring.tools')}
      {field('recruiting', 'hiring.recruiting')}
      {field('monthsToHire', 'hiring.monthsToHire')}
      <Checkbox checked={form.lead} onChange={(_, d) => setForm((f) => withLead(f, d.checked === true))} label={t('hiring.lead')} />
      {field('ramp', 'hiring.ramp')}
      {field('rampStart', 'hiring.rampStart')}
      <details>
        <summary>{t('hiring.help')}</summary>
        <Text as="p" size={200} className={styles.heading}>
          {t(market === 'QC' ? 'hiring.help.body.QC' : 'hiring.help.body.FR')}
        </Text>
      </details>
    </>
  );
}

/** The monthly cost in-house, the crossover month in words and the two cumulative paths. */
function CostResult({ view }: { view: HiringView }) {
  const { t, formats } = usePane();
  const styles = useStyles();
  return (
    <div aria-live="polite" className={styles.status}>
      {view.inhouse && (
        <Text as="p" className={styles.heading} data-testid="hiring-inhouse">
          {t('hiring.inhouse', {
            amount: formats.amount(view.inhouse.total),
            salary: formats.amount(view.inhouse.salary),
            tools: formats.amount(view.inhouse.tools),
            management: formats.amount(view.inhouse.management),
          })}
        </Text>
      )}
      <Text as="p" weight="semibold" className={styles.heading} data-testid="hiring-crossover">
        {crossoverText(view, t)}
      </Text>
      {view.paths && <PathsChart rows={view.paths} crossover={view.crossover?.kind === 'month' ? view.crossover.month : undefined} />}
    </div>
  );
}

function crossoverText(v: HiringView, tr: Translate): string {
  const c = v.crossover;
  if (!c) return tr('hiring.crossover.pending');
  if (c.kind === 'notCheaper') return tr('hiring.crossover.notCheaper');
  if (c.kind === 'never') return tr('hiring.crossover.never', { horizon: c.horizon });
  return c.month === 1 ? tr('hiring.crossover.first') : tr('hiring.crossover.month', { month: c.month });
}

function HiringField({ id, label, hint, value, view, onChange }: { id: HiringTextField; label: string; hint?: string; value: string; view: HiringView; onChange: (id: HiringTextField, text: string) => void }) {
  const { t, language } = usePane();
  const styles = useStyles();
  const issue = view.issues[id];
  const message = issue ? describeIssue(issue, label, language, t) : undefined;
  return (
    <div className={styles.fieldBlock}>
      <Field label={label} hint={hint} validationMessage={message} validationState={message ? 'error' : 'none'}>
        <Input inputMode="decimal" autoComplete="off" value={value} onChange={(_, d) => onChange(id, d.value)} />
      </Field>
    </div>
  );
}

const W = 300;
const H = 150;
const PAD = { left: 8, right: 8, top: 8, bottom: 18 };

/** The two cumulative paths as a light inline SVG (no chart library), with its figures in words. */
function PathsChart({ rows, crossover }: { rows: readonly CostPathRow[]; crossover?: number }) {
  const { t, formats } = usePane();
  const styles = useStyles();
  const months = rows.length;
  const max = Math.max(...rows.map(([, o, h]) => Math.max(o, h)), 1);
  const x = (m: number) => PAD.left + ((m - 1) / Math.max(months - 1, 1)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (v / max) * (H - PAD.top - PAD.bottom);
  const line = (col: 1 | 2) => rows.map((r) => `${x(r[0]).toFixed(1)},${y(r[col]).toFixed(1)}`).join(' ');
  const last = rows[rows.length - 1];
  const summary = t('hiring.chart.summary', { months, outsource: formats.amount(last[1]), hire: formats.amount(last[2]) });
  const outsourceColor = tokens.colorPaletteBerryForeground1;
  const hireColor = tokens.colorBrandForeground1;
  return (
    <figure style={{ margin: 0 }} data-testid="hiring-chart">
      <Text as="p" size={200} weight="semibold" className={styles.heading}>
        {t('hiring.chart', { months })}
      </Text>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={summary} style={{ maxWidth: 420, display: 'block' }}>
        <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} stroke={tokens.colorNeutralStroke1} />
        {crossover !== undefined && crossover <= months && (
          <line x1={x(crossover)} y1={PAD.top} x2={x(crossover)} y2={H - PAD.bottom} stroke={tokens.colorNeutralStroke1} strokeDasharray="3 3" />
        )}
        <polyline points={line(1)} fill="none" stroke={outsourceColor} strokeWidth={2} />
        <polyline points={line(2)} fill="none" stroke={hireColor} strokeWidth={2} strokeDasharray="6 2" />
        <text x={PAD.left} y={H - 4} fontSize={10} fill={tokens.colorNeutralForeground2}>
          1
        </text>
        <text x={W - PAD.right} y={H - 4} fontSize={10} textAnchor="end" fill={tokens.colorNeutralForeground2}>
          {months}
        </text>
      </svg>
      <figcaption className={styles.status}>
        <Text as="p" size={200} block className={styles.heading}>
          <span style={{ color: outsourceColor }}>━ {t('hiring.chart.outsource')}</span>
          <span aria-hidden="true">{'\u2003'}</span>
          <span style={{ color: hireColor }}>╍ {t('hiring.chart.hire')}</span>
        </Text>
        <Text as="p" size={200} block className={styles.heading}>
          {summary}
        </Text>
      </figcaption>
    </figure>
  );
}

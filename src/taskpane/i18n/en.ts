/**
 * Every string the task pane shows, in English. `fr.ts` has the same keys; `qc.ts` overrides a
 * few French ones with Québec wording. Placeholders are `{name}`, filled by `translate()`; the
 * result is always rendered as text, never as HTML.
 */
import { hiringEn } from './hiring';
export const en = {
  // Shell
  'app.title': 'MKT — marketing decisions',
  'app.subtitle': 'Decide whether to outsource marketing, step by step, with a live model in your own workbook.',
  'app.language': 'Language',
  'app.language.fr': 'Français',
  'app.language.en': 'English',
  'app.outsideExcel.title': 'Open this pane from Excel',
  'app.outsideExcel.body':
    'This page is running in a plain browser. The workbook actions are disabled: open the MKT add-in from Excel to use them.',
  'app.steps': 'Steps',
  'app.stepHeading': 'Step {n} of {total} — {name}',
  'app.stepButton': '{n}. {name}',
  'app.previous': 'Previous step',
  'app.next': 'Next step',

  // Profile
  'profile.title': 'Your business',
  'profile.market': 'Market',
  'profile.market.FR': 'France (euros)',
  'profile.market.QC': 'Québec (Canadian dollars)',
  'profile.market.OTHER': 'Other (no currency)',
  'profile.model': 'Business model',
  'profile.model.local_service': 'Local service',
  'profile.model.ecommerce': 'E-commerce',
  'profile.model.b2b_service': 'B2B service',
  'profile.margin': 'Margin',
  'profile.margin.high': 'High',
  'profile.margin.normal': 'Normal',
  'profile.margin.low': 'Low',
  'profile.summary': 'Budget profile: {profile} (tier thresholds × {factor}). Amounts in {currency}.',
  'profile.name.standard': 'standard',
  'profile.name.high_margin': 'high margin',
  'profile.name.clickable': 'clickable channel',
  'profile.name.local_low_margin': 'local, low margin',
  'profile.currency.EUR': 'euros (€)',
  'profile.currency.CAD': 'Canadian dollars ($)',
  'profile.currency.NONE': 'plain numbers',

  // Steps
  'step.diagnostic': 'Diagnostic',
  'step.internalise': 'In-house check',
  'step.arbitrage': 'Arbitrage',
  'step.transfer': 'Transfer',
  'step.share': 'Share',
  'step.pilot': 'Pilot',
  'step.explain': 'Explain',
  'step.repair': 'Repair',

  // Common action states
  'action.running': 'Working in your workbook…',
  'action.done': 'Done.',
  'action.errorTitle': 'That did not work',
  'action.unexpected': 'Something unexpected happened in Excel. Your workbook was not changed; try again.',
  'action.written': 'Written: sheet “{sheet}”.',
  'action.replaced': 'Replaced: sheet “{sheet}”.',
  'action.disabledOutside': 'Available in Excel only.',
  'confirm.title': 'Replace the sheet?',
  'confirm.body': 'MKT created these sheets earlier: {sheets}. Replacing them deletes what is in them now.',
  'confirm.replace': 'Replace',
  'confirm.cancel': 'Cancel',
  'field.required': '{field}: a value is required',
  'field.pickCell': 'From cell: {field}',
  'field.pickCellShort': 'From cell',
  'field.linked': 'Linked to cell {cell}.',

  // Diagnostic
  'diagnostic.intro':
    'Point MKT at your marketing history: one row per channel (or per month and channel), with what you spent and the revenue it brought. MKT finds what does not perform.',
  'diagnostic.source': 'Where is your history?',
  'diagnostic.source.table': 'An Excel table',
  'diagnostic.source.selection': 'The selected range',
  'diagnostic.table': 'Table',
  'diagnostic.noTables': 'No table found in this workbook. Select your range instead.',
  'diagnostic.loadTables': 'Find the tables',
  'diagnostic.detect': 'Detect the layout',
  'diagnostic.layout': 'Detected layout',
  'diagnostic.layoutSource': 'Source: {address}, {rows} data rows.',
  'diagnostic.column.channel': 'Channel column',
  'diagnostic.column.spend': 'Spend column',
  'diagnostic.column.revenue': 'Revenue column',
  'diagnostic.column.period': 'Period column (optional)',
  'diagnostic.column.spend.monthly': 'First spend column (12 months)',
  'diagnostic.column.revenue.monthly': 'First revenue column (12 months)',
  'diagnostic.badLayout': 'These columns do not fit the range: choose a channel column, and spend and revenue columns of the same width inside the range.',
  'diagnostic.columnChoice': '{letter} — {header}',
  'layout.kind.single': 'one total per channel',
  'layout.kind.monthly': 'one column a month',
  'layout.issue.noHeaderRow': 'No header row found: columns are named by their letter.',
  'layout.issue.noChannelColumn': 'No column of channel names found.',
  'layout.issue.noSpendColumn': 'No spend column found.',
  'layout.issue.noRevenueColumn': 'No revenue column found.',
  'layout.issue.guessedByPosition': 'Columns were guessed from their position, not their headers.',
  'layout.issue.monthsIncomplete': 'Some months are missing.',
  'layout.issue.numbersAsText': 'Some numbers are stored as text; MKT skips them like SUM does.',
  'layout.issue.totalRowExcluded': 'A total row was left out.',
  'layout.issue.tooFewRows': 'Too few rows to judge.',
  'diagnostic.column.none': '(none)',
  'diagnostic.unsure': 'MKT is not sure about this layout. Check each column below before writing.',
  'diagnostic.sure': 'MKT recognised the columns. Change them below if needed.',
  'diagnostic.write': 'Write the Diagnostic sheet',
  'diagnostic.channels': 'Channels found',
  'diagnostic.channelLine': '{channel}: ROI {ratio}:1 — {band}',
  'diagnostic.channelNoSpend': '{channel}: no spend',
  'diagnostic.warnings': 'Things to check',

  // Internalisation
  'internalise.intro':
    'Three signals say when marketing should come in-house. Type your figures or take them from cells.',
  'internalise.hours': 'Weekly hours of marketing work',
  'internalise.hours.hint': 'Hours a week that marketing, sales and product need together (0 to 168).',
  'internalise.fees': 'Yearly external fees',
  'internalise.fees.hint': 'What agencies and freelancers cost you in a year.',
  'internalise.salary': 'Yearly loaded salary of an in-house marketer',
  'internalise.salary.hint': 'Gross salary plus employer charges, for a year.',
  'internalise.data': 'We need very fast iteration and in-house memory of our data',
  'internalise.budget': 'Monthly marketing budget',
  'internalise.budget.hint': 'What you spend on marketing in a month, all channels together.',
  'internalise.tier': 'With {amount} a month: {tier}.',
  'internalise.thresholds': 'Budget tiers for your profile: partial from {partial}, regular from {regular}, full above {full} a month.',
  'internalise.signals': 'The three signals',
  'internalise.s1.title': 'Complexity',
  'internalise.s1.rule': 'On from {hours} a week: daily marketing, sales and product work needs someone full time.',
  'internalise.s1.value': 'You: {hours} a week.',
  'internalise.s2.title': 'Budget critical mass',
  'internalise.s2.rule':
    'On when external fees reach {ratio} of an in-house loaded salary; {low}–{high} is the tipping zone, {high} and more is strong.',
  'internalise.s2.value': 'You: fees are {ratio} of the salary.',
  'internalise.s2.breakeven': 'The signal turns on at {amount} of fees a year.',
  'internalise.s3.title': 'Data culture',
  'internalise.s3.rule': 'On when you need very fast iteration and an institutional memory: that takes a dedicated person.',
  'internalise.s3.value.yes': 'You: yes.',
  'internalise.s3.value.no': 'You: no.',
  'internalise.on': 'On',
  'internalise.off': 'Off',
  'internalise.tipping': 'On — tipping zone',
  'internalise.strong': 'On — strong',
  'internalise.badgePending': 'To fill in',
  'internalise.verdictPending': 'Fill in the hours, the fees and the salary to see the verdict.',
  'internalise.verdict': 'Signals on: {score} of 3 → {decision}',
  'internalise.rule': '2 or 3 signals: bring in-house; 1: prepare the transition; 0: outsource.',
  'internalise.write': 'Write the in-house check',

  // Arbitrage
  'arbitrage.intro':
    'Share a budget between your channels by their return: channels below the ROI floor get nothing, the others share in proportion to their ratio.',
  'arbitrage.budget': 'Total budget to share',
  'arbitrage.budget.hint': 'Over the same period as the spend in your history (a year if it covers a year).',
  'arbitrage.floorRule': 'Channels returning less than {floor}:1 get nothing (the target is {low}:1 to {high}:1). Change the floor on the Assumptions sheet.',
  'arbitrage.write': 'Write the Arbitrage sheet',
  'arbitrage.needDiagnostic': 'Run the Diagnostic step first: the arbitrage uses its channels.',
  'arbitrage.method': 'Share the budget',
  'arbitrage.method.average': 'By average return (MKT.ALLOCATE)',
  'arbitrage.method.marginal': 'By marginal return, from the monthly history (MKT.ALLOCATE_MARGINAL)',
  'arbitrage.marginal.intro':
    'Each channel gets a curve of diminishing returns fitted to its months; the budget goes where the next dollar brings back the most, each channel at most {cap} × its best month.',
  'arbitrage.marginal.budget': 'Monthly budget to share',
  'arbitrage.marginal.budget.hint': 'A month’s budget: the curves are fitted to monthly spend.',
  'arbitrage.marginal.margin': 'Gross margin',
  'arbitrage.marginal.margin.hint': 'The share of revenue left after direct costs (45% = 0.45); kept as the name MKT_GROSS_MARGIN on the Assumptions sheet.',
  'arbitrage.marginal.needMonthly': 'The marginal method needs a monthly history (one column a month for spend and for revenue); the Diagnostic found one column each.',
  'arbitrage.marginal.warnings': 'To know before writing',
  'arbitrage.marginal.channel': 'Channel {channel} ({name}): {text}',

  // Transfer
  'transfer.intro':
    'Write down the assumptions and decisions so the business can run without outside help. Every threshold goes on one sheet where you can change it.',
  'transfer.decisions': 'Decisions taken so far',
  'transfer.noDecisions': 'No decision yet: the earlier steps add theirs here.',
  'transfer.ownDecisions': 'Your own decisions',
  'transfer.onePerLine': 'One per line. Written as text.',
  'transfer.checklist.hint': 'Extra items, one per line, added to the standard ones.',
  'decision.internalise': 'In-house check: {decision} ({score} of 3 signals).',
  'decision.tier': 'Budget of {amount} a month: {tier}.',
  'decision.cut': 'Cut or rework the channel “{channel}”: its return is below the floor.',
  'transfer.checklist': 'Handover checklist',
  'transfer.write': 'Write the transfer sheets',

  // Pilot
  'pilot.intro':
    'Test outsourcing for {months} months before committing. At the end, expand, extend or take it back in-house.',
  'pilot.kpi': 'Main KPI',
  'pilot.kpi.hint': 'For example: qualified leads, online sales.',
  'pilot.target1': 'KPI target, month 1',
  'pilot.target2': 'KPI target, month 2',
  'pilot.target3': 'KPI target, month 3',
  'pilot.useRoi': 'Also require an ROI of at least {roi}:1 to expand',
  'pilot.rules':
    'After {months} months: expand at {expand} of the KPI target (and ROI at least {roi}:1), extend from {extend}, otherwise take it back. No reporting means stop.',
  'pilot.write': 'Create the pilot tracker',
  'pilot.status': 'Where does your pilot stand?',
  'pilot.monthsElapsed': 'Months elapsed',
  'pilot.achievement': 'KPI achievement',
  'pilot.achievement.hint': 'Actual ÷ target: enter 85% or 0.85.',
  'pilot.roi': 'ROI of the pilot (optional)',
  'pilot.roi.hint': 'Revenue per unit spent, e.g. 3.5.',
  'pilot.reportingOk': 'The provider reports clearly and on time',
  'pilot.verdict': 'Verdict: {verdict}.',
  'pilot.verdictPending': 'Enter the months elapsed and the KPI achievement to see the verdict.',

  // Explain
  'explain.intro': 'Select a cell that holds an MKT formula, then ask why it gives that result.',
  'explain.run': 'Explain the selected cell',

  // Repair
  'repair.intro':
    'A formula typed while MKT was not loaded, or saved through another add-in, stays #NAME? even after MKT loads, until it is re-entered. Repair re-enters every such MKT formula of the workbook, and nothing else.',
  'repair.run': 'Repair MKT formulas',
  // Share
  'share.intro':
    'A portable copy for people without MKT: every MKT formula becomes native functions that Excel 2010 and later, LibreOffice and Google Sheets compute. It opens as a new workbook for you to save.',
  'share.unchanged': 'This workbook is not changed. The copy lists what was translated, and what was frozen to its value, on a sheet "Portable copy".',
  'share.run': 'Make the portable copy',
  'share.done': 'Copy opened: {translated} formula(s) translated, {frozen} frozen; see the sheet "{sheet}". Save it under a new name.',
  'share.unsupported.compressedFile': 'This Excel cannot hand the workbook file to an add-in (Excel on the web and on iPad cannot).',
  'share.unsupported.createWorkbook': 'This Excel cannot open a new workbook from an add-in (ExcelApi 1.8 is needed).',
  'share.unsupported.zip': 'This Excel’s browser cannot unzip a workbook.',
  'share.commandLine': 'Make the copy on a computer instead: npm run portable -- workbook.xlsx copy.xlsx (see the README).',
  'share.unreadable': 'The workbook could not be read ({detail}). Save it, then try again.',
  'share.failed': 'The portable copy could not be made: {detail}',

  // Input messages (beyond the functions' own messages)

  // Cost of a hire (hiring.ts)
  ...hiringEn,
} as const;

export type StringKey = keyof typeof en;

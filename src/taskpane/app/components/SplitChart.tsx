/**
 * A small inline SVG of the split: per channel, today's monthly spend and the proposed amount as
 * two bars. No chart library; the numbers are in the table beside it, so the chart is an image
 * with a text alternative (role="img", its title).
 */
import { tokens } from '@fluentui/react-components';
import type { ChannelPreview } from '../../../excel';
import { usePane } from '../context';
import { useStyles } from './styles';

const ROW = 26;
const LABEL_WIDTH = 96;
const WIDTH = 300;

export function SplitChart({ channels }: { channels: readonly ChannelPreview[] }) {
  const { t } = usePane();
  const styles = useStyles();
  const max = Math.max(1, ...channels.flatMap((c) => [c.todayMonthly, c.proposedMonthly]));
  const barSpace = WIDTH - LABEL_WIDTH - 4;
  const width = (v: number) => Math.max(0, (v / max) * barSpace);
  const height = channels.length * ROW + 18;
  const cut = (name: string) => (name.length > 14 ? `${name.slice(0, 13)}…` : name);
  return (
    <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={t('arbitrage.chart')} data-testid="split-chart">
      <title>{t('arbitrage.chart')}</title>
      {channels.map((c, i) => (
        <g key={i} transform={`translate(0 ${i * ROW})`}>
          <text x={0} y={15} fontSize={11} fill={tokens.colorNeutralForeground1}>
            {cut(c.name)}
          </text>
          <rect x={LABEL_WIDTH} y={3} height={9} width={width(c.todayMonthly)} fill={tokens.colorNeutralForeground3} />
          <rect x={LABEL_WIDTH} y={13} height={9} width={width(c.proposedMonthly)} fill={tokens.colorBrandBackground} />
        </g>
      ))}
      <g transform={`translate(${LABEL_WIDTH} ${channels.length * ROW + 4})`}>
        <rect width={9} height={9} fill={tokens.colorNeutralForeground3} />
        <text x={12} y={9} fontSize={10} fill={tokens.colorNeutralForeground1}>
          {t('arbitrage.chart.today')}
        </text>
        <rect x={90} width={9} height={9} fill={tokens.colorBrandBackground} />
        <text x={102} y={9} fontSize={10} fill={tokens.colorNeutralForeground1}>
          {t('arbitrage.chart.proposed')}
        </text>
      </g>
    </svg>
  );
}

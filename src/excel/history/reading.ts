/**
 * What a form reader hands to the later steps: every amount found, with the channel it belongs
 * to and the measure (column, line kind, block) it sits in. Grouping, summing and judging are
 * the same for every form.
 */
import type { GridCell, HistoryForm, HistoryWarning, LeftOut } from './types';
import type { MonthOf } from './words';

export type Hint = 'spend' | 'revenue' | 'plan' | 'neutral';

/** A place amounts come from: a column, a kind of line (Réel), a block of months. */
export interface Measure {
  id: string;
  label: string;
  hint: Hint;
  /** The grid columns it spans, when it is one column or one run of months for every channel. */
  columns?: number[];
}

export interface Entry {
  /** The channel's key (trimmed, case ignored) and its name as first found. */
  key: string;
  measure: string;
  cell: GridCell;
  value: number;
  fromText: boolean;
  /** A blank (or unreadable) cell of the measure: referenced by the sheets, counted as no month. */
  blank?: boolean;
  month?: MonthOf;
}

export interface ChannelSeen {
  key: string;
  name: string;
  nameCell: GridCell;
  /** Rows of the grid naming this channel, to tell a journal's repeats from a one-row table. */
  rows: number;
}

export interface Reading {
  form: HistoryForm;
  headerRow: number;
  /** No header was found: every measure is neutral, every role needs the user. */
  noHeader: boolean;
  measures: Measure[];
  channels: ChannelSeen[];
  entries: Entry[];
  leftOut: LeftOut[];
  warnings: HistoryWarning[];
}

/** Collects channels in the order first seen. */
export class ChannelBook {
  readonly seen = new Map<string, ChannelSeen>();

  /** The channel of a name, added when new. */
  note(key: string, name: string, cell: GridCell, newRow: boolean): ChannelSeen {
    let channel = this.seen.get(key);
    if (!channel) {
      channel = { key, name, nameCell: cell, rows: 0 };
      this.seen.set(key, channel);
    }
    if (newRow) channel.rows++;
    return channel;
  }

  list(): ChannelSeen[] {
    return [...this.seen.values()];
  }
}

/** Counts the text amounts and the unreadable cells of the measures, for one warning each. */
export class CellNotes {
  private text = { count: 0, example: '', cell: [0, 0] as GridCell };
  private unread = { count: 0, example: '', cell: [0, 0] as GridCell };

  fromText(value: unknown, cell: GridCell): void {
    if (this.text.count++ === 0) this.text = { count: 1, example: String(value).slice(0, 40), cell };
  }

  unreadable(value: unknown, cell: GridCell): void {
    if (this.unread.count++ === 0) this.unread = { count: 1, example: String(value).slice(0, 40), cell };
  }

  warnings(): HistoryWarning[] {
    const out: HistoryWarning[] = [];
    if (this.text.count) out.push({ code: 'textAmounts', ...this.text });
    if (this.unread.count) out.push({ code: 'unreadAmounts', ...this.unread });
    return out;
  }
}

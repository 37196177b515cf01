/**
 * The zip codec for Node (the commands, the example builder and tests): zlib, with inflation
 * capped; also at once (inflateRawSync) for check-workbook's synchronous reader.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { InflatedPastCap, type Codec, type SyncInflate } from './zip';

function inflateCapped(data: Uint8Array, maxOutput: number): Uint8Array {
  try {
    // One byte more than allowed: a part that inflates past its cap is refused.
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, maxOutput) + 1 });
    if (out.length > maxOutput) throw new InflatedPastCap();
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) throw new InflatedPastCap();
    throw error;
  }
}

export const nodeCodec: Codec & SyncInflate = {
  async inflateRaw(data, maxOutput) {
    return inflateCapped(data, maxOutput);
  },
  inflateRawSync: inflateCapped,
  async deflateRaw(data) {
    return new Uint8Array(deflateRawSync(data, { level: 6 }));
  },
};

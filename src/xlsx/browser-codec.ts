/**
 * The zip codec for the pane: the browser's own DecompressionStream / CompressionStream
 * ("deflate-raw"), so the pane's Share chunk carries no zip library. Inflation stops past the cap.
 */
import { InflatedPastCap, type Codec } from './zip';

async function pipe(data: Uint8Array, stream: TransformStream<Uint8Array, Uint8Array>, maxOutput: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  void writer.write(data).catch(() => undefined);
  void writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxOutput) {
      await reader.cancel();
      throw new InflatedPastCap();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Whether this browser can unzip and zip an .xlsx package. */
export function browserCodecSupported(): boolean {
  try {
    new DecompressionStream('deflate-raw' as CompressionFormat);
    new CompressionStream('deflate-raw' as CompressionFormat);
    return true;
  } catch {
    return false;
  }
}

export const browserCodec: Codec = {
  inflateRaw(data, maxOutput) {
    return pipe(data, new DecompressionStream('deflate-raw' as CompressionFormat) as TransformStream<Uint8Array, Uint8Array>, maxOutput);
  },
  deflateRaw(data) {
    return pipe(data, new CompressionStream('deflate-raw' as CompressionFormat) as TransformStream<Uint8Array, Uint8Array>, Number.MAX_SAFE_INTEGER);
  },
};

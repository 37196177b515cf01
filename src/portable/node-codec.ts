/**
 * The zip codec for Node (the command line and tests): zlib, with inflation capped.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { PackageError, type Codec } from './zip';

export const nodeCodec: Codec = {
  async inflateRaw(data, maxOutput) {
    try {
      // One byte more than allowed: a part that inflates past its declared size is refused.
      return new Uint8Array(inflateRawSync(data, { maxOutputLength: Math.max(1, maxOutput + 1) }));
    } catch (error) {
      throw new PackageError(`a part of the package cannot be inflated (${(error as Error).message})`);
    }
  },
  async deflateRaw(data) {
    return new Uint8Array(deflateRawSync(data, { level: 6 }));
  },
};

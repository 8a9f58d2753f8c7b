import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { defaults } from './config.ts';

/** The content codings this server sends (identity, the content as it is, needs no name). */
export type Coding = 'br' | 'gzip';

/** Our preference when a client weighs both alike: brotli at `brotliQuality` is smaller at gzip's speed. */
const codings: readonly Coding[] = ['br', 'gzip'];

/**
 * The coding to answer with for an `Accept-Encoding` header (RFC 9110 §12.5.3), or undefined for the
 * content as it is: no header (what plain HTTP clients send), `identity` preferred, only codings we do
 * not send (`deflate`, whose framing clients have long disagreed on; `zstd`), or q=0 for each we do.
 */
export function preferredCoding(header: string | undefined): Coding | undefined {
  const weights = new Map<string, number>();
  for (const member of (header ?? '').split(',')) {
    const [name = '', ...params] = member.split(';').map((part) => part.trim().toLowerCase());
    const q = params.find((param) => /^q\s*=/.test(param));
    const weight = q === undefined ? 1 : qvalue(q.slice(q.indexOf('=') + 1).trim());
    // RFC 9110 §8.4.1.3: x-gzip is gzip.
    if (name && weight !== undefined) weights.set(name === 'x-gzip' ? 'gzip' : name, weight);
  }
  let best: Coding | undefined;
  let bestWeight = weights.get('identity') ?? 0;
  for (const coding of codings) {
    const weight = weights.get(coding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) [best, bestWeight] = [coding, weight];
  }
  return best;
}

/** A qvalue is 0 to 1 with at most three decimals; a member with any other is not understood. */
function qvalue(text: string): number | undefined {
  return /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(text) ? Number(text) : undefined;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Bounds the compressions in flight. zlib's async calls run on libuv's thread pool (four threads),
 * which DNS lookups (the issuer's keys, introspection) and file access share: a burst of multi-MB pages
 * must not make a token check wait. Past the bound an answer goes out as it is rather than queue.
 */
export class CompressionSlots {
  private inFlight = 0;

  constructor(private readonly limit: number) {}

  /**
   * The bytes packed off the event loop, or undefined when every slot is taken. The slot is counted
   * before the first await, so concurrent answers cannot overshoot the bound.
   */
  async compress(bytes: Buffer, coding: Coding): Promise<Buffer | undefined> {
    if (this.inFlight >= this.limit) return undefined;
    this.inFlight++;
    try {
      return await pack(bytes, coding);
    } finally {
      this.inFlight--;
    }
  }
}

function pack(bytes: Buffer, coding: Coding): Promise<Buffer> {
  if (coding === 'gzip') return gzipAsync(bytes);
  return brotliAsync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: defaults.brotliQuality,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

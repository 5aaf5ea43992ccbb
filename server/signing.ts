import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from './util/clock';

export type SignedMethod = 'GET' | 'PUT';
export type SignatureCheck = 'valid' | 'invalid' | 'expired';

/**
 * HMAC-SHA256 signed storage URLs (contract §10): `/storage/…?expires=<unix>&sig=<hex>`. The
 * method is part of the signed text, so an upload URL cannot be replayed as a download.
 */
export class UrlSigner {
  constructor(
    private readonly secret: Buffer,
    private readonly clock: Clock,
  ) {}

  /** Returns the path with its query and the expiry instant in epoch ms. */
  sign(method: SignedMethod, path: string, ttlMs: number): { pathWithQuery: string; expiresAtMs: number } {
    const expires = Math.floor((this.clock() + ttlMs) / 1000);
    const sig = this.signature(method, path, expires);
    return { pathWithQuery: `${path}?expires=${expires}&sig=${sig}`, expiresAtMs: expires * 1000 };
  }

  verify(method: SignedMethod, path: string, query: URLSearchParams): SignatureCheck {
    const expiresText = query.get('expires') ?? '';
    const sig = query.get('sig') ?? '';
    if (!/^\d{1,12}$/.test(expiresText) || !/^[0-9a-f]{64}$/.test(sig)) return 'invalid';
    const expected = Buffer.from(this.signature(method, path, Number(expiresText)), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(sig, 'hex'))) return 'invalid';
    return Number(expiresText) * 1000 <= this.clock() ? 'expired' : 'valid';
  }

  private signature(method: SignedMethod, path: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${method}\n${path}\n${expires}`).digest('hex');
  }
}

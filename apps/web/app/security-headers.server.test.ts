import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers.server.js';

function headersFor(siteOrigin: string, scriptSources: string[], dev = false, url = '/') {
  const req = new IncomingMessage(new Socket());
  req.url = url;
  const res = new ServerResponse(req);
  securityHeaders({ siteOrigin, dev })(req, res, scriptSources);
  return res.getHeaders();
}

describe('securityHeaders', () => {
  it('sends the policy with the given script sources and no unsafe-inline', () => {
    const headers = headersFor('http://localhost:3000', ["'nonce-abc'"]);
    const csp = String(headers['content-security-policy']);
    expect(csp).toContain("script-src 'self' 'nonce-abc';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(String(headers['permissions-policy'])).toContain('camera=()');
    expect(headers['strict-transport-security']).toBeUndefined();
  });

  it('adds HSTS and upgrades requests only when the site is https', () => {
    const headers = headersFor('https://example.org', []);
    expect(headers['strict-transport-security']).toBe('max-age=31536000');
    expect(String(headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    expect(String(headers['content-security-policy'])).toContain("script-src 'self';");
  });

  it('leaves the policy out for Vite’s dev server only', () => {
    const headers = headersFor('http://localhost:3000', [], true);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['x-content-type-options']).toBe('nosniff');
  });

  it('lets other sites frame a campaign’s embed, and nothing else', () => {
    for (const url of ['/campaigns/agua/embed', '/es/campaigns/agua/embed?source=x']) {
      const headers = headersFor('http://localhost:3000', [], false, url);
      expect(String(headers['content-security-policy']), url).toContain('frame-ancestors *');
      expect(headers['x-frame-options'], url).toBeUndefined();
    }
    for (const url of ['/campaigns/agua', '/campaigns/agua/embed/x', '/news/embed', '/campaigns/embed']) {
      const headers = headersFor('http://localhost:3000', [], false, url);
      expect(String(headers['content-security-policy']), url).toContain("frame-ancestors 'none'");
      expect(headers['x-frame-options'], url).toBe('DENY');
    }
  });
});

/**
 * Webhook SSRF guard (decision 0018): a webhook endpoint must not point at the server's own network.
 * On save, a URL whose host is `localhost` or a literal loopback, private, link-local, unique-local,
 * unspecified (or otherwise non-public) address is refused; at send time the host name is resolved and
 * the delivery is refused when any of its addresses is one of those. `CELLWORK_WEBHOOK_ALLOW_PRIVATE`
 * turns both checks off (tests against a local server, or a gateway on the internal network).
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128],
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible or NAT64 IPv6 address. */
function embeddedIpv4(ip: string): string | null {
  const m = /^(?:::ffff:|::|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(ip);
  if (!m) return null;
  if (m[1]) return m[1];
  const hi = Number.parseInt(m[2]!, 16);
  const lo = Number.parseInt(m[3]!, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** True when an IP address (v4 or v6) is not a public internet address. */
export function isPrivateAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return blocked.check(ip, 'ipv4');
  if (family === 6) {
    const v4 = embeddedIpv4(ip);
    if (v4 && isIP(v4) === 4) return blocked.check(v4, 'ipv4');
    return blocked.check(ip, 'ipv6');
  }
  return false;
}

/** A URL host without IPv6 brackets and a trailing dot, lower-cased. */
const bareHost = (hostname: string) =>
  hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();

/** On save: true when the URL's host is `localhost` (or under it) or a literal non-public IP. */
export function isPrivateUrlHost(url: string): boolean {
  let host: string;
  try {
    host = bareHost(new URL(url).hostname);
  } catch {
    return false; // the schema refuses it
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return isPrivateAddress(host);
}

/**
 * At send time: resolves the URL's host (every address) and answers the reason to refuse, or null
 * when every address is public. A failed lookup throws (the delivery is retried as for any network error).
 */
export async function refusePrivateTarget(url: string): Promise<string | null> {
  const host = bareHost(new URL(url).hostname);
  const addresses = isIP(host) ? [{ address: host }] : await lookup(host, { all: true, verbatim: true });
  const bad = addresses.find((a) => isPrivateAddress(a.address));
  return bad ? `refused: ${host} resolves to the private address ${bad.address}` : null;
}

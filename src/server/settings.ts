/** What the proxy enforces, decided at start (flags, environment) and fixed for its lifetime. */
export interface ProxySettings {
  /** Refuse every mutating request with 403 read_only. */
  readOnly: boolean;
  /** host[:port] values accepted in the Host header (DNS-rebinding defence), compared case-insensitively. */
  allowedHosts: string[];
  /** The header every mutating request from the app carries (CSRF defence): `X-Glance-Lineage: 1`. */
  appHeader: 'X-Glance-Lineage';
  /** A trusted TLS reverse proxy is in front: its X-Forwarded-Proto is the scheme browsers see (team mode). */
  trustProxy?: boolean;
}

export const APP_HEADER = 'X-Glance-Lineage' as const;

/** The loopback names, with the port the proxy listens on (and without it when the port is 80). */
export function defaultAllowedHosts(port: number): string[] {
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  return port === 80 ? names : names.map((n) => `${n}:${port}`);
}

/** `--allow-host NAME`: a bare name is allowed with the listening port; `name:port` as given. */
export function allowedHostEntries(names: readonly string[], port: number): string[] {
  return names.map((n) => (/:\d+$/.test(n) || port === 80 ? n : `${n}:${port}`).toLowerCase());
}

export function proxySettings(opts: {
  port: number;
  readOnly?: boolean;
  allowHosts?: readonly string[];
  trustProxy?: boolean;
}): ProxySettings {
  return {
    ...(opts.trustProxy ? { trustProxy: true } : {}),
    readOnly: opts.readOnly ?? false,
    allowedHosts: [
      ...defaultAllowedHosts(opts.port),
      ...allowedHostEntries(opts.allowHosts ?? [], opts.port),
    ],
    appHeader: APP_HEADER,
  };
}

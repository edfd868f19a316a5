/**
 * A cloud as the user named it (clouds.yaml entry, OS_CLOUD, or OS_* variables), normalised.
 * Produced by `loadCloudConfig` (config.ts); consumed by `KeystoneSession.open` (session.ts).
 */
export type AuthType = 'password' | 'v3applicationcredential' | 'token';
export type EndpointInterface = 'public' | 'internal' | 'admin';

export interface CloudAuth {
  auth_url: string;
  username?: string;
  user_id?: string;
  password?: string;
  user_domain_name?: string;
  user_domain_id?: string;
  project_name?: string;
  project_id?: string;
  project_domain_name?: string;
  project_domain_id?: string;
  application_credential_id?: string;
  application_credential_name?: string;
  application_credential_secret?: string;
  token?: string;
}

export interface CloudConfig {
  /** The clouds.yaml entry name, or 'env' for plain OS_* variables, or 'demo' for the simulator. */
  name: string;
  authType: AuthType;
  auth: CloudAuth;
  regionName: string | null;
  interface: EndpointInterface;
  /** Path of a CA bundle (clouds.yaml `cacert` / OS_CACERT). */
  cacert: string | null;
  /** false = do not verify TLS certificates (clouds.yaml `verify: false` / OS_INSECURE). */
  verify: boolean;
  /** The user marked this cloud as a test cloud (clouds.yaml `glance_lineage: {test_cloud: true}` or
   *  GLANCE_LINEAGE_TEST_CLOUD=1): the real-cloud tier may run destructive steps on it. */
  testCloud: boolean;
  /** Where it came from, for messages: a file path or 'environment'. */
  source: string;
}

/** What the proxy may tell the browser about the session: never a token, password or secret. */
export interface SessionInfo {
  cloud: string;
  region: string | null;
  authUrl: string;
  user: { id: string; name: string; domain: string | null };
  project: { id: string; name: string; domain: string | null } | null;
  roles: string[];
  isAdmin: boolean;
  expiresAt: string;
}

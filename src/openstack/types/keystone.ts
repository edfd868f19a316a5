/** Keystone v3 wire types: `POST /v3/auth/tokens` response and its service catalog. */

export type KeystoneInterface = 'public' | 'internal' | 'admin';

export interface KeystoneEndpoint {
  id: string;
  interface: KeystoneInterface;
  region: string | null;
  region_id: string | null;
  url: string;
}

export interface KeystoneCatalogEntry {
  id: string;
  type: string;
  name: string;
  endpoints: KeystoneEndpoint[];
}

export interface KeystoneNamedRef {
  id: string;
  name: string;
  domain?: { id: string; name: string };
}

export interface KeystoneToken {
  audit_ids: string[];
  methods: string[];
  expires_at: string;
  issued_at: string;
  is_domain?: boolean;
  user: KeystoneNamedRef & { password_expires_at?: string | null };
  project?: KeystoneNamedRef;
  roles?: { id: string; name: string }[];
  catalog?: KeystoneCatalogEntry[];
  application_credential?: { id: string; name: string; restricted: boolean };
}

/** Body of `POST /v3/auth/tokens`; the token itself is in the `X-Subject-Token` response header. */
export interface KeystoneTokenResponse {
  token: KeystoneToken;
}

export interface KeystoneProject {
  id: string;
  name: string;
  domain_id: string;
  enabled: boolean;
  description?: string;
}

/** Keystone errors: `{"error": {"code": 401, "title": "Unauthorized", "message": "..."}}`. */
export interface KeystoneErrorBody {
  error: { code: number; title: string; message: string };
}

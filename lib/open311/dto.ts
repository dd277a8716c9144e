/** API keys as the admin page shows them (never the token or its hash). */
export type ApiKeyDto = {
  id: number;
  name: string;
  prefix: string;
  regionId: number;
  regionName: string;
  createdByName: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  requestCount: number;
};

export type KeyRegionOption = { id: number; name: string; level: number };

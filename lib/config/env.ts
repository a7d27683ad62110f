import fs from 'node:fs';
import path from 'node:path';

export interface Env {
  port: number;
  host: string;
  dataDir: string;
  configFile: string | null;
  adminToken: string | null;
  /** LOOKOUT_ADMIN_PASSWORD: when set it is the password, and choosing one on /login is off. */
  adminPassword?: string | null;
  /** LOOKOUT_EMBED_FRAME_ANCESTORS: who may frame /embed (CSP sources); default 'self'. */
  embedFrameAncestors?: string;
  anonymousRead: boolean;
  /** Where people reach this Lookout: links in notifications point here. */
  externalUrl: string;
}

/** Reads the contract's environment variables; every one is optional. */
export function readEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Env {
  const dataDir = path.resolve(cwd, env.LOOKOUT_DATA_DIR || './data');
  const defaultConfig = path.resolve(cwd, 'lookout.yml');
  const configFile = env.LOOKOUT_CONFIG
    ? path.resolve(cwd, env.LOOKOUT_CONFIG)
    : fs.existsSync(defaultConfig)
      ? defaultConfig
      : null;
  return {
    port: Number(env.PORT) || 3000,
    host: env.HOST || '0.0.0.0',
    dataDir,
    configFile,
    adminToken: env.LOOKOUT_ADMIN_TOKEN?.trim() || null,
    adminPassword: env.LOOKOUT_ADMIN_PASSWORD || null,
    embedFrameAncestors: env.LOOKOUT_EMBED_FRAME_ANCESTORS?.trim() || "'self'",
    anonymousRead: /^(1|true|yes)$/i.test(env.LOOKOUT_ANONYMOUS_READ ?? ''),
    externalUrl: (env.LOOKOUT_EXTERNAL_URL || `http://localhost:${Number(env.PORT) || 3000}`).replace(/\/+$/, ''),
  };
}

import path from "node:path";

/**
 * Where Fazhi keeps its state. Without DATABASE_URL, an embedded PostgreSQL lives in
 * `<dataDir>/pg`; keys (outside the database) in `<dataDir>/keys` unless FAZHI_KEY_DIR
 * says otherwise; published audit anchors in `<dataDir>/anchors`.
 */
export interface FazhiConfig {
  dataDir: string;
  keyDir: string;
  anchorDir: string;
  fileDir: string;
  /**
   * Running as root only: where the embedded PostgreSQL's binaries and cluster go when
   * the `postgres` OS user cannot reach the clone or the data directory
   * (FAZHI_SYSTEM_DIR, default /var/lib/fazhi; see db/embedded-root.ts).
   */
  systemDir?: string;
  /** External PostgreSQL (owner/migration role). Undefined: embedded server. */
  databaseUrl: string | undefined;
  /** External PostgreSQL as the app's non-superuser role. */
  databaseAppUrl: string | undefined;
  /**
   * A read replica (a streaming standby) as the app's role: the indicators' values and
   * their drill-down read there when set (DATABASE_READ_URL); everything else, and every
   * write, on the primary. Undefined: all reads on the primary.
   */
  databaseReadUrl?: string | undefined;
  /** Password of the fazhi_app role, set at bootstrap when given. */
  appPassword: string | undefined;
  port: number;
  host: string;
  /** Mark session cookies Secure (behind TLS). */
  secureCookies: boolean;
  /**
   * LibreOffice for the PDF copies of published documents (FAZHI_SOFFICE: a path or a
   * name on PATH, default `soffice`; `off` or empty: no conversion, the PDFs are queued).
   * Undefined: read from the environment (platform/documents/pdf.ts).
   */
  soffice?: string | null;
}

/** FAZHI_SOFFICE as a setting: the program, or null when turned off. */
export function sofficeSetting(env: NodeJS.ProcessEnv = process.env): string | null {
  const v = env.FAZHI_SOFFICE;
  if (v === undefined) return "soffice";
  return v.trim() === "" || v.trim() === "off" ? null : v.trim();
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): FazhiConfig {
  const dataDir = path.resolve(cwd, env.FAZHI_DATA_DIR ?? "data");
  return {
    dataDir,
    keyDir: path.resolve(cwd, env.FAZHI_KEY_DIR ?? path.join(dataDir, "keys")),
    anchorDir: path.resolve(cwd, env.FAZHI_ANCHOR_DIR ?? path.join(dataDir, "anchors")),
    fileDir: path.resolve(cwd, env.FAZHI_FILE_DIR ?? path.join(dataDir, "files")),
    systemDir: path.resolve(cwd, env.FAZHI_SYSTEM_DIR ?? "/var/lib/fazhi"),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseAppUrl: env.DATABASE_APP_URL || undefined,
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    appPassword: env.FAZHI_APP_DB_PASSWORD || undefined,
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? "127.0.0.1",
    secureCookies: env.FAZHI_SECURE_COOKIES === "1" || env.FAZHI_SECURE_COOKIES === "true",
    soffice: sofficeSetting(env),
  };
}

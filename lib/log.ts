/** Structured JSON logs (pino) with secrets redacted wherever they appear. */
import pino from "pino";

export const REDACTED_KEYS = [
  "password",
  "passwordHash",
  "secret",
  "token",
  "accessToken",
  "refreshToken",
  "access_token",
  "refresh_token",
  "client_secret",
  "apiKey",
  "authorization",
  "cookie",
];

const paths = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `headers.${key}`, `req.headers.${key}`]);

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: process.env.BLOOMBRIDGE_ROLE ?? "web" },
  redact: { paths, censor: "[redacted]" },
  timestamp: pino.stdTimeFunctions.isoTime,
});

export type Logger = typeof logger;

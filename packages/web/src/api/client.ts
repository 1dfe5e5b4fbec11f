/**
 * The typed fetch client: JSON in and out, the session cookie, the CSRF header on state-changing requests,
 * Accept-Language from the UI locale, and one error type carrying the API's `{ error: { code, message, fields } }`.
 */
import type { Locale } from '@keyprojects/core';
import { acceptLanguage, translate } from '../i18n/translate.ts';

export const API_BASE = '/api/v1';

/** An error answer of the API (or a network failure, with status 0 and code 'network'). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Field path (`annualPlans.0.plannedInvestment`) → localized message, on validation errors. */
  readonly fields: Record<string, string>;

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

let csrfToken: string | null = null;
let locale: Locale = 'zh';
const unauthenticatedListeners = new Set<() => void>();
const gateListeners = new Set<() => void>();
/** Answers saying the session must first change its password or enrol an authenticator. */
const GATE_CODES = new Set(['passwordChangeRequired', 'mfaEnrollmentRequired']);

/** Remembers the CSRF token from login or /auth/me; null after logout. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Sets the language the API answers in. */
export function setApiLocale(next: Locale): void {
  locale = next;
}

/** Calls `listener` whenever a request other than /auth/me finds the session gone; returns the unsubscribe. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Calls `listener` when the API says the session must change its password or enrol a second factor first. */
export function onSessionGate(listener: () => void): () => void {
  gateListeners.add(listener);
  return () => gateListeners.delete(listener);
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  /** A JSON body, or FormData for a multipart upload. */
  body?: unknown;
  /** The version for an optimistic-concurrency `If-Match` header. */
  ifMatch?: number;
  signal?: AbortSignal;
}

/** Builds `/api/v1/path?query`, leaving out empty query values. */
export function apiUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

/** Sends a request and returns the parsed JSON body (undefined for 204); throws ApiError on failure. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': acceptLanguage(locale) };
  // A FormData body (a file upload) sets its own multipart Content-Type with the boundary.
  const payload = options.body;
  if (payload !== undefined && !(payload instanceof FormData)) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;

  const url = apiUrl(path, options.query);
  let response: Response;
  try {
    const early = method === 'GET' && payload === undefined ? earlyGet(url, headers['Accept-Language']) : undefined;
    response = await (early ??
      fetch(url, {
        method,
        headers,
        credentials: 'same-origin',
        body: payload === undefined ? null : payload instanceof FormData ? payload : JSON.stringify(payload),
        signal: options.signal ?? null,
      }));
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', translate(locale, 'error.network'));
  }

  if (response.status === 204) return undefined as T;
  const body = await readJson(response);
  if (!response.ok) {
    const error = toApiError(response.status, body);
    if (response.status === 401 && path !== '/auth/me' && path !== '/auth/login') {
      for (const listener of unauthenticatedListeners) listener();
    }
    if (response.status === 403 && GATE_CODES.has(error.code)) for (const listener of gateListeners) listener();
    throw error;
  }
  return body as T;
}

interface EarlyRequests {
  language: string;
  responses: Record<string, Promise<Response> | undefined>;
}

/**
 * A GET that public/boot.js started before the app loaded (the dashboard's first requests), taken once: later calls
 * for the same URL ask the server again. Only when the language matches, since the answer's texts depend on it.
 */
function earlyGet(url: string, language: string | undefined): Promise<Response> | undefined {
  const early = (window as { __kpEarly?: EarlyRequests }).__kpEarly;
  const response = early?.responses[url];
  if (!early || !response) return undefined;
  early.responses[url] = undefined;
  return early.language === language ? response : undefined;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toApiError(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  const code = typeof error?.code === 'string' ? error.code : `http${status}`;
  const message =
    typeof error?.message === 'string' && error.message
      ? error.message
      : translate(locale, status >= 502 && status <= 504 ? 'error.network' : 'error.unexpected', { status });
  const fields: Record<string, string> = {};
  if (error && isRecord(error.fields)) {
    for (const [key, value] of Object.entries(error.fields)) {
      if (typeof value === 'string') fields[key] = value;
    }
  }
  return new ApiError(status, code, message, fields);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return translate(locale, 'error.unexpected', { status: '?' });
}

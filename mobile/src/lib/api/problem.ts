/** RFC 9457 problem details as the Move Acces services send them. */

export const PROBLEM_TYPE_PREFIX = 'https://moveacces.ch/problems/';

/**
 * What the app does about a problem. The UI reacts to the kind and shows the problem's message
 * key; the problem type's own name stays available for the few screens that need finer detail.
 */
export type ProblemKind =
  | 'invalid-credentials'
  | 'session-expired'
  | 'unauthorized'
  | 'forbidden'
  | 'validation'
  | 'not-found'
  | 'conflict'
  | 'precondition-failed'
  | 'rate-limited'
  | 'unavailable'
  | 'network'
  | 'unexpected';

interface ProblemMapping {
  readonly kind: ProblemKind;
  readonly messageKey: string;
}

/** Problem type name (after the prefix) → what it means to the app. */
const problemTypes: Readonly<Record<string, ProblemMapping>> = {
  'invalid-credentials': { kind: 'invalid-credentials', messageKey: 'problems.invalidCredentials' },
  'invalid-refresh-token': { kind: 'session-expired', messageKey: 'problems.sessionExpired' },
  'invalid-token': { kind: 'unauthorized', messageKey: 'problems.sessionExpired' },
  forbidden: { kind: 'forbidden', messageKey: 'problems.forbidden' },
  // A cookie request from an origin the API does not know: a deployment error, not the member's.
  'csrf-rejected': { kind: 'unexpected', messageKey: 'problems.unexpected' },
  'validation-failed': { kind: 'validation', messageKey: 'problems.validationFailed' },
  'unknown-field': { kind: 'unexpected', messageKey: 'problems.unexpected' },
  'profile-not-found': { kind: 'not-found', messageKey: 'problems.notFound' },
  'abonnement-not-found': { kind: 'not-found', messageKey: 'problems.notFound' },
  'session-not-found': { kind: 'not-found', messageKey: 'problems.notFound' },
  'not-found': { kind: 'not-found', messageKey: 'problems.notFound' },
  'email-taken': { kind: 'conflict', messageKey: 'problems.emailTaken' },
  'illegal-state-transition': { kind: 'conflict', messageKey: 'problems.illegalStateTransition' },
  'precondition-failed': { kind: 'precondition-failed', messageKey: 'problems.preconditionFailed' },
  'too-many-requests': { kind: 'rate-limited', messageKey: 'problems.rateLimited' },
  'rate-limit': { kind: 'rate-limited', messageKey: 'problems.rateLimited' },
  busy: { kind: 'unavailable', messageKey: 'problems.unavailable' },
  'service-unavailable': { kind: 'unavailable', messageKey: 'problems.unavailable' },
};

/** When the type is unknown (or absent), the status decides. */
function mappingForStatus(status: number): ProblemMapping {
  switch (status) {
    case 401:
      return { kind: 'unauthorized', messageKey: 'problems.sessionExpired' };
    case 403:
      return { kind: 'forbidden', messageKey: 'problems.forbidden' };
    case 404:
      return { kind: 'not-found', messageKey: 'problems.notFound' };
    case 409:
      return { kind: 'conflict', messageKey: 'problems.conflict' };
    case 412:
      return { kind: 'precondition-failed', messageKey: 'problems.preconditionFailed' };
    case 422:
      return { kind: 'validation', messageKey: 'problems.validationFailed' };
    case 429:
      return { kind: 'rate-limited', messageKey: 'problems.rateLimited' };
    case 502:
    case 503:
    case 504:
      return { kind: 'unavailable', messageKey: 'problems.unavailable' };
    default:
      return { kind: 'unexpected', messageKey: 'problems.unexpected' };
  }
}

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export interface ProblemInit {
  readonly status: number;
  readonly type?: string | undefined;
  readonly title?: string | undefined;
  readonly detail?: string | undefined;
  readonly fieldErrors?: readonly FieldError[] | undefined;
  readonly traceId?: string | undefined;
  readonly retryAfterSeconds?: number | undefined;
  readonly extensions?: Readonly<Record<string, unknown>> | undefined;
}

/** A failed API call: an answered problem, or `network` when no answer came. */
export class ApiProblem extends Error {
  readonly status: number;
  /** The full type URI, `about:blank` when the answer named none. */
  readonly type: string;
  /** The type's name after the Move Acces prefix, or null for a foreign type. */
  readonly problemName: string | null;
  readonly kind: ProblemKind;
  readonly messageKey: string;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  readonly fieldErrors: readonly FieldError[];
  /** Shown to the member as a support code, to find the request in the logs. */
  readonly traceId: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(init: ProblemInit) {
    const type = init.type ?? 'about:blank';
    super(init.detail ?? init.title ?? `HTTP ${init.status.toString()}`);
    this.name = 'ApiProblem';
    this.status = init.status;
    this.type = type;
    this.problemName = type.startsWith(PROBLEM_TYPE_PREFIX) ? type.slice(PROBLEM_TYPE_PREFIX.length) : null;
    const mapping =
      (this.problemName !== null ? problemTypes[this.problemName] : undefined) ?? mappingForStatus(init.status);
    this.kind = init.status === 0 ? 'network' : mapping.kind;
    this.messageKey = init.status === 0 ? 'problems.network' : mapping.messageKey;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.traceId = init.traceId;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.extensions = init.extensions ?? {};
  }

  /** Whether the member may simply try again later (the answer may say when). */
  get isTransient(): boolean {
    return this.kind === 'rate-limited' || this.kind === 'unavailable' || this.kind === 'network';
  }

  static network(cause: unknown): ApiProblem {
    const problem = new ApiProblem({ status: 0, title: 'Network error' });
    problem.cause = cause;
    return problem;
  }
}

/** `Retry-After` as seconds from now: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number.parseInt(trimmed, 10);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

const knownMembers = new Set(['type', 'title', 'status', 'detail', 'instance', 'errors', 'trace_id']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function readFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) =>
    isRecord(entry) && typeof entry.field === 'string' && typeof entry.message === 'string'
      ? [{ field: entry.field, message: entry.message }]
      : [],
  );
}

/**
 * Builds the problem of a non-2xx response. The body is read when it is problem+json (or
 * plain JSON); anything else (an HTML error page from a proxy) falls back on the status.
 */
export async function problemFromResponse(response: Response): Promise<ApiProblem> {
  const contentType = response.headers.get('Content-Type') ?? '';
  let body: unknown = undefined;
  if (/^application\/(problem\+)?json/i.test(contentType)) {
    body = await response.json().catch(() => undefined);
  }
  const headerTraceId = optionalString(response.headers.get('X-Trace-Id'));
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
  if (!isRecord(body)) {
    return new ApiProblem({ status: response.status, traceId: headerTraceId, retryAfterSeconds });
  }
  const extensions = Object.fromEntries(Object.entries(body).filter(([key]) => !knownMembers.has(key)));
  return new ApiProblem({
    status: response.status,
    type: optionalString(body.type),
    title: optionalString(body.title),
    detail: optionalString(body.detail),
    fieldErrors: readFieldErrors(body.errors),
    traceId: optionalString(body.trace_id) ?? headerTraceId,
    retryAfterSeconds,
    extensions,
  });
}

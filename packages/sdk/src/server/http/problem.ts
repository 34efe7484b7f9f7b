/** One entry of a problem's `errors` list: a field id (or a dotted config path), a code and a message. */
export interface ProblemFieldError {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/** An RFC 9457 problem details body as the handler sends it. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly errors?: readonly ProblemFieldError[];
}

/** Options of {@link problem}. */
export interface ProblemInit {
  /** A URI naming the kind of problem; defaults to `about:blank` (the title is then the status phrase). */
  readonly type?: string;
  /** Short English summary; defaults to the HTTP status phrase. */
  readonly title?: string;
  readonly errors?: readonly ProblemFieldError[];
  readonly headers?: HeadersInit;
}

const STATUS_TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Prefix of the problem `type` URIs the handler defines. They name a problem; they are not meant to be fetched. */
export const PROBLEM_TYPE_PREFIX = 'urn:account-request:problem:';

/**
 * Builds an RFC 9457 `application/problem+json` response. Also handy inside an `authorize`
 * hook, e.g. `problem(401, 'Sign in first', { headers: { 'WWW-Authenticate': 'Basic realm="admin"' } })`.
 */
export function problem(status: number, detail: string, init: ProblemInit = {}): Response {
  const body: ProblemDetails = {
    type: init.type ?? 'about:blank',
    title: init.title ?? STATUS_TITLES[status] ?? 'Error',
    status,
    detail,
    ...(init.errors ? { errors: init.errors } : {}),
  };
  const headers = new Headers(init.headers);
  headers.set('Content-Type', 'application/problem+json; charset=utf-8');
  headers.set('Cache-Control', 'no-store');
  return new Response(JSON.stringify(body), { status, headers });
}

/** A JSON response with `no-store` unless the caller sets its own caching. */
export function json(status: number, body: unknown, headersInit?: HeadersInit): Response {
  const headers = new Headers(headersInit);
  headers.set('Content-Type', 'application/json; charset=utf-8');
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
  return new Response(JSON.stringify(body), { status, headers });
}

/** Thrown inside the handler to stop with a ready response; caught once at the top. */
export class HttpProblem extends Error {
  readonly response: Response;

  constructor(response: Response) {
    super(`HTTP ${response.status}`);
    this.name = 'HttpProblem';
    this.response = response;
  }
}

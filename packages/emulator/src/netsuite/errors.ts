/**
 * NetSuite's REST error body (nsError) and the error codes the emulator answers with.
 * Shape: https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_156570709583.html
 * (see shared/reference/netsuite.md §3).
 */

/** Content type of every NetSuite error response. */
export const ERROR_CONTENT_TYPE = 'application/vnd.oracle.resource+json; type=error';

/** One entry of `o:errorDetails`. */
export interface NsErrorDetail {
  detail: string;
  'o:errorCode': string;
  'o:errorPath'?: string;
  'o:errorHeader'?: string;
  'o:errorQueryParam'?: string;
}

/** The nsError body. */
export interface NsErrorBody {
  type: string;
  title: string;
  status: number;
  'o:errorDetails': NsErrorDetail[];
}

const TITLES: Record<number, [string, string]> = {
  400: ['Bad Request', '15.5.1'],
  401: ['Unauthorized', '15.5.2'],
  403: ['Forbidden', '15.5.4'],
  404: ['Not Found', '15.5.5'],
  405: ['Method Not Allowed', '15.5.6'],
  415: ['Unsupported Media Type', '15.5.16'],
  429: ['Too Many Requests', '6585#section-4'],
  500: ['Internal Server Error', '15.6.1'],
  503: ['Service Unavailable', '15.6.4'],
};

/**
 * A duplicate `externalId` on POST. NetSuite's exact REST code is not documented (reference §10
 * item 1; SOAP used DUP_RCRD), so it lives here, in one place, and can be changed without a hunt.
 */
export const DUPLICATE_EXTERNAL_ID = {
  code: 'DUP_RCRD',
  detail: (externalId: string): string =>
    `Error while accessing resource: A record with the external ID '${externalId}' already exists. ` +
    'Use PUT with eid:<externalId> to update it.',
} as const;

/** The INVALID_LOGIN message NetSuite sends for every REST authentication failure. */
export const INVALID_LOGIN_DETAIL =
  'Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at ' +
  'Setup > Users/Roles > User Management > View Login Audit Trail.';

/** Builds the nsError body for a status and its details. */
export function nsErrorBody(status: number, details: NsErrorDetail[]): NsErrorBody {
  const [title, section] = TITLES[status] ?? ['Error', '15'];
  const type =
    status === 429
      ? 'https://www.rfc-editor.org/rfc/rfc6585.html#section-4'
      : `https://www.rfc-editor.org/rfc/rfc9110.html#section-${section}`;

  return { type, title, status, 'o:errorDetails': details };
}

/** An error a handler throws; the server turns it into an nsError response. */
export class NsError extends Error {
  readonly status: number;
  readonly code: string;
  readonly path: string | undefined;
  readonly extra: Partial<NsErrorDetail>;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: string,
    detail: string,
    options: {
      path?: string;
      extra?: Partial<NsErrorDetail>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(detail);
    this.name = 'NsError';
    this.status = status;
    this.code = code;
    this.path = options.path;
    this.extra = options.extra ?? {};
    this.headers = options.headers ?? {};
  }

  /** The nsError body of this error. */
  toBody(): NsErrorBody {
    const detail: NsErrorDetail = { detail: this.message, 'o:errorCode': this.code, ...this.extra };
    if (this.path !== undefined) detail['o:errorPath'] = this.path;
    return nsErrorBody(this.status, [detail]);
  }
}

/** 400 USER_ERROR for a required field left empty (NetSuite: "Please enter value(s) for: …"). */
export function missingField(path: string, label: string): NsError {
  return new NsError(400, 'USER_ERROR', `Please enter value(s) for: ${label}`, { path });
}

/** 400 INVALID_FLD_VALUE for a reference or value NetSuite cannot accept. */
export function invalidFieldValue(path: string, value: string, field: string): NsError {
  return new NsError(
    400,
    'INVALID_FLD_VALUE',
    `Error while accessing resource: You have entered an Invalid Field Value ${value} for the following field: ${field}`,
    { path },
  );
}

/** 404 for an id or eid: in the URL that names no record. */
export function recordNotFound(type: string, id: string): NsError {
  return new NsError(
    404,
    'NONEXISTENT_ID',
    `The record instance does not exist. Provide a valid record instance ID. (${type} ${id})`,
  );
}

/** 400 INVALID_PARAMETER (bad limit/offset, bad query). */
export function invalidParameter(detail: string, queryParam?: string): NsError {
  return new NsError(400, 'INVALID_PARAMETER', detail, {
    extra: queryParam === undefined ? {} : { 'o:errorQueryParam': queryParam },
  });
}

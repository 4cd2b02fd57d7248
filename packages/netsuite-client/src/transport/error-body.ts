/**
 * The NetSuite REST error body (nsError): `{type, title, status, "o:errorDetails": [{detail,
 * "o:errorCode", "o:errorPath"?, "o:errorHeader"?, "o:errorQueryParam"?}]}`.
 * https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_156570709583.html
 */
import { z } from 'zod';

const errorDetailSchema = z.looseObject({
  detail: z.string().optional(),
  'o:errorCode': z.string().optional(),
  'o:errorPath': z.string().optional(),
  'o:errorHeader': z.string().optional(),
  'o:errorQueryParam': z.string().optional(),
});

const nsErrorSchema = z.looseObject({
  type: z.string().optional(),
  title: z.string().optional(),
  status: z.number().optional(),
  'o:errorDetails': z.array(errorDetailSchema).optional(),
});

/** One parsed error detail. */
export interface NetSuiteErrorDetail {
  detail?: string;
  errorCode?: string;
  errorPath?: string;
  errorHeader?: string;
  errorQueryParam?: string;
}

/** The parsed nsError body; `undefined` fields were absent. */
export interface NetSuiteErrorBody {
  title?: string;
  details: NetSuiteErrorDetail[];
}

/** Parses an error response text; returns undefined when it is not an nsError document. */
export function parseErrorBody(text: string | undefined): NetSuiteErrorBody | undefined {
  if (!text) return undefined;

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }

  const parsed = nsErrorSchema.safeParse(json);
  if (!parsed.success) return undefined;

  const details = (parsed.data['o:errorDetails'] ?? []).map((entry) => ({
    detail: entry.detail,
    errorCode: entry['o:errorCode'],
    errorPath: entry['o:errorPath'],
    errorHeader: entry['o:errorHeader'],
    errorQueryParam: entry['o:errorQueryParam'],
  }));

  return { title: parsed.data.title, details };
}

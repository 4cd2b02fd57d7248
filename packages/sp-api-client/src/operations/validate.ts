/**
 * Stage 1 of the pipeline (DESIGN §3): the call's input is checked against the operation's
 * generated parameter table with zod before any traffic — required values, types, enums,
 * array sizes, ISO-8601 dates, no unknown parameters — then Amazon's cross-field rules apply
 * (./rules.ts). Bad input fails with an `InvalidInputError` naming the parameter.
 */
import { InvalidInputError } from '@sellerbridge/http-core';
import { z } from 'zod';
import type { OperationSpec, ParameterSpec } from '../generated/operations';
import type { SpApiCallRequest } from '../client/types';
import { BODY_SCHEMAS } from './bodies';
import { applyRequestRules } from './rules';
import { isDateParameter, isoDateInput } from './validate-dates';

function enumCheck(schema: z.ZodType, values: readonly unknown[] | undefined): z.ZodType {
  if (!values) return schema;

  return schema.refine((value) => values.includes(value), `must be one of ${values.join(', ')}`);
}

function scalarSchema(type: string, parameter: ParameterSpec): z.ZodType {
  if (isDateParameter({ ...parameter, type })) return isoDateInput;
  if (type === 'integer' || type === 'number') {
    let number = type === 'integer' ? z.number().int() : z.number();

    if (parameter.minimum !== undefined) number = number.min(parameter.minimum);
    if (parameter.maximum !== undefined) number = number.max(parameter.maximum);
    return number;
  }
  if (type === 'boolean') return z.boolean();

  const minLength = parameter.minLength ?? 1;
  let text = minLength > 1 ? z.string().min(minLength) : z.string().min(1, 'must not be empty');

  if (parameter.maxLength !== undefined) text = text.max(parameter.maxLength);
  return text;
}

function parameterSchema(parameter: ParameterSpec): z.ZodType {
  if (parameter.type !== 'array') {
    return enumCheck(scalarSchema(parameter.type, parameter), parameter.enum);
  }

  const item = enumCheck(scalarSchema(parameter.itemType ?? 'string', parameter), parameter.enum);
  let list = z.array(item);

  if (parameter.minItems !== undefined) list = list.min(parameter.minItems);
  if (parameter.maxItems !== undefined) list = list.max(parameter.maxItems);
  return list;
}

function groupSchema(parameters: readonly ParameterSpec[], location: 'path' | 'query'): z.ZodType {
  const shape: Record<string, z.ZodType> = {};

  for (const parameter of parameters.filter((candidate) => candidate.in === location)) {
    const schema = parameterSchema(parameter);
    shape[parameter.name] = parameter.required ? schema : schema.optional();
  }

  return z.strictObject(shape);
}

const schemaCache = new WeakMap<OperationSpec, { path: z.ZodType; query: z.ZodType }>();

function schemasOf(spec: OperationSpec): { path: z.ZodType; query: z.ZodType } {
  const cached = schemaCache.get(spec);
  if (cached) return cached;

  const built = {
    path: groupSchema(spec.parameters, 'path'),
    query: groupSchema(spec.parameters, 'query'),
  };
  schemaCache.set(spec, built);
  return built;
}

function invalid(operation: string, location: string, issue: z.core.$ZodIssue): InvalidInputError {
  const errorPath = [location, ...issue.path.map(String)].join('.');

  return new InvalidInputError({
    vendor: 'amazon',
    operation,
    message: `${operation}: ${errorPath} ${issue.message}`,
    errorPath,
  });
}

function parseOrThrow<T>(
  schema: z.ZodType,
  value: unknown,
  operation: string,
  location: string,
): T {
  const result = schema.safeParse(value ?? {});

  if (!result.success) throw invalid(operation, location, result.error.issues[0]!);
  return result.data as T;
}

/** The request after validation: dates are `Date`s, unknown keys rejected, rules applied. */
export interface ValidatedRequest {
  path: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

/**
 * Validates and normalizes a call's input.
 * @throws InvalidInputError naming the parameter (`errorPath`, e.g. `query.createdAfter`)
 */
export function validateRequest(
  operation: string,
  spec: OperationSpec,
  request: SpApiCallRequest,
  nowMs: number,
): ValidatedRequest {
  const schemas = schemasOf(spec);
  const path = parseOrThrow<Record<string, string>>(schemas.path, request.path, operation, 'path');
  const query = parseOrThrow<Record<string, unknown>>(
    schemas.query,
    request.query,
    operation,
    'query',
  );
  const body = validateBody(operation, spec, request.body);

  applyRequestRules(operation, spec, query, nowMs);
  return { path, query, body };
}

function validateBody(operation: string, spec: OperationSpec, body: unknown): unknown {
  const parameter = spec.parameters.find((candidate) => candidate.in === 'body');

  if (!parameter) {
    if (body !== undefined)
      throw invalid(operation, 'body', {
        path: [],
        message: 'is not accepted by this operation',
      } as never);
    return undefined;
  }
  if (body === undefined) {
    if (parameter.required)
      throw invalid(operation, 'body', { path: [], message: 'is required' } as never);
    return undefined;
  }

  const schema = BODY_SCHEMAS[operation];
  return schema ? parseOrThrow(schema, body, operation, 'body') : body;
}

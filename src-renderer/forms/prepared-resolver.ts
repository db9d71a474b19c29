import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldError, FieldErrors, FieldValues, Resolver, ResolverResult } from 'react-hook-form';
import type { z } from 'zod';

export interface PreparedValues {
  /** The values in the shape the schema expects (date boxes combined, hidden fields blanked…). */
  readonly values: Record<string, unknown>;
  /** Problems found while preparing, by field name; they take the place of the schema's errors for those fields. */
  readonly errors: Readonly<Record<string, string>>;
}

/**
 * A resolver that runs `prepare` on what the form holds before the zod schema sees it: the shared schema stays the
 * one judge of the values, while the page collects them in GOV.UK's shape (a date as three boxes, fields revealed
 * only for some choices). Every problem is reported together, the schema's and the preparation's.
 */
export function preparedResolver<Input extends FieldValues, Schema extends z.ZodType>(
  schema: Schema,
  prepare: (values: Input) => PreparedValues,
): Resolver<Input, unknown, z.output<Schema>> {
  const schemaResolver = zodResolver(schema as never) as unknown as Resolver<FieldValues, unknown, z.output<Schema>>;
  return async (values, context, options) => {
    const prepared = prepare(values);
    const result = await schemaResolver(prepared.values, context, options as never);
    const extra = Object.entries(prepared.errors);
    if (extra.length === 0) return result as ResolverResult<Input, z.output<Schema>>;
    const errors: Record<string, FieldError | undefined> = { ...(result.errors as Record<string, FieldError | undefined>) };
    for (const [name, message] of extra) errors[name] = { type: 'custom', message };
    return { values: {}, errors: errors as FieldErrors<Input> };
  };
}

/**
 * The schema's resolver, for a form whose raw values are typed more loosely than the schema's input (an unticked
 * confirmation is false where the schema wants `true`; an unchosen radio is null).
 */
export function looseResolver<Input extends FieldValues, Schema extends z.ZodType>(schema: Schema): Resolver<Input, unknown, z.output<Schema>> {
  return preparedResolver(schema, (values: Input) => ({ values: { ...values }, errors: {} }));
}

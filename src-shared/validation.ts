import type { z } from 'zod';
import type { AppError } from './result';

/** Turns zod issues into one message per field path; the first issue for a field wins (it is the most basic). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_root';
    if (issue.code === 'unrecognized_keys') {
      for (const unknownKey of issue.keys) {
        const path = key === '_root' ? unknownKey : `${key}.${unknownKey}`;
        fields[path] ??= `${unknownKey} is not a recognised field`;
      }
      continue;
    }
    fields[key] ??= issue.message;
  }
  return fields;
}

export function invalidInput(error: z.ZodError, what = 'The request'): AppError {
  const fields = fieldErrors(error);
  const count = Object.keys(fields).length;
  return {
    code: 'invalid_input',
    message: `${what} has ${count === 1 ? 'a problem' : `${String(count)} problems`}: ${Object.entries(fields)
      .map(([field, message]) => `${field}: ${message}`)
      .join('; ')}`,
    fields,
  };
}

import { pino, type DestinationStream, type Logger } from 'pino';
import { describeDatabaseError } from '../db/db-errors';

export type { Logger } from 'pino';

/**
 * Takes out anything in free text that looks like an email address or a session token. Error messages from
 * libraries are not ours to control; this keeps a careless one from putting personal data into the log.
 */
export function scrub(text: string): string {
  return text.replace(/[^\s@"'<>()]+@[^\s@"'<>()]+/g, '[email]').replace(/cus_[A-Za-z0-9_-]{10,}/g, '[token]');
}

/**
 * What an error may put in the log. Database errors keep only their codes and schema names (their messages can
 * quote the values that failed); other errors keep type, code, and message and stack with emails and tokens scrubbed.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  const database = describeDatabaseError(error);
  if (database) return { type: 'DatabaseError', ...database };
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { type: error.name, message: scrub(error.message), ...(typeof code === 'string' ? { code } : {}), stack: scrub(error.stack ?? '') };
  }
  return { type: typeof error };
}

/**
 * Structured JSON logs, one object per line. The code logs ids only (request, session, person, record) — never
 * passwords, tokens, email addresses or other personal data; the redaction list is a second line of defence should
 * a careless log call ever pass a whole request or body.
 */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'custodian-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: 'msg',
      serializers: { err: loggableError },
      redact: {
        paths: [
          'headers.authorization',
          'req.headers.authorization',
          '*.password',
          '*.currentPassword',
          '*.newPassword',
          '*.oneTimePassword',
          '*.token',
          '*.email',
          'body',
          'req.body',
        ],
        censor: '[redacted]',
      },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

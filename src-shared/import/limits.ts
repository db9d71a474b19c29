/**
 * How much an import may ask of the app. A file over the size cap is refused before it is decoded (with a message
 * saying so), never half-read; the row cap stops a 50 MB file of one-character lines from becoming 25 million rows.
 */
export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024;

/** The same file as base64 text (4 characters for every 3 bytes), as it crosses the bridge. */
export const MAX_IMPORT_BASE64_LENGTH = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4;

export const MAX_IMPORT_ROWS = 1_000_000;

/** Errors and warnings listed in a preview; the counts still cover every one. */
export const MAX_LISTED_ISSUES = 1000;

/** Valid rows shown in a preview, so the person can check the columns were read the right way round. */
export const SAMPLE_SIZE = 20;

export const FILE_TOO_LARGE_MESSAGE = 'The file is larger than 50 MB: split it into smaller files and import each one';

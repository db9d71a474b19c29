/** Import command implementations (handler table: src-shared/api/import-handlers.ts). */
export const importCommandHandlers = {};

/** Import/export query implementations (handler table: src-shared/api/import-handlers.ts). */
export const importQueryHandlers = {};

/** Demo department command implementations (handler table: src-shared/api/demo-handlers.ts). */
export const demoCommandHandlers = {};

/** Demo department methods of the handler table. */
export const demoHandlers = {} as const;

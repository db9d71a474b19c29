/** Import and export methods of the handler table (CSV/XLSX in, CSV/XLSX out). */
export const importHandlers = {} as const;

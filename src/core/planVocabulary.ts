/**
 * The plan format's fixed word lists, kept free of zod so that code which only needs the words (the
 * custom functions loaded on workbook open) does not pull the schema library into its bundle.
 * planSchema.ts builds its enums from these and re-exports them.
 */
export const indicatorKinds = ["percent", "count", "amount", "rank", "index"] as const;
export const statusCodes = ["achieved", "ahead", "onTrack", "lagging", "missed"] as const;

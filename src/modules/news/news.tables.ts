/** Tables of the news module (filled in by its migration). */
// biome-ignore lint/suspicious/noEmptyInterface: the module's tables are added with its migration
export interface NewsTables {}

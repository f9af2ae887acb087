/**
 * A submitted form field's text with its line breaks as the server writes them. Browsers send a
 * textarea's line breaks as CRLF (HTML's form submission rule) while the values the page was made
 * from, and the stored settings and entries, break lines with LF: read raw, every multi-line field
 * counted as changed, and saving the rules form undid exemptions made in chat meanwhile.
 */
export const formText = (value: string): string => value.replace(/\r\n?/g, '\n');

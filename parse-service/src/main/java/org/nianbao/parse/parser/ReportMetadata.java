package org.nianbao.parse.parser;

/**
 * Title, agency, covered year and publication date read from a report; it exists to carry metadata from the
 * extractor to the report assembly.
 *
 * @param dateFromSignature true when publishedAt came only from the signature date at the end of the text
 */
public record ReportMetadata(String title, String agency, String source, Integer year, String publishedAt,
                             boolean dateFromSignature) {
}

package org.nianbao.ingest.service;

import java.util.Map;

/**
 * Where a document came from: the stable locator that gives the report its id, and what the source said about it.
 *
 * @param locator     stable identity of the report at its source: a normalised URL, {@code folder:<relative path>},
 *                    {@code upload:<name>} or {@code draft:<name>}
 * @param kind        crawl, folder, upload or draft
 * @param sourceUrl   the URL fetched, when there is one
 * @param fileName    the file name as given
 * @param contentType the media type the source declared, if any
 * @param hints       site name, list title, list date…
 */
public record SourceDescriptor(
        String locator, SourceKind kind, String sourceUrl, String fileName, String contentType,
        Map<String, String> hints) {

    public SourceDescriptor {
        hints = hints == null ? Map.of() : Map.copyOf(hints);
    }

    /** How a document reached ingest-service. */
    public enum SourceKind {
        CRAWL, FOLDER, UPLOAD, DRAFT;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static SourceDescriptor upload(String fileName, String contentType, boolean draft) {
        SourceKind kind = draft ? SourceKind.DRAFT : SourceKind.UPLOAD;
        return new SourceDescriptor(kind.wireName() + ":" + fileName, kind, null, fileName, contentType, Map.of());
    }

    public static SourceDescriptor folderFile(String relativePath, String fileName) {
        return new SourceDescriptor("folder:" + relativePath, SourceKind.FOLDER, null, fileName, null, Map.of());
    }

    public static SourceDescriptor crawled(String url, String fileName, String contentType, Map<String, String> hints) {
        return new SourceDescriptor(url, SourceKind.CRAWL, url, fileName, contentType, hints);
    }
}

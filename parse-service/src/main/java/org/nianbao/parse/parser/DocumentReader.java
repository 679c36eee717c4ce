package org.nianbao.parse.parser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Detects a document's type from its bytes (never from its name) and hands it to the matching extractor; it
 * exists because crawled files arrive with wrong or missing extensions.
 */
public final class DocumentReader {

    private static final Pattern HTML_TAG = Pattern.compile(
            "(?i)<(html|body|div|p|table|tr|td|span|br|meta|head|font|h[1-6])[\\s>/]");

    private final long maxBytes;

    public DocumentReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public DocumentText read(byte[] content, String fileName) {
        return read(content, fileName, ParseBudget.standalone());
    }

    /** Reads a document; PDF pages are read while {@code budget} has time left, at most its page limit. */
    public DocumentText read(byte[] content, String fileName, ParseBudget budget) {
        if (content == null || content.length == 0) {
            throw new UnparseableDocumentException("empty input" + name(fileName));
        }
        if (content.length > maxBytes) {
            throw new UnparseableDocumentException("input of " + content.length + " bytes is over the size limit of "
                    + maxBytes + " bytes" + name(fileName));
        }
        Container container = container(content);
        if (container == Container.PDF) {
            return PdfTextExtractor.extract(content, budget);
        }
        if (container == Container.ZIP) {
            String head = new String(content, StandardCharsets.ISO_8859_1);
            if (head.contains("word/document.xml") || head.contains("word/")) {
                return OfficeTextExtractor.extract(content, "docx", budget);
            }
            throw new UnparseableDocumentException("ZIP archive that is not a Word document" + name(fileName));
        }
        if (container == Container.OLE) {
            return OfficeTextExtractor.extract(content, "doc", budget);
        }
        if (container == Container.RTF) {
            throw new UnparseableDocumentException("RTF documents are not supported" + name(fileName));
        }
        boolean looksHtml = looksHtml(content);
        DecodedText decoded = CharsetSniffer.decode(content, looksHtml);
        if (isBinary(decoded.text())) {
            throw new UnparseableDocumentException("binary data of no known type (not HTML, PDF, DOC, DOCX or text)"
                    + name(fileName));
        }
        List<ParseWarning> warnings = new ArrayList<>();
        if (decoded.guessed()) {
            warnings.add(ParseWarning.of("PARSE.ENCODING",
                    "未声明字符编码，按 " + decoded.charset() + " 解码 / undeclared encoding, decoded as " + decoded.charset()));
        }
        if (looksHtml) {
            return HtmlTextExtractor.extract(decoded.text(), "html", warnings);
        }
        String text = decoded.text().replace("\r\n", "\n").replace('\r', '\n');
        if (TextNormalizer.isBlank(text)) {
            throw new UnparseableDocumentException("input holds only whitespace" + name(fileName));
        }
        StringBuilder kept = new StringBuilder(text.length());
        Set<Integer> pageNumbers = new TreeSet<>();
        for (String line : text.split("\n", -1)) {
            if (!PdfTextExtractor.isPageChrome(line)) {
                kept.append(DelimitedRows.normalize(line)).append('\n');
            } else {
                PdfTextExtractor.addPageNumber(line, pageNumbers);
            }
        }
        String body = kept.toString();
        return new DocumentText("text", body, body, null, warnings, false, pageNumbers);
    }

    /**
     * Heap a parse of these bytes may need at its peak, in bytes: measured on this parser (BENCHMARKS.md "Parse
     * memory"), text about 11× its size and HTML about 17× (decoded characters, the DOM, folded copies), a PDF about
     * 5× plus its fonts, Word documents through Tika in between; estimates round up. It exists so a service can
     * refuse, with a reason, a document its heap cannot hold, and admit big documents one at a time.
     */
    public static long heapEstimate(byte[] content) {
        long n = content.length;
        return switch (container(content)) {
            case PDF -> 6 * n + (48L << 20);
            case ZIP, OLE -> 14 * n + (32L << 20);
            case RTF, NONE -> (looksHtml(content) ? 20 : 13) * n + (16L << 20);
        };
    }

    /** The binary container the bytes start with, told by its magic number; NONE for text and HTML. */
    private enum Container { PDF, ZIP, OLE, RTF, NONE }

    private static Container container(byte[] content) {
        if (startsWithin(content, "%PDF-", 1024)) {
            return Container.PDF;
        }
        if (startsWith(content, new int[] {0x50, 0x4B, 0x03, 0x04})) {
            return Container.ZIP;
        }
        if (startsWith(content, new int[] {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})) {
            return Container.OLE;
        }
        if (startsWith(content, new int[] {0x7B, 0x5C, 0x72, 0x74, 0x66})) {
            return Container.RTF;
        }
        return Container.NONE;
    }

    /** An HTML tag in the first 8 KiB. */
    private static boolean looksHtml(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 8192), StandardCharsets.ISO_8859_1);
        return RegexScan.first(HTML_TAG, head, 0, head.length()) != null;
    }

    private static String name(String fileName) {
        return fileName == null ? "" : " (" + fileName + ")";
    }

    private static boolean startsWith(byte[] b, int[] magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithin(byte[] b, String magic, int window) {
        String head = new String(b, 0, Math.min(b.length, window), StandardCharsets.ISO_8859_1);
        return head.contains(magic) && head.indexOf(magic) < window;
    }

    /** Control characters or replacement characters in more than 2% of the text mean it is not text. */
    static boolean isBinary(String text) {
        int n = Math.min(text.length(), 20000);
        if (n == 0) {
            return false;
        }
        int bad = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0xE000) {
                continue; // most characters: one test
            }
            boolean control = c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f';
            boolean privateOrReplacement = c >= 0xE000 && (c <= 0xF8FF || c == '\uFFFD');
            if (control || privateOrReplacement) {
                bad++;
            }
        }
        return bad * 50 > n;
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}

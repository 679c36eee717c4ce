package org.nianbao.parse.parser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Reads the text layer of a PDF page by page, ruled tables row by row with tab-separated cells (see
 * {@link PdfPageReader}), dropping page-number lines, and recognises image-only (scanned) documents; it exists
 * because many reports are published only as PDF.
 */
public final class PdfTextExtractor {

    private static final int MIN_TEXT_CHARS_PER_PAGE = 20;
    private static final Pattern DASHED_PAGE = Pattern.compile("[-—]\\s*\\d{1,3}\\s*[-—]");
    private static final Pattern NUMBERED_PAGE =
            Pattern.compile("第\\s*\\d{1,3}\\s*页(\\s*[,，]?\\s*共\\s*\\d{1,3}\\s*页)?");
    private static final Pattern PAGE_OF_PAGES = Pattern.compile("\\d{1,3}\\s*/\\s*\\d{1,3}");
    private static final Pattern FIRST_NUMBER = Pattern.compile("\\d{1,3}");

    private PdfTextExtractor() {
    }

    public static DocumentText extract(byte[] bytes) {
        return extract(bytes, ParseBudget.standalone());
    }

    /**
     * Reads at most the budget's page limit, and stops at the first page begun after its deadline; either way the
     * pages read are kept and the text carries {@code PARSE.BUDGET_EXCEEDED} saying how many were read.
     */
    public static DocumentText extract(byte[] bytes, ParseBudget budget) {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            if (pdf.isEncrypted()) {
                pdf.setAllSecurityToBeRemoved(true);
            }
            int pages = pdf.getNumberOfPages();
            if (pages == 0) {
                throw new UnparseableDocumentException("PDF has no pages");
            }
            PdfPageReader reader = new PdfPageReader(budget);
            reader.setEndPage(Math.min(pages, budget.limits().maxPages()));
            List<List<PdfPageReader.Line>> pageLines = reader.read(pdf);
            StringBuilder text = new StringBuilder();
            Set<Integer> pageNumbers = new TreeSet<>();
            int meaningful = 0;
            for (List<PdfPageReader.Line> page : pageLines) {
                for (PdfPageReader.Line line : page) {
                    meaningful += TextNormalizer.squeeze(line.text()).replace(String.valueOf(DocumentText.BLANK), "")
                            .length();
                    if (line.tableRow() || !isPageChrome(line.text())) {
                        text.append(line.text().strip()).append('\n');
                    } else {
                        addPageNumber(line.text(), pageNumbers);
                    }
                }
            }
            String title = title(pdf.getDocumentInformation());
            List<ParseWarning> warnings = new ArrayList<>();
            if (pageLines.size() < pages) {
                warnings.add(ParseWarning.of(ReportParser.BUDGET_EXCEEDED, "PDF 共 " + pages + " 页，只读取了前 "
                        + pageLines.size() + " 页（" + (pageLines.size() >= budget.limits().maxPages() ? "页数上限"
                        : "时间预算") + "）/ only the first " + pageLines.size() + " of " + pages + " pages were read"));
            }
            boolean scanned = meaningful < MIN_TEXT_CHARS_PER_PAGE * pageLines.size() && hasImages(pdf);
            if (meaningful == 0 && !scanned) {
                scanned = true;
            }
            if (scanned) {
                warnings.add(ParseWarning.of("PARSE.SCANNED_PDF",
                        "PDF 无文本层（扫描件/图片），" + pages + " 页，无法读取表格 / image-only PDF, no text layer"));
            }
            String body = text.toString();
            return new DocumentText("pdf", body, body, title, warnings, scanned, pageNumbers);
        } catch (InvalidPasswordException e) {
            throw new UnparseableDocumentException("PDF is encrypted with a user password", e);
        } catch (IOException e) {
            throw new UnparseableDocumentException("corrupt PDF: " + e.getMessage(), e);
        }
    }

    private static boolean hasImages(PDDocument pdf) {
        for (PDPage page : pdf.getPages()) {
            try {
                if (page.getResources() != null) {
                    for (var name : page.getResources().getXObjectNames()) {
                        if (page.getResources().isImageXObject(name)) {
                            return true;
                        }
                    }
                }
            } catch (RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    private static String title(PDDocumentInformation info) {
        if (info == null || info.getTitle() == null || info.getTitle().isBlank()) {
            return null;
        }
        return info.getTitle().trim();
    }

    /** Adds the number of a page-number line (its first number: 3 of "第 3 页 共 9 页" or "3/9"). */
    static void addPageNumber(String pageChromeLine, Set<Integer> pageNumbers) {
        Matcher m = FIRST_NUMBER.matcher(TextNormalizer.fold(pageChromeLine));
        if (m.find()) {
            pageNumbers.add(Integer.parseInt(m.group()));
        }
    }

    /** Page numbers like "-3-", "— 3 —", "第 3 页 共 9 页", "3/9". */
    static boolean isPageChrome(String line) {
        if (!mayBePageChrome(line)) {
            return false;
        }
        String t = TextNormalizer.fold(line).strip();
        return DASHED_PAGE.matcher(t).matches() || NUMBERED_PAGE.matcher(t).matches()
                || PAGE_OF_PAGES.matcher(t).matches();
    }

    /**
     * False when no page-number pattern can match: each starts with "-", "—", "第" or an ASCII digit, which after
     * folding and stripping is the first character of the line that does not fold to whitespace; most lines of a
     * report fail this check and skip the folding and the regular expressions.
     */
    private static boolean mayBePageChrome(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = TextNormalizer.fold(line.charAt(i));
            if (!Character.isWhitespace(c)) {
                return c == '-' || c == '—' || c == '第' || (c >= '0' && c <= '9');
            }
        }
        return false;
    }
}

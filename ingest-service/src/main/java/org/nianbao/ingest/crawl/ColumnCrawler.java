package org.nianbao.ingest.crawl;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Walks a government site's 年报 column: list pages (with their pagination) on the same host, and hands every
 * report page or report attachment it finds to a sink, so reports are stored one by one as they are found.
 */
public final class ColumnCrawler {

    private static final Pattern PAGINATION = Pattern.compile("^(下一页|下页|尾页|末页|\\d{1,3}|>|»|next)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTACHMENT = Pattern.compile(".*\\.(pdf|docx?|wps|txt)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern REPORT_TITLE = Pattern.compile(".*(19|20)\\d{2}.*(年度报告|年报).*");

    private final PoliteFetcher fetcher;
    private final List<String> keywords;
    private final int maxPages;

    public ColumnCrawler(PoliteFetcher fetcher, List<String> keywords, int maxPages) {
        this.fetcher = fetcher;
        this.keywords = List.copyOf(keywords);
        this.maxPages = maxPages;
    }

    /** A report document found by the crawl, with what the listing said about it. */
    public record FoundReport(PoliteFetcher.Fetched document, String linkText, String listPage) {
        public Map<String, String> hints(String siteName) {
            return Map.of("listTitle", linkText == null ? "" : linkText,
                    "listPage", listPage == null ? "" : listPage,
                    "siteName", siteName == null ? "" : siteName);
        }
    }

    /** What a crawl did, for the caller's summary and progress. */
    public record CrawlSummary(int pagesVisited, int reportsFound, List<String> errors) {
    }

    public CrawlSummary crawl(String startUrl, Consumer<FoundReport> sink) {
        Deque<URI> listPages = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        URI start = URI.create(startUrl);
        listPages.add(start);
        seen.add(start.toString());
        int pages = 0;
        int reports = 0;
        List<String> errors = new java.util.ArrayList<>();
        while (!listPages.isEmpty() && pages < maxPages) {
            URI pageUrl = listPages.poll();
            PoliteFetcher.Fetched page;
            try {
                page = fetcher.fetch(pageUrl.toString());
            } catch (RuntimeException e) {
                errors.add(e.getMessage());
                continue;
            }
            pages++;
            Document doc = Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8), page.url().toString());
            for (Element link : doc.select("a[href]")) {
                String href = link.absUrl("href");
                if (href.isEmpty() || !sameHost(start, href) || !seen.add(stripFragment(href))) {
                    continue;
                }
                String text = link.text().trim();
                if (isReportLink(text, href)) {
                    try {
                        sink.accept(new FoundReport(fetcher.fetch(href), text, pageUrl.toString()));
                        reports++;
                    } catch (RuntimeException e) {
                        errors.add(e.getMessage());
                    }
                } else if (PAGINATION.matcher(text).matches() || containsKeyword(text)) {
                    listPages.add(URI.create(stripFragment(href)));
                }
            }
        }
        return new CrawlSummary(pages, reports, List.copyOf(errors));
    }

    private boolean isReportLink(String text, String href) {
        String title = text.replaceAll("\\s+", "");
        return REPORT_TITLE.matcher(title).matches()
                || (ATTACHMENT.matcher(href.toLowerCase(Locale.ROOT)).matches() && containsKeyword(title));
    }

    private boolean containsKeyword(String text) {
        return keywords.stream().anyMatch(text::contains);
    }

    private static boolean sameHost(URI start, String href) {
        try {
            return start.getHost().equalsIgnoreCase(URI.create(href).getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String stripFragment(String href) {
        int hash = href.indexOf('#');
        return hash < 0 ? href : href.substring(0, hash);
    }
}

package org.nianbao.ingest.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.nianbao.ingest.config.IngestConfig;
import org.nianbao.ingest.crawl.ColumnCrawler;
import org.nianbao.ingest.crawl.PoliteFetcher;
import org.nianbao.ingest.crawl.UrlGuard;
import org.nianbao.ingest.repository.ReportSourceRepository;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Runs crawls of 年报 columns and the periodic re-fetch of known report URLs that reveals silent edits. */
@ApplicationScoped
public class CrawlService {

    private static final Logger LOG = Logger.getLogger(CrawlService.class);

    private final IngestService ingest;
    private final IngestConfig config;
    private final ReportSourceRepository sources;

    public CrawlService(IngestService ingest, IngestConfig config, ReportSourceRepository sources) {
        this.ingest = ingest;
        this.config = config;
        this.sources = sources;
    }

    /** What a crawl stored. */
    public record CrawlResult(int pagesVisited, int reportsFound, int newReports, int newVersions, List<String> errors) {
    }

    public CrawlResult crawl(String startUrl, String siteName) {
        UrlGuard guard = newGuard();
        guard.check(startUrl); // refuse bad URLs up front with a clear message
        PoliteFetcher fetcher = newFetcher(guard);
        ColumnCrawler crawler = new ColumnCrawler(fetcher, config.crawl().linkKeywords(), config.crawl().maxPages());
        int[] counts = new int[2];
        List<String> errors = new ArrayList<>();
        ColumnCrawler.CrawlSummary summary = crawler.crawl(startUrl, found -> {
            String url = found.document().url().toString();
            try {
                StoreOutcome outcome = ingest.ingest(found.document().body(),
                        SourceDescriptor.crawled(url, fileName(found.document().url()), found.document().contentType(),
                                found.hints(siteName)));
                counts[0] += outcome.change() == StoreOutcome.Change.NEW_REPORT ? 1 : 0;
                counts[1] += outcome.change() == StoreOutcome.Change.NEW_VERSION ? 1 : 0;
                LOG.infof("crawl %s: %s → report %s v%d", startUrl, url, outcome.reportId(), outcome.version());
            } catch (RejectedDocumentException e) {
                errors.add(e.getMessage());
            }
        });
        if (summary.pagesVisited() == 0 && !summary.errors().isEmpty()) {
            throw new PoliteFetcher.FetchException(summary.errors().get(0)); // the start page itself failed
        }
        errors.addAll(summary.errors());
        return new CrawlResult(summary.pagesVisited(), summary.reportsFound(), counts[0], counts[1], List.copyOf(errors));
    }

    /** Fetches every crawled report again; changed bytes become a new version (PUBLISH.EDITED downstream). */
    @Scheduled(every = "${nianbao.ingest.crawl.recheck-every:24h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRecheck() {
        recheckKnownReports();
    }

    /** Fetches every crawled report again now; returns how many changed. */
    public int recheckKnownReports() {
        PoliteFetcher fetcher = newFetcher(newGuard());
        int changed = 0;
        for (var source : sources.listCrawled()) {
            try {
                PoliteFetcher.Fetched fetched = fetcher.fetch(source.sourceUrl);
                StoreOutcome outcome = ingest.ingest(fetched.body(),
                        SourceDescriptor.crawled(source.sourceUrl, source.fileName, fetched.contentType(), java.util.Map.of()));
                if (outcome.change() == StoreOutcome.Change.NEW_VERSION) {
                    changed++;
                    LOG.warnf("report %s changed after publication: %s is now v%d", outcome.reportId(), source.sourceUrl, outcome.version());
                }
            } catch (RuntimeException e) {
                LOG.warnf("recheck of %s failed: %s", source.sourceUrl, e.getMessage());
            }
        }
        return changed;
    }

    private UrlGuard newGuard() {
        Set<String> allowed = config.crawl().allowPrivateHosts().orElse(List.of()).stream()
                .map(String::toLowerCase).collect(Collectors.toSet());
        return new UrlGuard(allowed, false, "nianbao.ingest.crawl.allow-private-hosts");
    }

    private PoliteFetcher newFetcher(UrlGuard guard) {
        return new PoliteFetcher(guard, config.crawl().userAgent(), config.crawl().delay(),
                config.crawl().timeout(), config.maxBytes());
    }

    private static String fileName(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() ? "index.html" : last;
    }
}

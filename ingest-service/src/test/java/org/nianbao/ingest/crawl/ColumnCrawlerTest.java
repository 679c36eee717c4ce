package org.nianbao.ingest.crawl;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Crawls a small fake 年报 column served on loopback: list pages with pagination, report pages, robots.txt. */
class ColumnCrawlerTest {

    private HttpServer server;
    private String base;
    private final List<String> requested = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, String> pages = Map.of(
                "/robots.txt", "User-agent: *\nDisallow: /secret/\n",
                "/ndbg/index.html", """
                        <html><body><ul>
                        <li><a href="/ndbg/2023.html">平潭综合实验区2023年政府信息公开工作年度报告</a></li>
                        <li><a href="/ndbg/2022.html">平潭综合实验区2022年政府信息公开工作年度报告</a></li>
                        <li><a href="/news/1.html">区领导调研</a></li>
                        <li><a href="/secret/2021.html">2021年政府信息公开工作年度报告</a></li>
                        </ul><a href="/ndbg/index_1.html">下一页</a><a href="http://other.example/2020年年报.html">2020年年报</a></body></html>""",
                "/ndbg/index_1.html", """
                        <html><body><a href="/ndbg/2020.pdf">2020年政府信息公开年报</a>
                        <a href="/ndbg/index.html">1</a></body></html>""",
                "/ndbg/2023.html", "<html><body><h1>2023年报</h1>一、总体情况</body></html>",
                "/ndbg/2022.html", "<html><body><h1>2022年报</h1></body></html>",
                "/ndbg/2020.pdf", "%PDF-1.4 fake",
                "/secret/2021.html", "must not be fetched");
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requested.add(path + " " + exchange.getRequestHeaders().getFirst("User-Agent"));
            String body = pages.get(path);
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private PoliteFetcher fetcher() {
        return new PoliteFetcher(new UrlGuard(Set.of("127.0.0.1"), false, "test"), "nianbao-test", Duration.ofMillis(1), Duration.ofSeconds(5), 1_000_000);
    }

    @Test
    void findsEveryReportOnTheColumnAndItsPagesButObeysRobotsAndStaysOnHost() {
        List<String> found = new ArrayList<>();
        ColumnCrawler.CrawlSummary summary = new ColumnCrawler(fetcher(), List.of("年报", "年度报告"), 10)
                .crawl(base + "/ndbg/index.html", report -> found.add(report.document().url().getPath() + " | " + report.linkText()));

        assertEquals(List.of(
                "/ndbg/2023.html | 平潭综合实验区2023年政府信息公开工作年度报告",
                "/ndbg/2022.html | 平潭综合实验区2022年政府信息公开工作年度报告",
                "/ndbg/2020.pdf | 2020年政府信息公开年报"), found);
        assertEquals(2, summary.pagesVisited());
        assertEquals(1, summary.errors().size());
        assertTrue(summary.errors().get(0).contains("robots.txt"), summary.errors().toString());
        assertTrue(requested.stream().noneMatch(r -> r.startsWith("/secret/")), requested.toString());
        assertTrue(requested.stream().allMatch(r -> r.endsWith("nianbao-test")), "every request carries our user agent");
    }

    @Test
    void oversizeBodyIsRefused() {
        PoliteFetcher small = new PoliteFetcher(new UrlGuard(Set.of("127.0.0.1"), false, "test"), "t", Duration.ZERO, Duration.ofSeconds(5), 10);
        PoliteFetcher.FetchException e = assertThrows(PoliteFetcher.FetchException.class, () -> small.fetch(base + "/ndbg/index.html"));
        assertTrue(e.getMessage().contains("larger than 10 bytes"), e.getMessage());
    }

    @Test
    void redirectToInternalAddressIsRefusedEvenFromAnAllowedHost() {
        server.createContext("/jump", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        assertThrows(UrlGuard.RefusedUrlException.class, () -> fetcher().fetch(base + "/jump"));
    }
}

package org.nianbao.search.bench;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nianbao.search.TestEvents;
import org.nianbao.search.mapping.ValidatedEventMapper;
import org.nianbao.search.query.Facet;
import org.nianbao.search.query.SearchCriteria;
import org.nianbao.search.query.SearchRequestFactory;
import org.nianbao.search.query.SearchSort;

/**
 * Indexing rate and search latency on N synthetic reports, using the production mapping and the production query
 * builder. Not a test: run it by hand (see search-service/README.md) and record the output in BENCHMARKS.md.
 *
 * <p>Arguments: {@code <reports> [es-url] [--keep] [--reuse] [--chars=<section text length>]} (default 200 characters of
 * real section text per section, 7 sections). Writes to its own index {@code nianbao-bench-<reports>}, recreated unless {@code --reuse} (with
 * {@code --keep} from an earlier run) skips the indexing.
 */
public final class SearchBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JacksonJsonpMapper JSONP = new JacksonJsonpMapper();
    private static final String[] PROVINCES = {"北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省",
        "黑龙江省", "上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省",
        "广西壮族自治区", "海南省", "重庆市", "四川省", "贵州省", "云南省", "西藏自治区", "陕西省", "甘肃省", "青海省",
        "宁夏回族自治区", "新疆维吾尔自治区"};
    private static final String[] LEVELS = {"province", "city", "county", "township"};
    private static final String[] KINDS = {"government", "department", "street_office", "township"};
    private static final String[] STATUSES = {"compliant", "compliant", "warnings", "warnings", "noncompliant"};
    private static final String[] RULES = {"S3.BALANCE", "S3.ROW_TOTAL", "S3.OUTCOME_TOTAL", "CELL.BLANK",
        "TEXT.FEE_UNREPORTED", "PUBLISH.LATE", "YEAR.CARRY_OVER", "TEXT.NARRATIVE_MISMATCH"};
    private static final String[] QUERIES = {"行政复议", "信息处理费", "依申请公开", "政务公开", "行政诉讼", "主动公开",
        "规范性文件", "政府网站", "新闻发布会", "存在的主要问题"};

    private static int sectionChars = 200;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String es;
    private final String index;

    private final boolean reuse;

    private SearchBenchmark(String es, String index, boolean reuse) {
        this.es = es;
        this.index = index;
        this.reuse = reuse;
    }

    public static void main(String[] args) throws Exception {
        int reports = Integer.parseInt(args.length > 0 ? args[0] : "100000");
        String es = args.length > 1 && !args[1].startsWith("--") ? args[1] : "http://127.0.0.1:9200";
        boolean keep = Arrays.asList(args).contains("--keep");
        sectionChars = Arrays.stream(args).filter(a -> a.startsWith("--chars=")).map(a -> Integer.parseInt(a.substring(8)))
                .findFirst().orElse(200);
        SearchBenchmark bench = new SearchBenchmark(es, "nianbao-bench-" + reports,
                Arrays.asList(args).contains("--reuse"));
        bench.run(reports, keep);
    }

    private void run(int reports, boolean keep) throws Exception {
        System.out.printf("machine: %d cores, JVM %s, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
        boolean reuse = send("HEAD", "/" + index, null).statusCode() == 200 && this.reuse;
        if (!reuse) {
            send("DELETE", "/" + index, null);
            createIndex();
            long start = System.nanoTime();
            load(reports);
            double seconds = (System.nanoTime() - start) / 1e9;
            send("PUT", "/" + index + "/_settings", "{\"index\":{\"refresh_interval\":\"1s\"}}");
            send("POST", "/" + index + "/_refresh", null);
            System.out.printf("indexed %d reports (7 sections x %d chars of text) in %.1f s = %.0f reports/s "
                    + "(bulk 1000, 2 threads)%n", reports, sectionChars, seconds, reports / seconds);
        }
        send("POST", "/" + index + "/_forcemerge?max_num_segments=1", null);
        JsonNode count = JSON.readTree(send("GET", "/" + index + "/_count", null).body());
        JsonNode stats = JSON.readTree(send("GET", "/" + index + "/_stats/store", null).body());
        System.out.printf("documents: %d, store: %d MB%n", count.get("count").asLong(),
                stats.at("/_all/primaries/store/size_in_bytes").asLong() >> 20);

        SearchRequestFactory factory = new SearchRequestFactory(50);
        Random random = new Random(7);
        List<Map<Facet, List<String>>> filters = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            texts.add(QUERIES[random.nextInt(QUERIES.length)]);
            filters.add(Map.of(Facet.PROVINCE, List.of(PROVINCES[random.nextInt(PROVINCES.length)]),
                    Facet.YEAR, List.of(String.valueOf(2019 + random.nextInt(6))),
                    Facet.STATUS, List.of(STATUSES[random.nextInt(STATUSES.length)]),
                    Facet.AGENCY_LEVEL, List.of(LEVELS[random.nextInt(LEVELS.length)])));
        }
        measure("text only, no facets", i -> plain(factory, texts.get(i), Map.of()));
        measure("text + 4 facet filters, no facet counts", i -> plain(factory, texts.get(i), filters.get(i)));
        measure("search page: text + 4 facet filters + 11 facet counts + highlights", i -> JsonpUtils.toJsonString(
                factory.search(index, new SearchCriteria(texts.get(i), filters.get(i), SearchSort.RELEVANCE, 20, null)),
                JSONP));
        measure("browse: no text, 4 facet filters + 11 facet counts", i -> JsonpUtils.toJsonString(
                factory.search(index, new SearchCriteria(null, filters.get(i), SearchSort.YEAR_DESC, 20, null)), JSONP));
        if (!keep) {
            send("DELETE", "/" + index, null);
        }
    }

    /** The same text query and filters as the search page, without aggregations and highlights. */
    private String plain(SearchRequestFactory factory, String text, Map<Facet, List<String>> filters) {
        SearchCriteria criteria = new SearchCriteria(text, filters, SearchSort.RELEVANCE, 20, null);
        SearchRequest request = SearchRequest.of(s -> s.index(index).size(20)
                .query(factory.textQuery(criteria.text())).postFilter(factory.filters(criteria, null))
                .trackTotalHits(t -> t.enabled(true)));
        return JsonpUtils.toJsonString(request, JSONP);
    }

    private interface Body {
        String of(int i) throws Exception;
    }

    private void measure(String name, Body body) throws Exception {
        for (int i = 0; i < 100; i++) {
            search(body.of(i));
        }
        long[] micros = new long[500];
        long hits = 0;
        for (int i = 0; i < micros.length; i++) {
            String request = body.of(100 + i);
            long start = System.nanoTime();
            hits += search(request);
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(micros);
        System.out.printf("%-70s p50 %6.1f ms  p99 %6.1f ms  (500 queries, mean hits %d)%n", name,
                micros[249] / 1000.0, micros[494] / 1000.0, hits / micros.length);
    }

    private long search(String body) throws Exception {
        HttpResponse<String> response = send("POST", "/" + index + "/_search", body);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.body());
        }
        return JSON.readTree(response.body()).at("/hits/total/value").asLong();
    }

    private void createIndex() throws Exception {
        try (InputStream in = SearchBenchmark.class.getResourceAsStream("/elasticsearch/reports-v2.json")) {
            ObjectNode definition = (ObjectNode) JSON.readTree(in);
            ((ObjectNode) definition.with("settings").with("index")).put("refresh_interval", "-1");
            HttpResponse<String> response = send("PUT", "/" + index, JSON.writeValueAsString(definition));
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.body());
            }
        }
    }

    private void load(int reports) throws Exception {
        ValidatedEventMapper mapper = new ValidatedEventMapper(JSON);
        List<ObjectNode> templates = new ArrayList<>();
        for (String fixture : List.of("pingtan-syq-2019", "pingtan-syq-2021", "pingtan-syq-2023", "shanghai-bgt-2019")) {
            templates.add(mapper.map(TestEvents.raw(fixture)).document());
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> pending = new ArrayList<>();
        int batch = 1000;
        for (int from = 0; from < reports; from += batch) {
            int start = from;
            int end = Math.min(reports, from + batch);
            pending.add(pool.submit(() -> {
                StringBuilder bulk = new StringBuilder();
                Random random = new Random(start);
                for (int i = start; i < end; i++) {
                    ObjectNode doc = synthetic(templates.get(i % templates.size()), i, random);
                    bulk.append("{\"index\":{\"_id\":\"bench-").append(i).append("\"}}\n")
                            .append(doc).append('\n');
                }
                HttpResponse<String> response = send("POST", "/" + index + "/_bulk", bulk.toString());
                if (response.statusCode() != 200 || response.body().contains("\"errors\":true")) {
                    throw new IllegalStateException(response.body().substring(0, Math.min(2000, response.body().length())));
                }
                return null;
            }));
            if (pending.size() >= 8) {
                pending.remove(0).get();
            }
        }
        for (Future<?> f : pending) {
            f.get();
        }
        pool.shutdown();
    }

    private static ObjectNode synthetic(ObjectNode template, int i, Random random) {
        ObjectNode doc = template.deepCopy();
        String province = PROVINCES[random.nextInt(PROVINCES.length)];
        int city = random.nextInt(12);
        int county = random.nextInt(10);
        int year = 2019 + random.nextInt(6);
        String status = STATUSES[random.nextInt(STATUSES.length)];
        doc.put("reportId", "bench-" + i);
        doc.put("province", province);
        doc.put("city", province + "第" + city + "市");
        doc.put("county", province + "第" + city + "市第" + county + "区");
        doc.put("agencyLevel", LEVELS[random.nextInt(LEVELS.length)]);
        doc.put("agencyKind", KINDS[random.nextInt(KINDS.length)]);
        doc.put("agencyKey", "agency-" + (i / 6));
        doc.put("year", year);
        doc.put("publishedAt", (year + 1) + "-0" + (1 + random.nextInt(3)) + "-1" + random.nextInt(10));
        doc.put("publishMonth", doc.get("publishedAt").asText().substring(0, 7));
        doc.put("status", status);
        doc.put("late", random.nextInt(10) == 0);
        doc.putArray("ruleCodes").add(RULES[random.nextInt(RULES.length)]);
        ObjectNode cells = (ObjectNode) doc.get("cells");
        List<String> keys = new ArrayList<>();
        cells.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            cells.put(key, random.nextInt(200));
        }
        for (JsonNode section : doc.get("sections")) {
            String text = section.get("text").asText();
            int from = text.length() > sectionChars ? random.nextInt(text.length() - sectionChars) : 0;
            ((ObjectNode) section).put("text", text.substring(from, Math.min(text.length(), from + sectionChars)));
        }
        doc.remove("history");
        return doc;
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(es + path))
                .header("Content-Type", path.endsWith("_bulk") ? "application/x-ndjson" : "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}

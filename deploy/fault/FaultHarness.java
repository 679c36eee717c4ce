import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The nianbao fault harness (issue 11): feeds N distinct reports generated from deploy/demo/corpus through the running
 * pipeline while it kill -9s each service in turn, restarts the Kafka broker, stops Elasticsearch for a while and
 * restarts PostgreSQL; then asserts that every accepted report is searchable exactly once at its latest version,
 * that every dead-lettered message is explained (and that none of this run's valid reports was dead-lettered) and
 * that every service is ready; prints throughput, upload→searchable latency and per-stage consumer lag.
 *
 * <p>Run through {@code deploy/fault/harness.sh}, which finds a JDK 21+, reads the stack's and the services'
 * environment ({@code stack.sh env}, {@code services.sh env}) and puts the local Kafka distribution's jars on the
 * class path (for the admin client and the DLQ consumer). Everything else is the JDK (HttpClient for HTTP, a small
 * JSON reader below). The last line printed is {@code fault harness: PASS} or {@code fault harness: FAIL (reasons)}.
 */
public class FaultHarness {

    static final String[] SERVICES = {"ingest", "parse", "validate", "search"};
    static final String[][] STAGES = {
        {"report.fetched", "parse-service"}, {"report.parsed", "validate-service"}, {"report.validated", "search-service"}};
    static final String[] DLQ_TOPICS = {"report.fetched.dlq", "report.parsed.dlq", "report.validated.dlq"};
    static final String[] ALL_FAULTS = {"ingest", "parse", "validate", "search", "kafka", "es", "pg"};
    static final String[] SMALL_FAULTS = {"ingest", "parse", "validate", "search"};

    static final long T0 = System.currentTimeMillis();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    // ---------------------------------------------------------------- configuration

    static final class Options {
        int reports = -1;
        boolean small;
        int clients = 4;
        boolean restartKilled;
        double changedFraction = 0.05;
        long seed = 11;
        int waitSeconds = -1;
        int esDownSeconds = 60;
        int gapSeconds = -1;
        int stallSeconds = 180;
        int idleSeconds = 60;
        int busyWaitSeconds = 90;
        int recoverSeconds = 180;
        String alias = "nianbao-reports";
        String faults;
        Path repo;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--reports" -> o.reports = Integer.parseInt(value(args, ++i, a));
                    case "--small" -> o.small = true;
                    case "--clients" -> o.clients = Integer.parseInt(value(args, ++i, a));
                    case "--restart-killed" -> o.restartKilled = true;
                    case "--changed" -> o.changedFraction = Double.parseDouble(value(args, ++i, a));
                    case "--seed" -> o.seed = Long.parseLong(value(args, ++i, a));
                    case "--wait" -> o.waitSeconds = Integer.parseInt(value(args, ++i, a));
                    case "--es-down" -> o.esDownSeconds = Integer.parseInt(value(args, ++i, a));
                    case "--gap" -> o.gapSeconds = Integer.parseInt(value(args, ++i, a));
                    case "--stall" -> o.stallSeconds = Integer.parseInt(value(args, ++i, a));
                    case "--idle" -> o.idleSeconds = Integer.parseInt(value(args, ++i, a));
                    case "--busy-wait" -> o.busyWaitSeconds = Integer.parseInt(value(args, ++i, a));
                    case "--recover" -> o.recoverSeconds = Integer.parseInt(value(args, ++i, a));
                    case "--alias" -> o.alias = value(args, ++i, a);
                    case "--faults" -> o.faults = value(args, ++i, a);
                    case "--repo" -> o.repo = Path.of(value(args, ++i, a));
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        System.exit(0);
                    }
                    default -> usage("unknown option " + a);
                }
            }
            if (o.repo == null) {
                usage("--repo is required (harness.sh passes it)");
            }
            if (o.reports < 0) {
                o.reports = o.small ? 200 : 2000;
            }
            if (o.waitSeconds < 0) {
                o.waitSeconds = o.small ? 300 : 900;
            }
            if (o.gapSeconds < 0) {
                o.gapSeconds = o.small ? 5 : 15;
            }
            if (o.faults == null) {
                o.faults = String.join(",", o.small ? SMALL_FAULTS : ALL_FAULTS);
            }
            if (o.reports < 1 || o.clients < 1 || o.changedFraction < 0 || o.changedFraction > 1) {
                usage("--reports and --clients must be ≥ 1, --changed between 0 and 1");
            }
            return o;
        }

        List<String> faultList() {
            if (faults.isBlank() || faults.equals("none")) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (String f : faults.split(",")) {
                String n = f.strip();
                if (!Arrays.asList(ALL_FAULTS).contains(n)) {
                    usage("unknown fault '" + n + "' (known: " + String.join(",", ALL_FAULTS) + ")");
                }
                out.add(n);
            }
            return out;
        }

        private static String value(String[] args, int i, String name) {
            if (i >= args.length) {
                usage(name + " needs a value");
            }
            return args[i];
        }
    }

    static final String USAGE = """
            usage: deploy/fault/harness.sh [--reports N] [--small] [--restart-killed] [options]
              --reports N        distinct reports to feed (default 2000; 200 with --small)
              --small            CI size: 200 reports, one kill -9 of each service, no broker/ES/PG faults, wait ≤ 5 min
              --restart-killed   restart a killed service with services.sh start (otherwise a supervisor must do it)
              --clients K        parallel upload clients (default 4)
              --changed F        fraction of reports re-uploaded with changed bytes (default 0.05)
              --faults LIST      comma list of ingest,parse,validate,search,kafka,es,pg, or none (default: by size)
              --es-down S        seconds Elasticsearch stays stopped (default 60)
              --gap S            seconds between the recovery from one fault and the next fault (default 5 / 15)
              --wait S           bound on waiting for convergence after the last fault (default 300 / 900)
              --stall S          stop waiting when no report became searchable and no lag went down for S s (default 180)
              --idle S           stop waiting when all consumer lags stayed 0 and nothing became searchable for S s (default 60)
              --busy-wait S      before killing parse/validate/search, wait up to S s until it has lag (default 90)
              --recover S        how long a killed service / the stack may take to be ready again (default 180)
              --seed N           generator seed (default 11)
              --alias NAME       Elasticsearch alias of the report index (default nianbao-reports)""";

    static void usage(String message) {
        System.err.println("fault harness: " + message);
        System.err.println(USAGE);
        System.exit(2);
    }

    /** Everything the harness gets from its environment (harness.sh exports stack.sh env and services.sh env). */
    static final class Env {
        final Path work;
        final String kafka;
        final String es;
        final Map<String, String> urls = new LinkedHashMap<>();
        final Map<String, Integer> ports = new LinkedHashMap<>();

        Env() {
            work = Path.of(required("NIANBAO_WORK"));
            kafka = required("KAFKA_BOOTSTRAP_SERVERS");
            es = strip(required("NIANBAO_ES_URL"));
            for (String s : SERVICES) {
                String url = strip(required("NIANBAO_" + s.toUpperCase(Locale.ROOT) + "_URL"));
                urls.put(s, url);
                ports.put(s, URI.create(url).getPort());
            }
        }

        private static String strip(String url) {
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }

        private static String required(String name) {
            String v = System.getenv(name);
            if (v == null || v.isBlank()) {
                System.err.println("fault harness: environment variable " + name + " is not set (run deploy/fault/harness.sh)");
                System.exit(2);
            }
            return v;
        }
    }

    // ---------------------------------------------------------------- output

    static Path runDir;
    static volatile boolean progressStop;
    static final Object OUT = new Object();

    static String clock() {
        return String.format(Locale.ROOT, "+%.1fs", (System.currentTimeMillis() - T0) / 1000.0);
    }

    static String rel(long epochMs) {
        return String.format(Locale.ROOT, "+%ds", Math.round((epochMs - T0) / 1000.0));
    }

    static void say(String message) {
        String line = "[" + clock() + "] " + message;
        synchronized (OUT) {
            System.out.println(line);
            System.out.flush();
            appendFile("harness.log", line + "\n");
        }
    }

    /** Summary lines: printed and kept in summary.txt. */
    static void out(String line) {
        synchronized (OUT) {
            System.out.println(line);
            System.out.flush();
            appendFile("summary.txt", line + "\n");
            appendFile("harness.log", line + "\n");
        }
    }

    static void appendFile(String name, String text) {
        if (runDir == null) {
            return;
        }
        try {
            Files.writeString(runDir.resolve(name), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the console copy is what matters
        }
    }

    static String secs(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
    }

    static String abbreviate(String s, int max) {
        if (s == null) {
            return "null";
        }
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }

    // ---------------------------------------------------------------- JSON (reader and quoting)

    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json j = new Json(text);
            j.ws();
            Object v = j.value();
            j.ws();
            if (j.i != text.length()) {
                throw j.error("trailing characters");
            }
            return v;
        }

        static Object tryParse(String text) {
            try {
                return text == null ? null : parse(text);
            } catch (RuntimeException e) {
                return null;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("JSON: " + what + " at " + i);
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    Map<String, Object> m = new LinkedHashMap<>();
                    i++;
                    ws();
                    if (peek('}')) {
                        i++;
                        return m;
                    }
                    while (true) {
                        ws();
                        String k = string();
                        ws();
                        expect(':');
                        ws();
                        m.put(k, value());
                        ws();
                        if (peek(',')) {
                            i++;
                            continue;
                        }
                        expect('}');
                        return m;
                    }
                }
                case '[': {
                    List<Object> l = new ArrayList<>();
                    i++;
                    ws();
                    if (peek(']')) {
                        i++;
                        return l;
                    }
                    while (true) {
                        ws();
                        l.add(value());
                        ws();
                        if (peek(',')) {
                            i++;
                            continue;
                        }
                        expect(']');
                        return l;
                    }
                }
                case '"':
                    return string();
                case 't':
                    literal("true");
                    return Boolean.TRUE;
                case 'f':
                    literal("false");
                    return Boolean.FALSE;
                case 'n':
                    literal("null");
                    return null;
                default:
                    return number();
            }
        }

        private boolean peek(char c) {
            return i < s.length() && s.charAt(i) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        private void literal(String word) {
            if (!s.startsWith(word, i)) {
                throw error("expected " + word);
            }
            i += word.length();
        }

        private Object number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String n = s.substring(start, i);
            if (n.isEmpty()) {
                throw error("unexpected character");
            }
            if (n.indexOf('.') < 0 && n.indexOf('e') < 0 && n.indexOf('E') < 0) {
                try {
                    return Long.parseLong(n);
                } catch (NumberFormatException e) {
                    return Double.parseDouble(n);
                }
            }
            return Double.parseDouble(n);
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
        }

        static Object at(Object node, String... path) {
            Object o = node;
            for (String p : path) {
                if (o instanceof Map<?, ?> m) {
                    o = m.get(p);
                } else {
                    return null;
                }
            }
            return o;
        }

        static String str(Object node, String... path) {
            Object o = at(node, path);
            return o == null ? null : String.valueOf(o);
        }

        static long num(Object node, long fallback, String... path) {
            Object o = at(node, path);
            if (o instanceof Number n) {
                return n.longValue();
            }
            if (o instanceof String str) {
                try {
                    return Long.parseLong(str);
                } catch (NumberFormatException e) {
                    return fallback;
                }
            }
            return fallback;
        }

        static List<?> list(Object node, String... path) {
            Object o = at(node, path);
            return o instanceof List<?> l ? l : List.of();
        }

        static String quote(String v) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : v.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }
    }

    // ---------------------------------------------------------------- HTTP

    record Resp(int status, String body) {
    }

    static Resp get(String url, int timeoutSeconds) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(timeoutSeconds)).GET().build();
        HttpResponse<String> resp = HTTP.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Resp(resp.statusCode(), resp.body());
    }

    static Resp postJson(String url, String json, int timeoutSeconds) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(timeoutSeconds))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        HttpResponse<String> resp = HTTP.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Resp(resp.statusCode(), resp.body());
    }

    /** GET that answers null instead of throwing (for polling). */
    static Resp tryGet(String url, int timeoutSeconds) {
        try {
            return get(url, timeoutSeconds);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static String failureKind(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && !(t instanceof ConnectException)) {
            t = t.getCause();
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timeout";
        }
        if (e instanceof HttpTimeoutException) {
            return "request timeout";
        }
        if (t instanceof ConnectException) {
            return "connection refused";
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (m.contains("header parser received no bytes") || m.contains("closed") || m.contains("reset")) {
            return "connection closed";
        }
        return e.getClass().getSimpleName();
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- report generation

    record Place(String province, String city, String county) {
    }

    /** Real divisions (all present in parse-service's vendored division list). */
    static final Place[] PLACES = places("""
            浙江省 湖州市 德清县|浙江省 金华市 义乌市|浙江省 台州市 仙居县|浙江省 绍兴市 诸暨市|江西省 上饶市 婺源县|
            江西省 赣州市 瑞金市|江西省 九江市 庐山市|山东省 潍坊市 临朐县|山东省 济宁市 曲阜市|山东省 烟台市 蓬莱区|
            安徽省 合肥市 长丰县|安徽省 黄山市 黟县|安徽省 宣城市 绩溪县|云南省 昆明市 宜良县|四川省 成都市 彭州市|
            四川省 乐山市 峨眉山市|湖南省 长沙市 浏阳市|湖南省 岳阳市 平江县|湖北省 宜昌市 秭归县|湖北省 襄阳市 谷城县|
            河南省 洛阳市 栾川县|河南省 郑州市 新郑市|河北省 石家庄市 正定县|江苏省 苏州市 昆山市|江苏省 无锡市 江阴市|
            江苏省 南通市 如皋市|福建省 泉州市 晋江市|福建省 南平市 武夷山市|福建省 龙岩市 长汀县|广东省 佛山市 顺德区|
            广东省 梅州市 梅县区|广东省 清远市 英德市|广西壮族自治区 桂林市 阳朔县|贵州省 遵义市 仁怀市|陕西省 西安市 周至县|
            甘肃省 张掖市 临泽县|山西省 晋中市 平遥县|辽宁省 大连市 庄河市|黑龙江省 哈尔滨市 五常市|
            内蒙古自治区 鄂尔多斯市 准格尔旗|宁夏回族自治区 银川市 永宁县|青海省 西宁市 湟中区""");

    static final String[] COUNTY_UNITS = {"人民政府", "人民政府办公室", "教育局", "财政局", "民政局", "自然资源局", "卫生健康局",
        "市场监督管理局", "住房和城乡建设局", "人力资源和社会保障局", "交通运输局", "农业农村局", "司法局", "统计局", "应急管理局",
        "水利局", "发展和改革局", "林业局"};
    static final String[] CITY_UNITS = {"人民政府办公室", "生态环境局", "公安局", "商务局", "文化广电旅游局", "医疗保障局", "审计局",
        "退役军人事务局", "住房公积金管理中心"};

    static Place[] places(String spec) {
        List<Place> out = new ArrayList<>();
        for (String p : spec.replace("\n", "").split("\\|")) {
            String[] f = p.strip().split("\\s+");
            if (f.length == 3) {
                out.add(new Place(f[0], f[1], f[2]));
            }
        }
        return out.toArray(new Place[0]);
    }

    /** "德清县" → "德清", "黟县" stays (one character would be left), "广西壮族自治区" → "广西". */
    static String shortName(String name) {
        for (String suffix : new String[] {"壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "省", "市", "县", "区", "旗"}) {
            if (name.endsWith(suffix) && name.length() - suffix.length() >= 2) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    /**
     * One corpus file and how to vary it: the report year it covers and the years its format allows, and the strings
     * naming its agency and places, longest first, with the placeholder each becomes ({A} agency, {X}/{XS} the
     * agency's county or city and its short name, {C}/{CS} city, {P}/{PS} province).
     */
    record Template(String file, int year, int minYear, int maxYear, String[][] rules) {
    }

    static final String[][] PINGTAN = {{"平潭综合实验区20", "{A}20"}, {"平潭综合实验区党工委管委会", "{X}人民政府"},
        {"平潭综合实验区管委会办公室", "{A}"}, {"平潭综合实验区管委会", "{X}人民政府"}, {"平潭综合实验区", "{X}"},
        {"平潭县人民政府", "{X}人民政府"}, {"平潭县", "{X}"}, {"平潭", "{XS}"}, {"福建省", "{P}"}, {"福建", "{PS}"}};

    static final Template[] TEMPLATES = {
        new Template("000_2dbaea1c02efd4ef.txt", 2020, 2019, 2020, new String[][] {
            {"番禺区人民政府沙湾街道办事处", "{A}"}, {"沙湾街道办事处", "{A}"}, {"沙湾街道", "{A}"}, {"沙湾街", "{A}"},
            {"沙湾", "{XS}"}, {"番禺区", "{X}"}, {"番禺", "{XS}"}, {"广东省", "{P}"}, {"广东", "{PS}"}, {"广州市", "{C}"}}),
        new Template("001_dd34f4ba02cce112.txt", 2024, 2021, 2025, new String[][] {
            {"重庆市巴南区人民政府南彭街道办事处", "{A}"}, {"南彭街道办事处", "{A}"}, {"南彭街道", "{A}"}, {"巴南区", "{X}"},
            {"重庆市", "{C}"}}),
        new Template("002_c50ec127ad28e6ef.txt", 2020, 2019, 2020, new String[][] {{"瓦房子镇", "{A}"}, {"朝阳县", "{X}"}}),
        new Template("003_07cf9df04860348c.txt", 2016, 2016, 2016, new String[][] {
            {"从化区人民政府办公室", "{A}"}, {"从化区政府办公室", "{A}"}, {"从化区", "{X}"}, {"从化", "{XS}"}, {"广州市", "{C}"},
            {"广州", "{CS}"}}),
        new Template("004_40ef9cce17cf73fc.txt", 2020, 2019, 2020, new String[][] {
            {"广州市越秀区大东街", "{A}"}, {"大东街道办事处", "{A}"}, {"大东街道", "{A}"}, {"大东街", "{A}"}, {"越秀区", "{X}"},
            {"广州市", "{C}"}}),
        new Template("pingtan-syq-2012.txt", 2012, 2012, 2012, PINGTAN),
        new Template("pingtan-syq-2018.txt", 2018, 2018, 2018, PINGTAN),
        new Template("pingtan-syq-2019.txt", 2019, 2019, 2020, PINGTAN),
        new Template("pingtan-syq-2021.txt", 2021, 2021, 2025, PINGTAN),
        new Template("pingtan-syq-2023.txt", 2023, 2021, 2025, PINGTAN),
        new Template("shanghai-bgt-2019.html", 2019, 2019, 2020, new String[][] {
            {"上海市人民政府办公厅", "{A}"}, {"上海市人民政府", "{C}人民政府"}, {"上海市", "{C}"}, {"上海", "{CS}"}}),
    };

    /** A year printed as a year: followed by 年, a date separator and digit, or a closing bracket (文号 〔2019〕). */
    static final Pattern YEAR_TOKEN = Pattern.compile("(?<![0-9])((?:19|20)[0-9]{2})(?=\\s*年|[-/.][0-9]|〕|】|\\])");

    /** One generated report: its file name (→ report id), both versions' bytes and what it was generated from. */
    static final class Report {
        final int seq;
        final String fileName;
        final String contentType;
        final String template;
        final String agency;
        final Place place;
        final int year;
        final byte[] v1;
        byte[] v2;
        final String expectedId;
        // filled in by the uploads
        volatile String reportId;
        final CountDownLatch firstUploaded = new CountDownLatch(1);
        final List<Upload> uploads = Collections.synchronizedList(new ArrayList<>());
        volatile boolean rejected;
        // filled in by the search poller: uploaded version -> first time search showed it (or a newer one)
        final Map<Integer, Long> seenAt = new ConcurrentHashMap<>();
        volatile int seenVersion;

        Report(int seq, String fileName, String contentType, String template, String agency, Place place, int year,
               byte[] v1) {
            this.seq = seq;
            this.fileName = fileName;
            this.contentType = contentType;
            this.template = template;
            this.agency = agency;
            this.place = place;
            this.year = year;
            this.v1 = v1;
            this.expectedId = sha256Hex(("upload:" + fileName).getBytes(StandardCharsets.UTF_8)).substring(0, 20);
        }

        int uploadedVersion() {
            synchronized (uploads) {
                return uploads.stream().mapToInt(Upload::version).max().orElse(0);
            }
        }

        String id() {
            return reportId != null ? reportId : expectedId;
        }
    }

    record Upload(int version, String sha256, String change, long acceptedAt, int retries, boolean changedBytes) {
    }

    static List<Report> generate(Options o, String tag) throws IOException {
        Path corpus = o.repo.resolve("deploy/demo/corpus");
        Map<String, String> texts = new HashMap<>();
        for (Template t : TEMPLATES) {
            Path p = corpus.resolve(t.file());
            if (!Files.isRegularFile(p)) {
                throw new IOException("corpus file missing: " + p);
            }
            texts.put(t.file(), Files.readString(p, StandardCharsets.UTF_8));
        }
        Random rnd = new Random(o.seed);
        Set<String> combos = new HashSet<>();
        Set<String> digests = new HashSet<>();
        List<Report> out = new ArrayList<>();
        Path dir = runDir.resolve("reports");
        Files.createDirectories(dir);
        for (int i = 0; i < o.reports; i++) {
            Template t = TEMPLATES[i % TEMPLATES.length];
            String agency = null;
            Place place = null;
            int year = 0;
            boolean cityLevel = false;
            for (int attempt = 0; attempt < 10_000; attempt++) {
                place = PLACES[rnd.nextInt(PLACES.length)];
                cityLevel = rnd.nextInt(10) < 3;
                String unit = cityLevel ? CITY_UNITS[rnd.nextInt(CITY_UNITS.length)]
                        : COUNTY_UNITS[rnd.nextInt(COUNTY_UNITS.length)];
                agency = (cityLevel ? place.city() : place.county()) + unit;
                year = t.minYear() + rnd.nextInt(t.maxYear() - t.minYear() + 1);
                if (combos.add(t.file() + "|" + agency + "|" + year)) {
                    break;
                }
                agency = null;
            }
            if (agency == null) {
                throw new IllegalStateException("cannot make " + o.reports + " distinct reports from the corpus");
            }
            String text = vary(texts.get(t.file()), t, agency, place, cityLevel, year);
            String ext = t.file().endsWith(".html") ? "html" : "txt";
            String stem = t.file().replaceFirst("\\.[a-z]+$", "").replaceFirst("^(\\d{3})_.*", "corpus$1");
            String fileName = String.format(Locale.ROOT, "fault-%s-%05d-%s-%d.%s", tag, i, stem, year, ext);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (!digests.add(sha256Hex(bytes))) {
                throw new IllegalStateException("generated two identical reports (" + fileName + ")");
            }
            Report r = new Report(i, fileName, ext.equals("html") ? "text/html; charset=UTF-8" : "text/plain; charset=UTF-8",
                    t.file(), agency, place, year, bytes);
            out.add(r);
        }
        int changed = (int) Math.round(o.reports * o.changedFraction);
        if (changed > 0) {
            double step = (double) o.reports / changed;
            for (int k = 0; k < changed; k++) {
                Report r = out.get((int) Math.floor(k * step + step / 2));
                String text = new String(r.v1, StandardCharsets.UTF_8);
                String note = "（注：本报告已于" + (r.year + 1) + "年更正部分文字表述，以本版本为准。）";
                r.v2 = (r.contentType.startsWith("text/html") ? text + "<p>" + note + "</p>\n" : text + "\n" + note + "\n")
                        .getBytes(StandardCharsets.UTF_8);
                if (!digests.add(sha256Hex(r.v2))) {
                    throw new IllegalStateException("changed version identical to another report (" + r.fileName + ")");
                }
            }
        }
        for (Report r : out) {
            Files.write(dir.resolve(r.fileName), r.v1);
            if (r.v2 != null) {
                Files.write(dir.resolve(r.fileName + ".v2"), r.v2);
            }
        }
        return out;
    }

    static String vary(String text, Template t, String agency, Place place, boolean cityLevel, int year) {
        String s = text;
        for (String[] rule : t.rules()) {
            s = s.replace(rule[0], mark(rule[1]));
        }
        int shift = year - t.year();
        if (shift != 0) {
            Matcher m = YEAR_TOKEN.matcher(s);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                int y = Integer.parseInt(m.group(1));
                int shifted = y >= t.year() - 3 && y <= t.year() + 1 ? y + shift : y;
                m.appendReplacement(b, String.valueOf(shifted));
            }
            m.appendTail(b);
            s = b.toString();
        }
        String x = cityLevel ? place.city() : place.county();
        return s.replace(mark("{A}"), agency).replace(mark("{X}"), x).replace(mark("{XS}"), shortName(x))
                .replace(mark("{C}"), place.city()).replace(mark("{CS}"), shortName(place.city()))
                .replace(mark("{P}"), place.province()).replace(mark("{PS}"), shortName(place.province()));
    }

    /** Placeholders as control characters, so later rules cannot match inside an earlier replacement. */
    static String mark(String placeholder) {
        return placeholder.replace("{A}", "\u0001A\u0002").replace("{XS}", "\u0001Y\u0002").replace("{X}", "\u0001X\u0002")
                .replace("{CS}", "\u0001D\u0002").replace("{C}", "\u0001C\u0002").replace("{PS}", "\u0001Q\u0002")
                .replace("{P}", "\u0001P\u0002");
    }

    // ---------------------------------------------------------------- uploads

    record Job(Report report, boolean changed) {
    }

    static final AtomicInteger completedJobs = new AtomicInteger();
    static volatile int allowance;
    static final AtomicInteger uploadRetries = new AtomicInteger();
    static final Map<String, AtomicInteger> retryReasons = new ConcurrentHashMap<>();
    static final List<String> uploadProblems = Collections.synchronizedList(new ArrayList<>());
    static final AtomicLong firstAccepted = new AtomicLong(Long.MAX_VALUE);
    static final AtomicLong lastAccepted = new AtomicLong();
    static final AtomicInteger idWarnings = new AtomicInteger();

    static List<Job> jobs(List<Report> reports) {
        record Keyed(double key, Job job) {
        }
        List<Keyed> keyed = new ArrayList<>();
        int n = reports.size();
        int delay = Math.max(10, n / 10);
        for (Report r : reports) {
            keyed.add(new Keyed(r.seq, new Job(r, false)));
            if (r.v2 != null) {
                keyed.add(new Keyed(Math.min(r.seq + delay, n) + 0.5, new Job(r, true)));
            }
        }
        keyed.sort(Comparator.comparingDouble(Keyed::key));
        return keyed.stream().map(Keyed::job).toList();
    }

    static void runUploads(List<Job> jobs, Env env, Options o) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < o.clients; c++) {
            Thread th = new Thread(() -> {
                while (true) {
                    int j = next.getAndIncrement();
                    if (j >= jobs.size()) {
                        return;
                    }
                    while (j >= allowance) {
                        sleep(100);
                    }
                    Job job = jobs.get(j);
                    try {
                        if (job.changed()) {
                            job.report().firstUploaded.await();
                        }
                        upload(job, env);
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        uploadProblems.add(job.report().fileName + ": " + e);
                    } finally {
                        if (!job.changed()) {
                            job.report().firstUploaded.countDown();
                        }
                        completedJobs.incrementAndGet();
                    }
                }
            }, "upload-" + c);
            th.setDaemon(true);
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
    }

    static void upload(Job job, Env env) throws InterruptedException {
        Report r = job.report();
        byte[] body = job.changed() ? r.v2 : r.v1;
        String url = env.urls.get("ingest") + "/api/reports?fileName="
                + java.net.URLEncoder.encode(r.fileName, StandardCharsets.UTF_8);
        long backoff = 250;
        long giveUp = System.currentTimeMillis() + 600_000;
        int retries = 0;
        String last = null;
        while (true) {
            String reason;
            try {
                HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                        .header("Content-Type", r.contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                HttpResponse<String> resp = HTTP.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int st = resp.statusCode();
                if (st == 200 || st == 201) {
                    Object j = Json.parse(resp.body());
                    String id = Json.str(j, "reportId");
                    int version = (int) Json.num(j, 0, "version");
                    long now = System.currentTimeMillis();
                    if (id == null || version < 1) {
                        uploadProblems.add(r.fileName + ": unexpected answer " + abbreviate(resp.body(), 200));
                        r.rejected = true;
                        return;
                    }
                    if (!id.equals(r.expectedId) && r.reportId == null && idWarnings.incrementAndGet() <= 3) {
                        say("WARNING: " + r.fileName + ": ingest answered report id " + id + ", expected sha256(upload:<fileName>) = "
                                + r.expectedId);
                    }
                    r.reportId = id;
                    r.uploads.add(new Upload(version, Json.str(j, "sha256"), Json.str(j, "change"), now, retries,
                            job.changed()));
                    firstAccepted.accumulateAndGet(now, Math::min);
                    lastAccepted.accumulateAndGet(now, Math::max);
                    return;
                }
                if (st >= 400 && st < 500 && st != 408 && st != 429) {
                    uploadProblems.add(r.fileName + (job.changed() ? " (changed version)" : "") + ": refused with HTTP " + st
                            + " " + abbreviate(resp.body(), 200));
                    r.rejected = true;
                    return;
                }
                reason = "HTTP " + st;
                last = reason + " " + abbreviate(resp.body(), 160);
            } catch (IOException e) {
                reason = failureKind(e);
                last = reason + ": " + e.getMessage();
            }
            if (System.currentTimeMillis() > giveUp) {
                uploadProblems.add(r.fileName + ": gave up after " + retries + " retries over 10 min; last: " + last);
                r.rejected = true;
                return;
            }
            retries++;
            uploadRetries.incrementAndGet();
            retryReasons.computeIfAbsent(reason, k -> new AtomicInteger()).incrementAndGet();
            Thread.sleep(backoff);
            backoff = Math.min(backoff * 2, 5000);
        }
    }

    // ---------------------------------------------------------------- service logs (copied as they are written)

    /**
     * services.sh truncates a service's log when it (re)starts it, so the harness copies each log as it grows and
     * keeps every incarnation in runDir/logs/<svc>.log; ERROR lines around faults come from these copies.
     */
    static final class LogTailer implements Runnable {
        private final Env env;
        private final Map<String, Long> pos = new HashMap<>();
        private final Map<String, String> head = new HashMap<>();
        volatile boolean stop;

        LogTailer(Env env) {
            this.env = env;
        }

        @Override
        public void run() {
            while (!stop) {
                for (String s : SERVICES) {
                    sync(s);
                }
                sleep(1000);
            }
            for (String s : SERVICES) {
                sync(s);
            }
        }

        synchronized void sync(String svc) {
            Path src = env.work.resolve("logs").resolve(svc + ".log");
            Path dst = runDir.resolve("logs").resolve(svc + ".log");
            try (RandomAccessFile f = new RandomAccessFile(src.toFile(), "r")) {
                long size = f.length();
                byte[] first = new byte[(int) Math.min(512, size)];
                f.readFully(first);
                String h = new String(first, StandardCharsets.ISO_8859_1);
                long p = pos.getOrDefault(svc, -1L);
                String knownHead = head.get(svc);
                boolean fresh = p < 0 || size < p || knownHead == null
                        || !(h.startsWith(knownHead) || knownHead.startsWith(h));
                if (p < 0) {
                    // the incarnation running at harness start: copy only what it writes from now on
                    p = size;
                    Files.writeString(dst, "=== harness start " + Instant.ofEpochMilli(T0) + ": " + svc + ".log from offset "
                            + size + " ===\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } else if (fresh) {
                    p = 0;
                    Files.writeString(dst, "\n=== " + clock() + " new incarnation of " + svc + ".log (restarted) ===\n",
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                head.put(svc, h);
                if (size > p) {
                    f.seek(p);
                    byte[] buf = new byte[(int) (size - p)];
                    f.readFully(buf);
                    Files.write(dst, buf, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    p = size;
                }
                pos.put(svc, p);
            } catch (IOException e) {
                // log missing while a service restarts: try again next second
            }
        }
    }

    record LogEntry(String svc, LocalDateTime time, String level, String first, String text) {
    }

    static final Pattern LOG_LINE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})[.,](\\d{3})\\s+(\\w+)\\s+(.*)$");

    static List<LogEntry> readLogEntries(String svc) {
        Path p = runDir.resolve("logs").resolve(svc + ".log");
        List<LogEntry> out = new ArrayList<>();
        if (!Files.exists(p)) {
            return out;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            try {
                lines = Arrays.asList(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).split("\n"));
            } catch (IOException e2) {
                return out;
            }
        }
        LocalDateTime time = null;
        String level = null;
        String first = null;
        StringBuilder text = null;
        for (String line : lines) {
            Matcher m = LOG_LINE.matcher(line);
            if (m.matches()) {
                if (text != null) {
                    out.add(new LogEntry(svc, time, level, first, text.toString()));
                }
                time = LocalDateTime.parse(m.group(1), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
                        .plusNanos(Integer.parseInt(m.group(2)) * 1_000_000L);
                level = m.group(3);
                first = m.group(4);
                text = new StringBuilder(line);
            } else if (text != null && text.length() < 20_000) {
                text.append('\n').append(line);
            }
        }
        if (text != null) {
            out.add(new LogEntry(svc, time, level, first, text.toString()));
        }
        return out;
    }

    static long epochMs(LocalDateTime t) {
        return t.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    // ---------------------------------------------------------------- consumer lag

    static final class LagMonitor implements Runnable {
        private final Admin admin;
        volatile boolean stop;
        final Map<String, Long> current = new ConcurrentHashMap<>();
        final Map<String, Long> max = new ConcurrentHashMap<>();
        final Map<String, Long> maxAt = new ConcurrentHashMap<>();
        final Map<String, Long> dlqEnd = new ConcurrentHashMap<>();
        /** Per stage: committed offsets summed, when the current stall (lag > 0, no commit) began, the longest one. */
        final Map<String, Long> committedSum = new ConcurrentHashMap<>();
        final Map<String, Long> stallFrom = new ConcurrentHashMap<>();
        final Map<String, Long> maxStall = new ConcurrentHashMap<>();
        final Map<String, Long> maxStallFrom = new ConcurrentHashMap<>();
        volatile long zeroSince = -1;
        volatile Map<String, Long> dlqStart;
        volatile long lastOk;
        volatile String lastError;
        final AtomicInteger failures = new AtomicInteger();

        LagMonitor(Env env) {
            Properties p = new Properties();
            p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafka);
            p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
            p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "8000");
            p.put(AdminClientConfig.CLIENT_ID_CONFIG, "nianbao-fault-harness");
            p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
            admin = Admin.create(p);
        }

        static String key(String[] stage) {
            return stage[0] + "→" + stage[1];
        }

        long total() {
            return current.values().stream().mapToLong(Long::longValue).sum();
        }

        boolean sample() {
            try {
                Map<TopicPartition, OffsetSpec> want = new HashMap<>();
                Map<String, List<TopicPartition>> byTopic = new HashMap<>();
                List<String> topics = new ArrayList<>();
                for (String[] st : STAGES) {
                    topics.add(st[0]);
                }
                topics.addAll(Arrays.asList(DLQ_TOPICS));
                var described = admin.describeTopics(topics).allTopicNames().get(8, TimeUnit.SECONDS);
                for (var e : described.entrySet()) {
                    for (var p : e.getValue().partitions()) {
                        TopicPartition tp = new TopicPartition(e.getKey(), p.partition());
                        want.put(tp, OffsetSpec.latest());
                        byTopic.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(tp);
                    }
                }
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(want).all()
                        .get(8, TimeUnit.SECONDS);
                long now = System.currentTimeMillis();
                for (String[] st : STAGES) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(st[1])
                            .partitionsToOffsetAndMetadata().get(8, TimeUnit.SECONDS);
                    long lag = 0;
                    long done = 0;
                    for (TopicPartition tp : byTopic.getOrDefault(st[0], List.of())) {
                        long end = ends.get(tp).offset();
                        OffsetAndMetadata c = committed.get(tp);
                        lag += Math.max(0, end - (c == null ? 0 : c.offset()));
                        done += c == null ? 0 : c.offset();
                    }
                    String k = key(st);
                    current.put(k, lag);
                    Long before = committedSum.put(k, done);
                    if (lag > 0 && before != null && before == done) {
                        long from = stallFrom.computeIfAbsent(k, x -> now);
                        if (now - from > maxStall.getOrDefault(k, 0L)) {
                            maxStall.put(k, now - from);
                            maxStallFrom.put(k, from);
                        }
                    } else if (lag == 0 || before == null || before != done) {
                        stallFrom.remove(k);
                        if (lag > 0) {
                            stallFrom.put(k, now);
                        }
                    }
                    if (lag > max.getOrDefault(k, -1L)) {
                        max.put(k, lag);
                        maxAt.put(k, now);
                    }
                }
                for (String t : DLQ_TOPICS) {
                    long sum = 0;
                    for (TopicPartition tp : byTopic.getOrDefault(t, List.of())) {
                        sum += ends.get(tp).offset();
                    }
                    dlqEnd.put(t, sum);
                }
                if (dlqStart == null) {
                    dlqStart = new HashMap<>(dlqEnd);
                }
                if (current.values().stream().allMatch(l -> l == 0)) {
                    if (zeroSince < 0) {
                        zeroSince = now;
                    }
                } else {
                    zeroSince = -1;
                }
                lastOk = now;
                return true;
            } catch (Exception e) {
                failures.incrementAndGet();
                lastError = e.getClass().getSimpleName() + ": " + abbreviate(String.valueOf(e.getMessage()), 120);
                return false;
            }
        }

        long dlqGrowth() {
            if (dlqStart == null) {
                return 0;
            }
            long g = 0;
            for (String t : DLQ_TOPICS) {
                g += dlqEnd.getOrDefault(t, 0L) - dlqStart.getOrDefault(t, 0L);
            }
            return g;
        }

        @Override
        public void run() {
            while (!stop) {
                sample();
                sleep(2000);
            }
        }

        String brief() {
            if (current.isEmpty()) {
                return "lag ?";
            }
            StringBuilder b = new StringBuilder("lag");
            for (String[] st : STAGES) {
                b.append(' ').append(st[1].replace("-service", "")).append('=').append(current.getOrDefault(key(st), -1L));
            }
            if (System.currentTimeMillis() - lastOk > 5000) {
                b.append(" (stale: Kafka unreachable)");
            }
            return b.toString();
        }

        void close() {
            admin.close(Duration.ofSeconds(5));
        }
    }

    // ---------------------------------------------------------------- search poller

    /** Asks Elasticsearch every second which not-yet-seen reports the alias holds, and at which source version. */
    static final class SearchPoller implements Runnable {
        private final Env env;
        private final Options o;
        private final Collection<Report> reports;
        volatile boolean stop;
        final AtomicInteger errors = new AtomicInteger();
        volatile String lastError;

        SearchPoller(Env env, Options o, Collection<Report> reports) {
            this.env = env;
            this.o = o;
            this.reports = reports;
        }

        @Override
        public void run() {
            while (!stop) {
                long started = System.currentTimeMillis();
                pollOnce();
                long spent = System.currentTimeMillis() - started;
                if (spent < 1000) {
                    sleep(1000 - spent);
                }
            }
        }

        void pollOnce() {
            List<Report> pending = new ArrayList<>();
            for (Report r : reports) {
                int want = r.uploadedVersion();
                if (want > 0 && r.seenVersion < want) {
                    pending.add(r);
                }
            }
            for (int from = 0; from < pending.size(); from += 1000) {
                List<Report> chunk = pending.subList(from, Math.min(pending.size(), from + 1000));
                Map<String, Report> byId = new HashMap<>();
                for (Report r : chunk) {
                    byId.put(r.id(), r);
                }
                String ids = byId.keySet().stream().map(Json::quote).collect(Collectors.joining(","));
                String q = "{\"size\":" + byId.size() + ",\"_source\":[\"reportId\",\"source.version\"],"
                        + "\"query\":{\"terms\":{\"reportId\":[" + ids + "]}}}";
                try {
                    Resp resp = postJson(env.es + "/" + o.alias + "/_search?filter_path=hits.hits._source", q, 10);
                    if (resp.status() != 200) {
                        errors.incrementAndGet();
                        lastError = "HTTP " + resp.status();
                        return;
                    }
                    long now = System.currentTimeMillis();
                    for (Object hit : Json.list(Json.parse(resp.body()), "hits", "hits")) {
                        String id = Json.str(hit, "_source", "reportId");
                        Report r = byId.get(id);
                        if (r == null) {
                            continue;
                        }
                        int v = (int) Json.num(hit, 0, "_source", "source", "version");
                        List<Upload> ups;
                        synchronized (r.uploads) {
                            ups = new ArrayList<>(r.uploads);
                        }
                        for (Upload u : ups) {
                            if (u.version() <= v) {
                                r.seenAt.putIfAbsent(u.version(), now);
                            }
                        }
                        if (v > r.seenVersion) {
                            r.seenVersion = v;
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                    lastError = failureKind(e);
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                    lastError = e.toString();
                    return;
                }
            }
        }
    }

    // ---------------------------------------------------------------- faults

    static final class FaultRecord {
        final String name;
        String what;
        long startedAt;
        long endedAt;
        long recoveredAt;
        long pid;
        String restartedBy = "";
        final List<String> problems = new ArrayList<>();
        final Map<String, Long> servicesBackAt = new LinkedHashMap<>();

        FaultRecord(String name) {
            this.name = name;
        }
    }

    static final List<FaultRecord> faultRecords = Collections.synchronizedList(new ArrayList<>());

    static final class FaultInjector implements Runnable {
        private final Env env;
        private final Options o;
        private final List<String> faults;
        private final int totalJobs;
        private final LogTailer tailer;
        private final LagMonitor lag;
        volatile boolean done;

        FaultInjector(Env env, Options o, List<String> faults, int totalJobs, LogTailer tailer, LagMonitor lag) {
            this.lag = lag;
            this.env = env;
            this.o = o;
            this.faults = faults;
            this.totalJobs = totalJobs;
            this.tailer = tailer;
        }

        int milestone(int k) {
            return (int) Math.ceil((double) (k + 1) * totalJobs / (faults.size() + 1));
        }

        @Override
        public void run() {
            try {
                long lastRecovered = 0;
                for (int k = 0; k < faults.size(); k++) {
                    int m = milestone(k);
                    while (completedJobs.get() < m || System.currentTimeMillis() < lastRecovered + o.gapSeconds * 1000L) {
                        sleep(200);
                    }
                    allowance = k + 1 < faults.size() ? milestone(k + 1) : totalJobs;
                    FaultRecord f = new FaultRecord(faults.get(k));
                    faultRecords.add(f);
                    f.startedAt = System.currentTimeMillis();
                    try {
                        inject(f);
                    } catch (RuntimeException e) {
                        f.problems.add("harness error: " + e);
                    }
                    f.endedAt = System.currentTimeMillis();
                    awaitAllReady(f);
                    lastRecovered = System.currentTimeMillis();
                    f.recoveredAt = lastRecovered;
                    say("fault " + (k + 1) + "/" + faults.size() + " " + f.what + ": "
                            + (f.problems.isEmpty() ? "all services ready " + secs(f.recoveredAt - f.startedAt) + " after it began"
                            : "PROBLEM: " + String.join("; ", f.problems)));
                }
            } finally {
                allowance = totalJobs;
                done = true;
            }
        }

        void inject(FaultRecord f) {
            switch (f.name) {
                case "ingest", "parse", "validate", "search" -> kill(f);
                case "kafka" -> {
                    f.what = "restart Kafka broker";
                    say("fault: " + f.what + " (stack.sh stop kafka && stack.sh start kafka)");
                    if (shell(f, "deploy/local/stack.sh stop kafka") && shell(f, "deploy/local/stack.sh start kafka")) {
                        say("fault: Kafka broker back after " + secs(System.currentTimeMillis() - f.startedAt));
                    }
                }
                case "es" -> {
                    f.what = "stop Elasticsearch for " + o.esDownSeconds + " s";
                    say("fault: " + f.what + " (stack.sh stop es; sleep " + o.esDownSeconds + "; stack.sh start es)");
                    shell(f, "deploy/local/stack.sh stop es");
                    sleep(o.esDownSeconds * 1000L);
                    if (shell(f, "deploy/local/stack.sh start es")) {
                        say("fault: Elasticsearch back after " + secs(System.currentTimeMillis() - f.startedAt));
                    }
                }
                case "pg" -> {
                    f.what = "restart PostgreSQL";
                    say("fault: " + f.what + " (stack.sh stop pg && stack.sh start pg)");
                    if (shell(f, "deploy/local/stack.sh stop pg") && shell(f, "deploy/local/stack.sh start pg")) {
                        say("fault: PostgreSQL back after " + secs(System.currentTimeMillis() - f.startedAt));
                    }
                }
                default -> throw new IllegalArgumentException(f.name);
            }
        }

        void kill(FaultRecord f) {
            String svc = f.name;
            f.what = "kill -9 " + svc + "-service";
            long pid = javaPid(env, svc);
            if (pid <= 0) {
                f.problems.add(svc + "-service was not running before the kill");
                say("fault: " + f.what + ": no running " + svc + "-service java process found");
                return;
            }
            f.pid = pid;
            awaitWork(f, svc);
            pid = javaPid(env, svc);
            if (pid <= 0) {
                f.problems.add(svc + "-service stopped by itself while the harness waited to kill it");
                return;
            }
            f.pid = pid;
            f.startedAt = System.currentTimeMillis();
            tailer.sync(svc);
            say("fault: kill -9 " + svc + "-service (java pid " + pid + ")");
            shell(f, "kill -9 " + pid);
            long until = System.currentTimeMillis() + 10_000;
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.currentTimeMillis() < until) {
                sleep(50);
            }
            tailer.sync(svc);
            if (o.restartKilled) {
                f.restartedBy = "harness (services.sh start " + svc + ")";
                shell(f, "deploy/local/services.sh start " + svc);
                return;
            }
            long deadline = System.currentTimeMillis() + o.recoverSeconds * 1000L;
            while (System.currentTimeMillis() < deadline) {
                long now = javaPid(env, svc);
                if (now > 0 && now != pid) {
                    f.restartedBy = "supervisor (new pid " + now + ")";
                    return;
                }
                sleep(500);
            }
            f.problems.add(svc + "-service was not restarted within " + o.recoverSeconds
                    + " s after kill -9 (no supervisor? pass --restart-killed); the harness restarted it to go on");
            f.restartedBy = "harness, after waiting in vain for a supervisor";
            shell(f, "deploy/local/services.sh start " + svc);
        }

        /**
         * A consumer is killed while it has work: waits (bounded by --busy-wait) until its consumer group has lag on its
         * topic, so that the kill hits records in flight rather than an idle service. Uploads go on meanwhile.
         */
        void awaitWork(FaultRecord f, String svc) {
            String[] stage = switch (svc) {
                case "parse" -> STAGES[0];
                case "validate" -> STAGES[1];
                case "search" -> STAGES[2];
                default -> null;
            };
            if (stage == null) {
                return;
            }
            long started = System.currentTimeMillis();
            long deadline = started + o.busyWaitSeconds * 1000L;
            while (lag.current.getOrDefault(LagMonitor.key(stage), 0L) == 0 && System.currentTimeMillis() < deadline) {
                sleep(250);
            }
            long l = lag.current.getOrDefault(LagMonitor.key(stage), 0L);
            f.what += " (lag " + l + ")";
            if (l == 0) {
                say("fault: " + svc + "-service has no work (lag 0 on " + stage[0] + ") after " + o.busyWaitSeconds + " s; killing it anyway");
            } else if (System.currentTimeMillis() - started > 1000) {
                say("fault: waited " + secs(System.currentTimeMillis() - started) + " until " + svc + "-service had work (lag " + l + ")");
            }
        }

        /** Waits until every service answers ready; records when each was back. */
        void awaitAllReady(FaultRecord f) {
            long deadline = System.currentTimeMillis() + o.recoverSeconds * 1000L;
            Set<String> waiting = new HashSet<>(Arrays.asList(SERVICES));
            while (!waiting.isEmpty() && System.currentTimeMillis() < deadline) {
                for (String s : SERVICES) {
                    if (waiting.contains(s) && ready(env, s).startsWith("UP")) {
                        waiting.remove(s);
                        f.servicesBackAt.put(s, System.currentTimeMillis());
                    }
                }
                if (!waiting.isEmpty()) {
                    sleep(500);
                }
            }
            for (String s : SERVICES) {
                if (waiting.contains(s)) {
                    f.problems.add(s + "-service not ready " + o.recoverSeconds + " s after the fault: " + ready(env, s));
                }
            }
        }

        /** Runs a command from the repository root in its own session; output goes to runDir/faults.log. */
        boolean shell(FaultRecord f, String command) {
            File log = runDir.resolve("faults.log").toFile();
            appendFile("faults.log", "\n[" + clock() + "] $ " + command + "\n");
            try {
                ProcessBuilder pb = new ProcessBuilder("setsid", "bash", "-c", command).directory(o.repo.toFile())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                Process p = pb.start();
                if (!p.waitFor(600, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    f.problems.add("'" + command + "' did not finish within 600 s");
                    return false;
                }
                int rc = p.exitValue();
                appendFile("faults.log", "[" + clock() + "] exit " + rc + "\n");
                if (rc != 0) {
                    f.problems.add("'" + command + "' failed (exit " + rc + "; output in faults.log)");
                    return false;
                }
                return true;
            } catch (IOException e) {
                f.problems.add("'" + command + "' could not run: " + e.getMessage());
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** The PID of a service's java process: from its PID file, else found by its jar and port on the command line. */
    static long javaPid(Env env, String svc) {
        String jar = "/" + svc + "-service/target/quarkus-app/quarkus-run.jar";
        String port = "-Dquarkus.http.port=" + env.ports.get(svc);
        try {
            Path pidFile = env.work.resolve("run").resolve(svc + ".pid");
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readString(pidFile).strip());
                String cmd = cmdline(pid);
                if (cmd != null && cmd.contains(jar) && cmd.contains(port)) {
                    return pid;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall back to the process table
        }
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String cmd = cmdline(Long.parseLong(name));
                if (cmd != null && cmd.contains(jar) && cmd.contains(port) && cmd.contains("java")) {
                    return Long.parseLong(name);
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return null;
        }
    }

    /** "UP", "DOWN: <checks>" or "unreachable: <why>". */
    static String ready(Env env, String svc) {
        try {
            Resp r = get(env.urls.get(svc) + "/q/health/ready", 5);
            Object j = Json.tryParse(r.body());
            String status = j == null ? null : Json.str(j, "status");
            if (r.status() == 200 && "UP".equals(status)) {
                return "UP";
            }
            List<String> down = new ArrayList<>();
            for (Object c : Json.list(j, "checks")) {
                if (!"UP".equals(Json.str(c, "status"))) {
                    down.add(Json.str(c, "name"));
                }
            }
            return "DOWN (HTTP " + r.status() + (down.isEmpty() ? "" : ", checks down: " + String.join(", ", down)) + ")";
        } catch (IOException e) {
            return "unreachable (" + failureKind(e) + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    // ---------------------------------------------------------------- Kafka topics read back after the run

    record DlqMessage(String topic, int partition, long offset, long timestamp, String key, Map<String, String> headers,
                      int version) {
    }

    /** Per report: when each pipeline topic first carried each version, and what the DLQs hold. */
    static final class TopicScan {
        final Map<String, Map<Integer, Long>> fetched = new HashMap<>();
        final Map<String, Map<Integer, Long>> parsed = new HashMap<>();
        final Map<String, Map<Integer, Long>> validated = new HashMap<>();
        final Map<String, Integer> records = new HashMap<>();
        final List<DlqMessage> dlq = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        boolean complete;
    }

    static TopicScan scanTopics(Env env, Set<String> ids) {
        TopicScan scan = new TopicScan();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafka);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "nianbao-fault-harness-scan");
        p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
        List<String> topics = new ArrayList<>();
        for (String[] st : STAGES) {
            topics.add(st[0]);
        }
        topics.addAll(Arrays.asList(DLQ_TOPICS));
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> tps = new ArrayList<>();
            for (String t : topics) {
                List<PartitionInfo> infos = c.partitionsFor(t, Duration.ofSeconds(20));
                if (infos == null || infos.isEmpty()) {
                    scan.problems.add("topic " + t + " not found");
                    continue;
                }
                for (PartitionInfo i : infos) {
                    tps.add(new TopicPartition(t, i.partition()));
                }
            }
            Map<TopicPartition, Long> since = new HashMap<>();
            for (TopicPartition tp : tps) {
                since.put(tp, T0);
            }
            Map<TopicPartition, OffsetAndTimestamp> starts = c.offsetsForTimes(since, Duration.ofSeconds(20));
            Map<TopicPartition, Long> ends = c.endOffsets(tps, Duration.ofSeconds(20));
            List<TopicPartition> assigned = new ArrayList<>();
            for (TopicPartition tp : tps) {
                OffsetAndTimestamp s = starts.get(tp);
                if (s != null && s.offset() < ends.get(tp)) {
                    assigned.add(tp);
                }
            }
            c.assign(assigned);
            for (TopicPartition tp : assigned) {
                c.seek(tp, starts.get(tp).offset());
            }
            long deadline = System.currentTimeMillis() + 180_000;
            Set<TopicPartition> open = new HashSet<>(assigned);
            while (!open.isEmpty() && System.currentTimeMillis() < deadline) {
                ConsumerRecords<String, String> batch = c.poll(Duration.ofSeconds(2));
                for (ConsumerRecord<String, String> rec : batch) {
                    record(scan, rec, ids);
                }
                open.removeIf(tp -> c.position(tp, Duration.ofSeconds(10)) >= ends.get(tp));
            }
            scan.complete = open.isEmpty();
            if (!open.isEmpty()) {
                scan.problems.add("reading the topics back did not finish within 180 s: " + open);
            }
        } catch (RuntimeException e) {
            scan.problems.add("could not read the topics back: " + e);
        }
        return scan;
    }

    static void record(TopicScan scan, ConsumerRecord<String, String> rec, Set<String> ids) {
        String topic = rec.topic();
        if (topic.endsWith(".dlq")) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header h : rec.headers()) {
                headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
            }
            Object v = Json.tryParse(rec.value());
            int version = (int) Math.max(Json.num(v, 0, "version"),
                    Math.max(Json.num(v, 0, "source", "version"), Json.num(v, 0, "report", "source", "version")));
            String key = rec.key();
            if (key == null && v != null) {
                key = Json.str(v, "reportId");
            }
            scan.dlq.add(new DlqMessage(topic, rec.partition(), rec.offset(), rec.timestamp(), key, headers, version));
            return;
        }
        String id = rec.key();
        if (id == null || !ids.contains(id)) {
            return;
        }
        Object v = Json.tryParse(rec.value());
        Map<String, Map<Integer, Long>> target;
        int version;
        switch (topic) {
            case "report.fetched" -> {
                target = scan.fetched;
                version = (int) Json.num(v, 0, "version");
            }
            case "report.parsed" -> {
                target = scan.parsed;
                version = (int) Json.num(v, 0, "source", "version");
            }
            default -> {
                target = scan.validated;
                version = (int) Json.num(v, 0, "report", "source", "version");
            }
        }
        scan.records.merge(topic, 1, Integer::sum);
        target.computeIfAbsent(id, k -> new TreeMap<>()).merge(version, rec.timestamp(), Math::min);
    }

    // ---------------------------------------------------------------- statistics

    static String percentiles(List<Long> values) {
        if (values.isEmpty()) {
            return "n/a";
        }
        List<Long> v = new ArrayList<>(values);
        Collections.sort(v);
        return String.format(Locale.ROOT, "p50 %s, p99 %s, max %s (n=%d)", secs(pct(v, 50)), secs(pct(v, 99)),
                secs(v.get(v.size() - 1)), v.size());
    }

    static long pct(List<Long> sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }

    // ---------------------------------------------------------------- main

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Env env = new Env();
        String tag = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.systemDefault()).format(Instant.ofEpochMilli(T0));
        Path faultRoot = env.work.resolve("fault");
        runDir = faultRoot.resolve("run-" + tag);
        Files.createDirectories(runDir.resolve("logs"));
        pruneOldRuns(faultRoot, 3);
        List<String> faults = o.faultList();
        List<String> reasons = new ArrayList<>();

        say("fault harness: " + o.reports + " reports, " + o.clients + " upload clients, faults: "
                + (faults.isEmpty() ? "none" : String.join(", ", faults)) + (o.restartKilled ? " (killed services restarted by the harness)" : "")
                + "; work dir " + env.work + "; details in " + runDir);

        // Preflight: the pipeline must be up before anything is measured.
        List<String> notReady = new ArrayList<>();
        for (String s : SERVICES) {
            String st = ready(env, s);
            if (!st.startsWith("UP")) {
                notReady.add(s + "-service " + st);
            }
        }
        Resp alias = tryGet(env.es + "/_alias/" + o.alias, 10);
        if (alias == null || alias.status() != 200) {
            notReady.add("Elasticsearch alias " + o.alias + " " + (alias == null ? "unreachable" : "HTTP " + alias.status()));
        }
        LagMonitor lag = new LagMonitor(env);
        if (!lag.sample()) {
            notReady.add("Kafka: " + lag.lastError);
        }
        if (!notReady.isEmpty()) {
            out("fault harness: the stack is not ready: " + String.join("; ", notReady));
            out("  start it with deploy/local/stack.sh start && deploy/local/services.sh start (same environment)");
            lag.close();
            out("fault harness: FAIL (stack not ready before the run)");
            System.exit(1);
        }

        List<Report> reports = generate(o, tag);
        long changedCount = reports.stream().filter(r -> r.v2 != null).count();
        Map<String, Long> perTemplate = reports.stream().collect(Collectors.groupingBy((Report r) -> r.template, TreeMap::new, Collectors.counting()));
        say("generated " + reports.size() + " distinct reports (+" + changedCount + " changed versions) from " + TEMPLATES.length
                + " corpus files, " + reports.stream().map(r -> r.agency).distinct().count() + " agencies in "
                + reports.stream().map(r -> r.place).distinct().count() + " counties/cities, years "
                + reports.stream().mapToInt(r -> r.year).min().orElse(0) + "–" + reports.stream().mapToInt(r -> r.year).max().orElse(0)
                + "; per template " + perTemplate.values());

        LogTailer tailer = new LogTailer(env);
        Thread tailThread = new Thread(tailer, "log-tailer");
        tailThread.setDaemon(true);
        tailThread.start();
        Thread lagThread = new Thread(lag, "lag-monitor");
        lagThread.setDaemon(true);
        lagThread.start();
        SearchPoller poller = new SearchPoller(env, o, reports);
        Thread pollThread = new Thread(poller, "search-poller");
        pollThread.setDaemon(true);
        pollThread.start();

        List<Job> jobs = jobs(reports);
        FaultInjector injector = new FaultInjector(env, o, faults, jobs.size(), tailer, lag);
        allowance = faults.isEmpty() ? jobs.size() : injector.milestone(0);
        Thread faultThread = new Thread(injector, "faults");
        faultThread.setDaemon(true);
        faultThread.start();

        Thread progress = new Thread(() -> {
            while (!progressStop) {
                sleep(10_000);
                if (progressStop) {
                    return;
                }
                long searchable = reports.stream().filter(r -> r.seenVersion > 0).count();
                long latest = reports.stream().filter(r -> r.uploadedVersion() > 0 && r.seenVersion >= r.uploadedVersion()).count();
                say(String.format(Locale.ROOT, "progress: uploaded %d/%d (retries %d), searchable %d (latest version %d), %s, DLQ +%d",
                        completedJobs.get(), jobs.size(), uploadRetries.get(), searchable, latest, lag.brief(), lag.dlqGrowth()));
            }
        }, "progress");
        progress.setDaemon(true);
        progress.start();

        long uploadStart = System.currentTimeMillis();
        runUploads(jobs, env, o);
        long uploadEnd = System.currentTimeMillis();
        long accepted = reports.stream().filter(r -> r.uploadedVersion() > 0).count();
        say(String.format(Locale.ROOT, "uploads done: %d of %d reports accepted, %d versions in %s (%.1f uploads/s), %d retries %s",
                accepted, reports.size(), reports.stream().mapToLong(r -> r.uploads.size()).sum(), secs(uploadEnd - uploadStart),
                jobs.size() * 1000.0 / Math.max(1, uploadEnd - uploadStart), uploadRetries.get(), retryReasons));
        faultThread.join();
        long faultsDone = System.currentTimeMillis();

        // Converge: every accepted report visible at its latest uploaded version, bounded, or stop on a stall.
        say("waiting up to " + o.waitSeconds + " s for every accepted report to be searchable at its latest version");
        long deadline = faultsDone + o.waitSeconds * 1000L;
        long lastProgress = System.currentTimeMillis();
        long lastSeen = -1;
        long lastLag = Long.MAX_VALUE;
        String stopReason = null;
        while (true) {
            long latest = reports.stream().filter(r -> r.uploadedVersion() > 0 && r.seenVersion >= r.uploadedVersion()).count();
            if (latest >= accepted) {
                break;
            }
            long lagNow = lag.total();
            if (latest != lastSeen || lagNow < lastLag) {
                lastProgress = System.currentTimeMillis();
                lastSeen = latest;
                lastLag = lagNow;
            }
            long idle = Math.min(System.currentTimeMillis() - lastProgress,
                    lag.zeroSince < 0 || System.currentTimeMillis() - lag.lastOk > 5000 ? 0 : System.currentTimeMillis() - lag.zeroSince);
            if (idle > o.idleSeconds * 1000L) {
                stopReason = "idle: every consumer group has lag 0 and no report became searchable for " + o.idleSeconds
                        + " s (longer than ingest's 30 s relay interval), so nothing is in flight any more";
                break;
            }
            if (System.currentTimeMillis() - lastProgress > o.stallSeconds * 1000L) {
                stopReason = "stalled: no report became searchable and no consumer lag went down for " + o.stallSeconds + " s";
                break;
            }
            if (System.currentTimeMillis() > deadline) {
                stopReason = "timed out after " + o.waitSeconds + " s";
                break;
            }
            sleep(1000);
        }
        poller.stop = true;
        pollThread.join(15_000);
        poller.pollOnce();
        long convergedAt = reports.stream().flatMap(r -> r.seenAt.values().stream()).mapToLong(Long::longValue).max().orElse(0);
        if (stopReason != null) {
            say("stopped waiting: " + stopReason);
        } else {
            say("every accepted report is searchable at its latest uploaded version (" + secs(System.currentTimeMillis() - faultsDone)
                    + " after the last fault)");
        }
        sleep(2000);
        lag.sample();
        lag.stop = true;
        tailer.stop = true;
        tailThread.join(5000);

        // ---- final checks
        progressStop = true;
        say("checking " + accepted + " reports against ingest, the search API and Elasticsearch; reading the topics and DLQs back");
        Set<String> ids = new HashSet<>();
        for (Report r : reports) {
            if (r.uploadedVersion() > 0) {
                ids.add(r.id());
            }
        }
        Map<String, Report> byId = new HashMap<>();
        for (Report r : reports) {
            byId.put(r.id(), r);
        }

        // Ingest's versions are the truth for "latest".
        Map<String, int[]> ingestLatest = new ConcurrentHashMap<>();
        Map<String, String> ingestSha = new ConcurrentHashMap<>();
        List<String> ingestProblems = Collections.synchronizedList(new ArrayList<>());
        // search-service's view of each report
        Map<String, String> searchProblem = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(o.clients);
        List<Future<?>> futures = new ArrayList<>();
        for (String id : ids) {
            futures.add(pool.submit(() -> {
              try {
                Report r = byId.get(id);
                Resp v = tryGet(env.urls.get("ingest") + "/api/reports/" + id + "/versions", 30);
                if (v == null || v.status() != 200) {
                    ingestProblems.add(id + ": GET /api/reports/" + id + "/versions " + (v == null ? "unreachable" : "HTTP " + v.status()));
                } else {
                    int max = 0;
                    String sha = null;
                    for (Object ev : Json.list(Json.parse(v.body()))) {
                        int ver = (int) Json.num(ev, 0, "version");
                        if (ver > max) {
                            max = ver;
                            sha = Json.str(ev, "sha256");
                        }
                    }
                    ingestLatest.put(id, new int[] {max});
                    if (sha != null) {
                        ingestSha.put(id, sha);
                    }
                    if (max != r.uploadedVersion()) {
                        ingestProblems.add(id + " (" + r.fileName + "): ingest's latest version is v" + max + ", uploads were answered up to v"
                                + r.uploadedVersion());
                    }
                }
                Resp s = tryGet(env.urls.get("search") + "/api/reports/" + id, 30);
                if (s == null) {
                    searchProblem.put(id, "search API unreachable");
                } else if (s.status() == 404) {
                    searchProblem.put(id, "missing");
                } else if (s.status() != 200) {
                    searchProblem.put(id, "search API HTTP " + s.status());
                } else {
                    Object j = Json.tryParse(s.body());
                    int shown = 0;
                    for (Object h : Json.list(j, "history")) {
                        shown = Math.max(shown, (int) Json.num(h, 0, "version"));
                    }
                    String url = Json.str(j, "originalUrl");
                    int want = ingestLatest.getOrDefault(id, new int[] {r.uploadedVersion()})[0];
                    String wantSha = ingestSha.get(id);
                    if (shown != want || (wantSha != null && (url == null || !url.endsWith("/" + wantSha)))) {
                        searchProblem.put(id, "wrong version: search shows v" + shown + " (original " + (url == null ? "?" : url.substring(url.lastIndexOf('/') + 1, Math.min(url.length(), url.lastIndexOf('/') + 13)))
                                + "…), ingest's latest is v" + want + " (" + (wantSha == null ? "?" : wantSha.substring(0, 12)) + "…)");
                    }
                }
              } catch (RuntimeException e) {
                searchProblem.put(id, "check failed: " + e);
              }
              return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();

        // Exactly once, straight from Elasticsearch.
        long esOurs = -1;
        long esTotal = -1;
        List<String> duplicates = new ArrayList<>();
        String esProblem = null;
        try {
            String idList = ids.stream().map(Json::quote).collect(Collectors.joining(","));
            Resp r1 = postJson(env.es + "/" + o.alias + "/_search", "{\"size\":0,\"track_total_hits\":true,\"query\":{\"terms\":{\"reportId\":["
                    + idList + "]}}}", 30);
            esOurs = Json.num(Json.parse(r1.body()), -1, "hits", "total", "value");
            Resp r2 = postJson(env.es + "/" + o.alias + "/_search", "{\"size\":0,\"track_total_hits\":true,\"aggs\":{\"dup\":{\"terms\":{"
                    + "\"field\":\"reportId\",\"min_doc_count\":2,\"size\":1000}}}}", 30);
            Object j2 = Json.parse(r2.body());
            esTotal = Json.num(j2, -1, "hits", "total", "value");
            for (Object b : Json.list(j2, "aggregations", "dup", "buckets")) {
                duplicates.add(Json.str(b, "key") + " ×" + Json.num(b, 0, "doc_count"));
            }
            Resp r3 = get(env.es + "/_alias/" + o.alias, 10);
            Object j3 = Json.parse(r3.body());
            if (j3 instanceof Map<?, ?> m && m.size() != 1) {
                esProblem = "alias " + o.alias + " points at " + m.size() + " indices: " + m.keySet();
            }
        } catch (Exception e) {
            esProblem = "could not query Elasticsearch: " + e;
        }

        TopicScan scan = scanTopics(env, ids);
        lag.close();

        Map<String, String> readiness = new LinkedHashMap<>();
        for (String s : SERVICES) {
            readiness.put(s, ready(env, s));
        }

        // ---- report
        List<String> missing = new ArrayList<>();
        List<String> wrongVersion = new ArrayList<>();
        for (String id : ids) {
            String p = searchProblem.get(id);
            if (p == null) {
                continue;
            }
            if (p.startsWith("wrong version")) {
                wrongVersion.add(id);
            } else {
                missing.add(id);
            }
        }
        Collections.sort(missing);
        Collections.sort(wrongVersion);
        long searchable = ids.size() - missing.size();
        List<DlqMessage> ourDlq = scan.dlq.stream().filter(d -> d.key() != null && ids.contains(d.key())).toList();
        List<DlqMessage> unexplained = scan.dlq.stream().filter(d -> d.headers().get("dead-letter-reason") == null
                || d.headers().get("dead-letter-reason").isBlank()).toList();

        out("");
        out("fault harness: summary (" + runDir + ")");
        long versions = reports.stream().mapToLong(r -> r.uploads.size()).sum();
        long changedAccepted = reports.stream().filter(r -> r.uploads.stream().anyMatch(Upload::changedBytes)).count();
        out(String.format(Locale.ROOT, "  reports accepted      %d of %d (%d uploads answered, %d with changed bytes; upload retries %d %s; refused/given up %d)",
                ids.size(), reports.size(), versions, changedAccepted, uploadRetries.get(), retryReasons, uploadProblems.size()));
        for (String p : uploadProblems.stream().limit(10).toList()) {
            out("      upload problem: " + p);
        }
        out(String.format(Locale.ROOT, "  searchable            %d (at the latest version %d)", searchable, searchable - wrongVersion.size()));
        out("  missing               " + missing.size() + (missing.isEmpty() ? "" : ": " + String.join(" ", missing.stream().limit(40).toList())
                + (missing.size() > 40 ? " …" : "")));
        out("  wrong version         " + wrongVersion.size());
        for (String id : wrongVersion.stream().limit(15).toList()) {
            out("      " + id + " " + byId.get(id).fileName + ": " + searchProblem.get(id));
        }
        out("  duplicates            " + duplicates.size() + (duplicates.isEmpty() ? "" : ": " + duplicates)
                + String.format(Locale.ROOT, " (Elasticsearch alias %s: %d docs for this run's %d reports, %d docs in total)", o.alias, esOurs,
                ids.size(), esTotal) + (esProblem == null ? "" : "; " + esProblem));
        for (String p : ingestProblems.stream().limit(10).toList()) {
            out("      ingest: " + p);
        }
        out("  DLQ messages          " + scan.dlq.size() + " since the harness started (" + ourDlq.size() + " of this run's reports, "
                + unexplained.size() + " without dead-letter-reason)" + (scan.problems.isEmpty() ? "" : "; " + scan.problems));
        Map<String, List<DlqMessage>> byReason = new TreeMap<>();
        for (DlqMessage d : scan.dlq) {
            String reason = d.headers().getOrDefault("dead-letter-reason", null);
            byReason.computeIfAbsent(d.topic() + " | " + abbreviate(reason == null ? "(no dead-letter-reason header)"
                    : reason.replaceAll("[0-9a-f]{20,64}", "<sha>"), 300), k -> new ArrayList<>()).add(d);
        }
        for (var e : byReason.entrySet()) {
            DlqMessage first = e.getValue().get(0);
            String cause = first.headers().get("dead-letter-cause");
            out("      " + e.getValue().size() + " × " + e.getKey() + (cause == null ? "" : " [cause: " + abbreviate(cause, 160) + "]")
                    + "; first " + rel(first.timestamp()) + faultWindow(first.timestamp())
                    + dlqSearchable(e.getValue(), ids, searchProblem) + ", e.g. " + e.getValue().stream().limit(5)
                    .map(d -> d.key() + (d.version() > 0 ? " v" + d.version() : "")).collect(Collectors.joining(", ")));
        }
        out("  services ready        " + readiness.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));

        // throughput and latency
        long allSearchableAt = 0;
        List<Long> latencies = new ArrayList<>();
        List<Long> toFetched = new ArrayList<>();
        List<Long> toParsed = new ArrayList<>();
        List<Long> toValidated = new ArrayList<>();
        List<Long> toSearchable = new ArrayList<>();
        for (Report r : reports) {
            List<Upload> ups;
            synchronized (r.uploads) {
                ups = new ArrayList<>(r.uploads);
            }
            Map<Integer, Long> firstAccept = new HashMap<>();
            for (Upload u : ups) {
                firstAccept.merge(u.version(), u.acceptedAt(), Math::min);
            }
            for (var e : firstAccept.entrySet()) {
                int v = e.getKey();
                Long seen = r.seenAt.get(v);
                if (seen != null) {
                    latencies.add(Math.max(0, seen - e.getValue()));
                    allSearchableAt = Math.max(allSearchableAt, seen);
                }
                Long f = scan.fetched.getOrDefault(r.id(), Map.of()).get(v);
                Long p = scan.parsed.getOrDefault(r.id(), Map.of()).get(v);
                Long va = scan.validated.getOrDefault(r.id(), Map.of()).get(v);
                if (f != null) {
                    toFetched.add(Math.max(0, f - e.getValue()));
                }
                if (f != null && p != null) {
                    toParsed.add(Math.max(0, p - f));
                }
                if (p != null && va != null) {
                    toValidated.add(Math.max(0, va - p));
                }
                if (va != null && seen != null) {
                    toSearchable.add(Math.max(0, seen - va));
                }
            }
        }
        long first = firstAccepted.get() == Long.MAX_VALUE ? uploadStart : firstAccepted.get();
        long span = Math.max(1, Math.max(allSearchableAt, convergedAt) - first);
        out(String.format(Locale.ROOT, "  throughput            %.2f reports/s (%d reports searchable %s after the first was accepted; uploads took %s)",
                searchable * 1000.0 / span, searchable, secs(span), secs(uploadEnd - uploadStart)));
        out("  latency               upload→searchable " + percentiles(latencies));
        out("  stage latency         ingest→report.fetched " + percentiles(toFetched));
        out("                        report.fetched→report.parsed " + percentiles(toParsed));
        out("                        report.parsed→report.validated " + percentiles(toValidated));
        out("                        report.validated→searchable " + percentiles(toSearchable));
        for (String[] st : STAGES) {
            String k = LagMonitor.key(st);
            long stall = lag.maxStall.getOrDefault(k, 0L);
            out(String.format(Locale.ROOT, "  consumer lag          %-17s group %-17s at the end %d, max %d at %s; longest stall %s", st[0], st[1],
                    lag.current.getOrDefault(k, -1L), lag.max.getOrDefault(k, -1L), lag.maxAt.containsKey(k) ? rel(lag.maxAt.get(k)) : "?",
                    stall == 0 ? "none" : secs(stall) + " from " + rel(lag.maxStallFrom.get(k))
                            + faultOverlap(lag.maxStallFrom.get(k), lag.maxStallFrom.get(k) + stall)));
        }
        out("                        (stall = lag > 0 while the group committed nothing; lag sampled every 2 s)");
        if (lag.failures.get() > 0) {
            out("                        (" + lag.failures.get() + " lag samples failed, e.g. while Kafka restarted; last: " + lag.lastError + ")");
        }
        out("  faults                " + faultRecords.size() + " injected" + (faults.isEmpty() ? "" : ":"));
        for (FaultRecord f : faultRecords) {
            String back = f.servicesBackAt.entrySet().stream().map(e -> e.getKey() + " " + rel(e.getValue())).collect(Collectors.joining(", "));
            out(String.format(Locale.ROOT, "      • %-32s at %s, done %s, all ready %s%s%s", f.what, rel(f.startedAt),
                    rel(f.endedAt), rel(f.recoveredAt), f.restartedBy.isEmpty() ? "" : " — restarted by " + f.restartedBy,
                    f.problems.isEmpty() ? "" : " — PROBLEM: " + String.join("; ", f.problems)));
        }

        // Service log errors during the run, each placed in the fault window it happened in.
        Map<String, List<LogEntry>> logs = new LinkedHashMap<>();
        for (String s : SERVICES) {
            logs.put(s, readLogEntries(s));
        }
        out("  service log ERRORs   (copies of every incarnation in " + runDir.resolve("logs") + ")");
        for (String s : SERVICES) {
            List<LogEntry> errors = logs.get(s).stream().filter(e -> "ERROR".equals(e.level()) && epochMs(e.time()) >= T0 - 1000).toList();
            Map<String, List<LogEntry>> grouped = new LinkedHashMap<>();
            for (LogEntry e : errors) {
                grouped.computeIfAbsent(normalize(e.first()), k -> new ArrayList<>()).add(e);
            }
            out(String.format(Locale.ROOT, "      %-8s %d ERROR entries%s", s, errors.size(), errors.isEmpty() ? "" : ":"));
            grouped.entrySet().stream().sorted((a, b) -> b.getValue().size() - a.getValue().size()).limit(6).forEach(e -> {
                LogEntry fe = e.getValue().get(0);
                long at = epochMs(fe.time());
                String cause = rootCause(fe.text());
                out("         " + e.getValue().size() + " × " + abbreviate(fe.first(), 200) + (cause == null ? "" : " ← " + abbreviate(cause, 200))
                        + "  [first " + rel(at) + faultWindow(at) + "]");
            });
        }

        // Where each missing or stale report got stuck.
        List<String> problemIds = new ArrayList<>(missing);
        problemIds.addAll(wrongVersion);
        if (!problemIds.isEmpty()) {
            Map<String, Integer> stuck = new TreeMap<>();
            Map<String, List<String>> idLines = logLinesFor(problemIds.stream().limit(25).collect(Collectors.toSet()), logs);
            out("  where the missing / stale reports stopped" + (scan.complete ? "" : " (topic read-back incomplete)") + ":");
            int shown = 0;
            for (String id : problemIds) {
                Report r = byId.get(id);
                int want = ingestLatest.getOrDefault(id, new int[] {r.uploadedVersion()})[0];
                String stage;
                if (!scan.fetched.getOrDefault(id, Map.of()).containsKey(want)) {
                    stage = "never on report.fetched";
                } else if (!scan.parsed.getOrDefault(id, Map.of()).containsKey(want)) {
                    stage = "fetched, not parsed";
                } else if (!scan.validated.getOrDefault(id, Map.of()).containsKey(want)) {
                    stage = "parsed, not validated";
                } else {
                    stage = "validated, not indexed";
                }
                List<DlqMessage> dl = scan.dlq.stream().filter(d -> id.equals(d.key())).toList();
                if (!dl.isEmpty()) {
                    stage += ", dead-lettered on " + dl.stream().map(DlqMessage::topic).distinct().collect(Collectors.joining("+"));
                }
                stuck.merge(stage, 1, Integer::sum);
                if (shown++ < 25) {
                    out("      " + id + " " + r.fileName + " v" + want + ": " + stage + " | fetched " + versionsAt(scan.fetched.get(id))
                            + " parsed " + versionsAt(scan.parsed.get(id)) + " validated " + versionsAt(scan.validated.get(id))
                            + " searchable " + (r.seenVersion > 0 ? "v" + r.seenVersion : "–"));
                    for (DlqMessage d : dl) {
                        out("          DLQ " + d.topic() + " v" + d.version() + " at " + rel(d.timestamp()) + faultWindow(d.timestamp()) + ": "
                                + abbreviate(d.headers().get("dead-letter-reason"), 220));
                    }
                    for (String line : idLines.getOrDefault(id, List.of())) {
                        out("          log " + line);
                    }
                }
            }
            out("      by stage: " + stuck);
        }

        // ---- verdict
        if (!uploadProblems.isEmpty()) {
            reasons.add(uploadProblems.size() + " uploads refused or given up");
        }
        if (!missing.isEmpty()) {
            reasons.add(missing.size() + " of " + ids.size() + " reports not searchable");
        }
        if (!wrongVersion.isEmpty()) {
            reasons.add(wrongVersion.size() + " reports searchable at an older version");
        }
        if (!duplicates.isEmpty()) {
            reasons.add(duplicates.size() + " report ids indexed more than once");
        }
        if (esOurs >= 0 && esOurs != searchable) {
            reasons.add("Elasticsearch holds " + esOurs + " docs for " + searchable + " searchable reports");
        }
        if (esProblem != null) {
            reasons.add(esProblem);
        }
        if (!ingestProblems.isEmpty()) {
            reasons.add(ingestProblems.size() + " ingest version mismatches");
        }
        if (!ourDlq.isEmpty()) {
            reasons.add(ourDlq.size() + " DLQ messages for this run's valid reports");
        }
        if (!unexplained.isEmpty()) {
            reasons.add(unexplained.size() + " DLQ messages without dead-letter-reason");
        }
        if (!scan.problems.isEmpty()) {
            reasons.add("DLQ read-back incomplete");
        }
        List<String> notUp = readiness.entrySet().stream().filter(e -> !e.getValue().startsWith("UP")).map(e -> e.getKey() + "-service").toList();
        if (!notUp.isEmpty()) {
            reasons.add("not ready at the end: " + String.join(", ", notUp));
        }
        long faultProblems = faultRecords.stream().filter(f -> !f.problems.isEmpty()).count();
        if (faultProblems > 0) {
            reasons.add(faultProblems + " faults with problems (" + faultRecords.stream().filter(f -> !f.problems.isEmpty()).map(f -> f.name)
                    .collect(Collectors.joining(",")) + ")");
        }
        if (stopReason != null && missing.isEmpty() && wrongVersion.isEmpty()) {
            reasons.add("convergence wait " + stopReason);
        }
        out(reasons.isEmpty() ? "fault harness: PASS" : "fault harness: FAIL (" + String.join("; ", reasons) + ")");
        System.exit(reasons.isEmpty() ? 0 : 1);
    }

    /** DLQ messages whose report is searchable after all (the consumer handled a redelivery or a later version). */
    static String dlqSearchable(List<DlqMessage> msgs, Set<String> ids, Map<String, String> searchProblem) {
        long ours = msgs.stream().filter(d -> d.key() != null && ids.contains(d.key())).count();
        long ok = msgs.stream().filter(d -> d.key() != null && ids.contains(d.key()) && !searchProblem.containsKey(d.key())).count();
        return ours == 0 ? "" : "; " + ok + " of these " + ours + " reports are searchable at their latest version anyway";
    }

    static String versionsAt(Map<Integer, Long> m) {
        if (m == null || m.isEmpty()) {
            return "–";
        }
        return m.entrySet().stream().map(e -> "v" + e.getKey() + "@" + rel(e.getValue())).collect(Collectors.joining(","));
    }

    /** " during kill -9 parse-service" when the time falls between a fault's start and the recovery of all services. */
    static String faultWindow(long at) {
        synchronized (faultRecords) {
            for (FaultRecord f : faultRecords) {
                long end = f.recoveredAt == 0 ? Long.MAX_VALUE : f.recoveredAt;
                if (at >= f.startedAt - 2000 && at <= end + 5000) {
                    return ", during/after " + f.what;
                }
            }
        }
        return "";
    }

    /** " (overlaps kill -9 parse-service, …)" for an interval that overlaps fault windows. */
    static String faultOverlap(long from, long to) {
        List<String> hit = new ArrayList<>();
        synchronized (faultRecords) {
            for (FaultRecord f : faultRecords) {
                long end = f.recoveredAt == 0 ? Long.MAX_VALUE : f.recoveredAt;
                if (from <= end && to >= f.startedAt) {
                    hit.add(f.what);
                }
            }
        }
        return hit.isEmpty() ? "" : " (overlaps " + String.join(", ", hit) + ")";
    }

    static String normalize(String message) {
        return message.replaceAll("\\([^)]*\\)", "()").replaceAll("fault-[\\w.-]+", "<file>").replaceAll("[0-9a-f]{20,64}", "<id>")
                .replaceAll("error id: [\\w-]+", "error id").replaceAll("\\d+", "#");
    }

    /** The last "Caused by:" line of a logged stack trace (the root cause), if any. */
    static String rootCause(String entry) {
        String cause = null;
        for (String line : entry.split("\n")) {
            String l = line.strip();
            if (l.startsWith("Caused by:")) {
                cause = l.substring("Caused by:".length()).strip();
            }
        }
        return cause;
    }

    /** Up to 3 WARN/ERROR log lines (else any lines) per report id, from all service log copies. */
    static Map<String, List<String>> logLinesFor(Set<String> ids, Map<String, List<LogEntry>> logs) {
        Map<String, List<String>> out = new HashMap<>();
        Map<String, List<String>> other = new HashMap<>();
        for (var e : logs.entrySet()) {
            for (LogEntry le : e.getValue()) {
                for (String id : ids) {
                    if (le.text().contains(id)) {
                        boolean bad = "ERROR".equals(le.level()) || "WARN".equals(le.level());
                        Map<String, List<String>> target = bad ? out : other;
                        List<String> l = target.computeIfAbsent(id, k -> new ArrayList<>());
                        if (l.size() < 3) {
                            l.add(e.getKey() + " " + le.level() + " " + rel(epochMs(le.time())) + " " + abbreviate(le.first(), 200));
                        }
                    }
                }
            }
        }
        for (var e : other.entrySet()) {
            out.putIfAbsent(e.getKey(), e.getValue());
        }
        return out;
    }

    static void pruneOldRuns(Path root, int keep) {
        try (Stream<Path> s = Files.list(root)) {
            List<Path> runs = s.filter(p -> p.getFileName().toString().startsWith("run-")).sorted().toList();
            for (int i = 0; i < runs.size() - keep; i++) {
                deleteTree(runs.get(i));
            }
        } catch (IOException e) {
            // old runs are only a disk-space matter
        }
    }

    static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }
}

package org.nianbao.parse.parser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Resolves an agency name (with its site and source as context) to province, city, county and division code using
 * the vendored national division list; every division named in the text supports itself and its parents, so
 * 番禺区…沙湾街道 resolves to the 沙湾街道 of 番禺区 rather than 沙湾县. It exists for region facets and agency
 * levels. Immutable and thread-safe once loaded.
 */
public final class RegionResolver {

    private static final String RESOURCE = "/divisions/divisions.tsv.gz";
    private static final String[] SUFFIXES = {"特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州",
        "自治县", "自治旗", "街道办事处", "街道", "地区", "林区", "省", "市", "县", "区", "旗", "盟", "镇", "乡", "苏木"};
    private static final java.util.Set<String> NOT_PLACES = java.util.Set.of("人民", "政府", "办公", "中心", "工作", "信息",
        "公开", "年度", "报告", "管理", "服务", "发展", "建设", "经济", "综合", "实验", "委员", "机关", "事务", "城市", "社区",
        "街道", "新区", "开发", "高新", "示范", "卫生", "教育", "交通", "环境", "保护", "生态", "文化", "农业", "商务");
    private static final double FULL = 3.0;
    private static final double SHORT = 1.5;
    private static final int MAX_NAME = 14;

    private final Map<String, Division> byCode = new HashMap<>();
    private final Map<String, List<Division>> byName = new HashMap<>();
    private final Map<String, List<Division>> byShortName = new HashMap<>();
    /**
     * The first two characters of every full and short name (as {@code c0 << 16 | c1}, sorted) with the longest
     * name starting with them: text positions no name starts at are skipped without building substrings.
     */
    private final int[] prefixes;
    private final int[] prefixMaxLength;

    public RegionResolver() {
        try (InputStream in = RegionResolver.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t", -1);
                Division d = new Division(f[0], f[1], f[2].isEmpty() ? null : f[2], Integer.parseInt(f[3]));
                byCode.put(d.code(), d);
                if (d.placeholder() || sameAsParent(d)) {
                    continue;
                }
                byName.computeIfAbsent(d.name(), k -> new ArrayList<>(1)).add(d);
                String shortName = shortName(d.name());
                if (shortName != null) {
                    byShortName.computeIfAbsent(shortName, k -> new ArrayList<>(1)).add(d);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Integer, Integer> longest = new HashMap<>();
        for (Map<String, List<Division>> names : List.of(byName, byShortName)) {
            for (String name : names.keySet()) {
                if (name.length() >= 2) {
                    longest.merge(prefix(name, 0), name.length(), Math::max);
                }
            }
        }
        prefixes = longest.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        prefixMaxLength = new int[prefixes.length];
        for (int i = 0; i < prefixes.length; i++) {
            prefixMaxLength[i] = longest.get(prefixes[i]);
        }
    }

    private static int prefix(String s, int i) {
        return s.charAt(i) << 16 | s.charAt(i + 1);
    }

    /**
     * Cities without counties (东莞市, 中山市, 儋州市, 嘉峪关市) list themselves again one level down as the parent of
     * their towns; that copy is no place of its own, so a name resolves to the city and its towns keep the chain.
     */
    private boolean sameAsParent(Division d) {
        Division parent = d.parentCode() == null ? null : byCode.get(d.parentCode());
        return parent != null && parent.name().equals(d.name());
    }

    static String shortName(String name) {
        for (String s : SUFFIXES) {
            if (name.endsWith(s) && name.length() - s.length() >= 2) {
                return name.substring(0, name.length() - s.length());
            }
        }
        return null;
    }

    /**
     * @param agency the agency name (primary evidence)
     * @param context other text naming the agency's place (source, site name, province hint); may be empty
     */
    public ResolvedRegion resolve(String agency, String context) {
        Map<Division, Double> evidence = new HashMap<>();
        collect(agency == null ? "" : agency, 1.0, evidence);
        collect(context == null ? "" : context, 0.6, evidence);
        if (evidence.isEmpty()) {
            return new ResolvedRegion(Region.unknown(), 0);
        }
        Division best = null;
        double bestScore = -1;
        for (Division candidate : evidence.keySet()) {
            double score = 0;
            for (Division d = candidate; d != null; d = parent(d)) {
                score += evidence.getOrDefault(d, 0.0);
            }
            if (score > bestScore + 1e-9 || (Math.abs(score - bestScore) < 1e-9 && candidate.level() < best.level())) {
                best = candidate;
                bestScore = score;
            }
        }
        boolean supported = bestScore >= SHORT - 1e-9 && (best.level() <= 3 || bestScore >= FULL - 1e-9);
        if (!supported) {
            return new ResolvedRegion(Region.unknown(), 0);
        }
        return new ResolvedRegion(toRegion(best), best.level());
    }

    private void collect(String text, double weight, Map<Division, Double> evidence) {
        String t = TextNormalizer.squeeze(text);
        for (int i = 0; i + 2 <= t.length(); i++) {
            int known = Arrays.binarySearch(prefixes, prefix(t, i));
            if (known < 0) {
                continue;
            }
            int maxName = Math.min(MAX_NAME, prefixMaxLength[known]);
            int longestFull = 0;
            for (int len = 2; len <= maxName && i + len <= t.length(); len++) {
                List<Division> full = byName.get(t.substring(i, i + len));
                if (full != null) {
                    add(full, FULL * weight, evidence);
                    longestFull = len;
                }
            }
            for (int len = Math.max(2, longestFull); len <= maxName && i + len <= t.length(); len++) {
                String sub = t.substring(i, i + len);
                if (!NOT_PLACES.contains(sub)) {
                    add(byShortName.get(sub), SHORT * weight, evidence);
                }
            }
        }
    }

    private static void add(List<Division> divisions, double w, Map<Division, Double> evidence) {
        if (divisions == null) {
            return;
        }
        for (Division d : divisions) {
            evidence.merge(d, w, Math::max);
        }
    }

    private Division parent(Division d) {
        return d.parentCode() == null ? null : byCode.get(d.parentCode());
    }

    private Region toRegion(Division d) {
        String province = null;
        String city = null;
        String county = null;
        Division provinceDiv = null;
        for (Division x = d; x != null; x = parent(x)) {
            switch (x.level()) {
                case 1 -> {
                    province = x.name();
                    provinceDiv = x;
                }
                case 2 -> city = x.placeholder() ? null : x.name();
                case 3 -> county = sameAsParent(x) ? null : x.name();
                default -> {
                }
            }
        }
        if (city == null && d.level() >= 2 && provinceDiv != null && isMunicipality(provinceDiv)) {
            city = province;
        }
        return new Region(province, city, county, d.code());
    }

    private static boolean isMunicipality(Division province) {
        return List.of("11", "12", "31", "50").contains(province.code());
    }
}

package org.nianbao.validate.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.validate.report.ParsedReportJson;

/** Loads the parsed fixtures (real reports, see src/test/resources/fixtures) and derives edited variants from them. */
public final class Fixtures {

    public static final List<String> CLEAN = List.of("pingtan-syq-2012", "pingtan-syq-2018", "pingtan-syq-2019",
            "pingtan-syq-2021", "pingtan-syq-2023", "shanghai-bgt-2019");
    public static final ValidationContext CTX = ValidationContext.lawAsOf(LocalDate.of(2026, 1, 1));

    private Fixtures() {
    }

    public static String json(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name + ".parsed.json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ParsedReportView load(String name) {
        return new ParsedReportJson(new ObjectMapper()).read(json(name));
    }

    public static Edit edit(String name) {
        return new Edit(load(name));
    }

    public static Edit edit(ParsedReportView r) {
        return new Edit(r);
    }

    public static List<Finding> run(Rule rule, ParsedReportView r, ReportHistory h) {
        return rule.check(new RuleInput(r, h, CTX, Messages.defaults()));
    }

    public static List<Finding> run(Rule rule, ParsedReportView r) {
        return run(rule, r, ReportHistory.empty());
    }

    /** A fluent copy-with-changes of a report view. */
    public static final class Edit {
        private ParsedReportView r;
        private final Map<String, Double> cells;
        private final List<Section> sections;

        Edit(ParsedReportView r) {
            this.r = r;
            this.cells = new LinkedHashMap<>(r.cells());
            this.sections = new ArrayList<>(r.sections());
        }

        public Edit cell(String key, Double value) {
            cells.put(key, value);
            return this;
        }

        public Edit removeCells(String prefix) {
            cells.keySet().removeIf(k -> k.startsWith(prefix));
            return this;
        }

        public Edit section(int number, String text) {
            sections.removeIf(s -> s.number() == number);
            if (text != null) {
                sections.add(new Section(number, "section " + number, text));
            }
            return this;
        }

        public Edit year(int year) {
            r = copy(r.reportId(), year, r.publishedAt(), r.format(), r.agencyKind(), r.agencyLevel(), r.province(),
                    r.sourceVersion(), r.draft(), r.cellDetails());
            return this;
        }

        public Edit published(String date) {
            r = copy(r.reportId(), r.year(), LocalDate.parse(date), r.format(), r.agencyKind(), r.agencyLevel(),
                    r.province(), r.sourceVersion(), r.draft(), r.cellDetails());
            return this;
        }

        public Edit format(FormatVersion f) {
            r = copy(r.reportId(), r.year(), r.publishedAt(), f, r.agencyKind(), r.agencyLevel(), r.province(),
                    r.sourceVersion(), r.draft(), r.cellDetails());
            return this;
        }

        public Edit agency(String kind, String level, String province) {
            r = copy(r.reportId(), r.year(), r.publishedAt(), r.format(), kind, level, province, r.sourceVersion(),
                    r.draft(), r.cellDetails());
            return this;
        }

        public Edit version(int v) {
            r = copy(r.reportId(), r.year(), r.publishedAt(), r.format(), r.agencyKind(), r.agencyLevel(),
                    r.province(), v, r.draft(), r.cellDetails());
            return this;
        }

        public Edit detail(String key, String raw, String unit) {
            Map<String, CellDetail> d = new LinkedHashMap<>(r.cellDetails());
            d.put(key, new CellDetail(raw, unit));
            r = copy(r.reportId(), r.year(), r.publishedAt(), r.format(), r.agencyKind(), r.agencyLevel(),
                    r.province(), r.sourceVersion(), r.draft(), d);
            return this;
        }

        private ParsedReportView copy(String id, Integer year, LocalDate published, FormatVersion f, String kind,
                                      String level, String province, int version, boolean draft,
                                      Map<String, CellDetail> details) {
            return new ParsedReportView(id, r.title(), r.agency(), kind, level, year, published, f, province,
                    r.regionCode(), r.sections(), r.cells(), details, version, draft);
        }

        public ParsedReportView build() {
            return new ParsedReportView(r.reportId(), r.title(), r.agency(), r.agencyKind(), r.agencyLevel(),
                    r.year(), r.publishedAt(), r.format(), r.province(), r.regionCode(), sections, cells,
                    r.cellDetails(), r.sourceVersion(), r.draft());
        }
    }
}

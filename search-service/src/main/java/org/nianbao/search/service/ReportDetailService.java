package org.nianbao.search.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nianbao.search.catalogue.CellCatalogue;
import org.nianbao.search.catalogue.CellRow;
import org.nianbao.search.catalogue.CellTable;
import org.nianbao.search.config.SearchConfig;
import org.nianbao.search.repository.ReportIndexRepository;
import org.nianbao.search.service.ReportView.CellView;
import org.nianbao.search.service.ReportView.FindingView;
import org.nianbao.search.service.ReportView.RowView;
import org.nianbao.search.service.ReportView.SectionView;
import org.nianbao.search.service.ReportView.TableView;
import org.nianbao.search.service.ReportView.VersionView;

/** Lays a stored report out for its page: cells back into the printed tables, each linked to the findings naming it. */
@ApplicationScoped
public class ReportDetailService {

    private final ReportIndexRepository repository;
    private final String originalsBase;

    public ReportDetailService(ReportIndexRepository repository, SearchConfig config) {
        this.repository = repository;
        String base = config.search().ingestPublicUrl();
        this.originalsBase = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/originals/";
    }

    public Optional<ReportView> find(String id) {
        return repository.find(repository.alias(), id).map(stored -> toView(id, stored.source()));
    }

    ReportView toView(String id, JsonNode s) {
        List<FindingView> findings = new ArrayList<>();
        Map<String, List<Integer>> findingsByCell = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode f : s.path("findings")) {
            List<String> cells = new ArrayList<>();
            f.path("cells").forEach(c -> cells.add(c.asText()));
            for (String cell : cells) {
                findingsByCell.computeIfAbsent(cell, k -> new ArrayList<>()).add(index);
            }
            findings.add(new FindingView(index, f.path("code").asText(), f.path("severity").asText(),
                    f.path("message").asText(), cells,
                    cells.stream().map(c -> CellCatalogue.label(c).orElse(c)).toList(),
                    f.path("expected").isMissingNode() ? NullNode.instance : f.get("expected"),
                    f.path("actual").isMissingNode() ? NullNode.instance : f.get("actual"),
                    SearchService.text(f, "span")));
            index++;
        }
        JsonNode cells = s.path("cells");
        JsonNode details = s.path("cellDetails");
        Set<String> placed = new HashSet<>();
        List<TableView> tables = new ArrayList<>();
        for (CellTable table : CellCatalogue.tablesFor(SearchService.text(s, "formatVersion"))) {
            List<RowView> rows = new ArrayList<>();
            for (CellRow row : table.rows()) {
                List<CellView> rowCells = new ArrayList<>();
                for (String key : row.keys()) {
                    placed.add(key);
                    rowCells.add(cell(key, cells, details, findingsByCell));
                }
                rows.add(new RowView(row.label(), rowCells));
            }
            tables.add(new TableView(table.section(), table.title(), table.columns(), rows));
        }
        List<CellView> other = new ArrayList<>();
        Iterator<String> names = cells.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!placed.contains(key)) {
                other.add(cell(key, cells, details, findingsByCell));
            }
        }
        List<SectionView> sections = new ArrayList<>();
        for (JsonNode section : s.path("sections")) {
            sections.add(new SectionView(section.path("number").asInt(), section.path("heading").asText(),
                    section.path("text").asText()));
        }
        List<VersionView> history = new ArrayList<>();
        for (JsonNode v : s.path("history")) {
            String sha = SearchService.text(v, "sha256");
            history.add(new VersionView(v.path("version").asLong(), sha, SearchService.text(v, "fetchedAt"),
                    SearchService.text(v, "sourceUrl"), SearchService.text(v, "validatedAt"), originalUrl(sha)));
        }
        List<ReportView.ParseWarningView> parseWarnings = new ArrayList<>();
        for (JsonNode w : s.path("parseWarnings")) {
            List<String> warned = new ArrayList<>();
            w.path("cells").forEach(c -> warned.add(c.asText()));
            parseWarnings.add(new ReportView.ParseWarningView(w.path("code").asText(), w.path("message").asText(),
                    warned));
        }
        JsonNode source = s.path("source");
        JsonNode counts = s.path("counts");
        return new ReportView(id, SearchService.text(s, "title"), SearchService.text(s, "agency"),
                SearchService.text(s, "agencyKey"), SearchService.text(s, "agencyKind"),
                SearchService.text(s, "agencyLevel"), SearchService.text(s, "province"), SearchService.text(s, "city"),
                SearchService.text(s, "county"), s.path("year").isInt() ? s.get("year").asInt() : null,
                SearchService.text(s, "publishedAt"), SearchService.text(s, "formatVersion"),
                SearchService.text(s, "status"), s.path("late").isBoolean() ? s.get("late").asBoolean() : null,
                SearchService.text(s, "deadline"),
                new SearchResultView.Counts(counts.path("error").asInt(), counts.path("warning").asInt(),
                        counts.path("info").asInt()),
                SearchService.text(s, "validatedAt"), SearchService.text(source, "sourceUrl"),
                originalUrl(SearchService.text(source, "sha256")), sections, tables, other, findings, history,
                parseWarnings);
    }

    private String originalUrl(String sha256) {
        return sha256 == null ? null : originalsBase + sha256;
    }

    private static CellView cell(String key, JsonNode cells, JsonNode details, Map<String, List<Integer>> findings) {
        JsonNode value = cells.path(key);
        return new CellView(key, CellCatalogue.label(key).orElse(key),
                value.isMissingNode() ? NullNode.instance : value,
                SearchService.text(details.path(key), "raw"), findings.getOrDefault(key, List.of()));
    }
}

package org.nianbao.validate.rules;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The parts of a parsed report the rules read, independent of the JSON wire shape so the rules stay plain Java.
 *
 * @param cells         canonical cell key to value; a key mapped to null is a blank cell, an absent key was not printed
 * @param sourceVersion 1 for the first stored version of the document, higher after the bytes changed
 */
public record ParsedReportView(String reportId, String title, String agency, String agencyKind, String agencyLevel,
                               Integer year, LocalDate publishedAt, FormatVersion format, String province,
                               String regionCode, List<Section> sections, Map<String, Double> cells,
                               Map<String, CellDetail> cellDetails, int sourceVersion, boolean draft) {

    public ParsedReportView {
        sections = sections == null ? List.of() : List.copyOf(sections);
        cells = cells == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        cellDetails = cellDetails == null ? Map.of() : Map.copyOf(cellDetails);
    }

    public boolean hasCell(String key) {
        return cells.containsKey(key);
    }

    /** The value of a cell, or null when it is blank or absent. */
    public Double cell(String key) {
        return cells.get(key);
    }

    public Optional<Section> section(int number) {
        return sections.stream().filter(s -> s.number() == number).findFirst();
    }

    public String sectionText(int number) {
        return sections.stream().filter(s -> s.number() == number).map(Section::text)
                .collect(Collectors.joining("\n"));
    }

    /** The narrative of the national sections (the preamble excluded), used for text and copy rules. */
    public String narrative() {
        return sections.stream().filter(s -> s.number() != 0)
                .map(s -> s.heading() + "\n" + s.text()).collect(Collectors.joining("\n"));
    }

    public String allText() {
        return sections.stream().map(s -> s.heading() + "\n" + s.text()).collect(Collectors.joining("\n"));
    }
}

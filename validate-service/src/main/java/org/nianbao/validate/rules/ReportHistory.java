package org.nianbao.validate.rules;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Other years' reports of the same agency, so cross-year rules can compare without knowing where history is stored. */
@FunctionalInterface
public interface ReportHistory {

    Optional<PriorReport> forYear(int year);

    static ReportHistory empty() {
        return year -> Optional.empty();
    }

    /** A history over the given reports; when a year occurs twice the later one in the collection wins. */
    static ReportHistory of(Collection<PriorReport> reports) {
        Map<Integer, PriorReport> byYear = new TreeMap<>();
        for (PriorReport r : reports) {
            byYear.put(r.year(), r);
        }
        return year -> Optional.ofNullable(byYear.get(year));
    }
}

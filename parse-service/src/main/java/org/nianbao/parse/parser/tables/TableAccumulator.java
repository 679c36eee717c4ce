package org.nianbao.parse.parser.tables;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.parse.parser.CellDetail;
import org.nianbao.parse.parser.ParseBudget;
import org.nianbao.parse.parser.warnings.ParseWarning;

/**
 * What reading one report's tables builds up — cells, their printed details, warnings — and the budget every
 * search draws on; it exists so the readers of tables 二, 三 and 四 share one object instead of passing four.
 */
final class TableAccumulator {

    /** Room for every cell of the largest format without rehashing (2019: 22 + 161 + 15 keys). */
    static final int CELLS_CAPACITY = 512;

    private final Map<String, BigDecimal> cells = new LinkedHashMap<>(CELLS_CAPACITY);
    private final Map<String, CellDetail> details = new LinkedHashMap<>(CELLS_CAPACITY);
    private final List<ParseWarning> warnings = new ArrayList<>();
    private final ParseBudget budget;

    TableAccumulator(ParseBudget budget) {
        this.budget = budget;
    }

    ParseBudget budget() {
        return budget;
    }

    Map<String, BigDecimal> cells() {
        return cells;
    }

    void warn(ParseWarning warning) {
        warnings.add(warning);
    }

    /** Writes a row's values (amounts printed in 元 as 万元) and what each was read from. */
    void put(RowSpec row, RowFit fit) {
        for (int i = 0; i < row.keys().size(); i++) {
            String key = row.keys().get(i);
            BigDecimal v = fit.values().get(i);
            String raw = fit.raws().get(i);
            String unit = fit.units().get(i) != null ? fit.units().get(i) : row.unit();
            if (v != null && isAmount(key)) {
                if ("元".equals(fit.units().get(i))) {
                    v = toWan(v);
                }
                unit = fit.units().get(i) != null ? fit.units().get(i) : row.unit();
            }
            if (raw != null && fit.units().get(i) != null && !raw.endsWith(fit.units().get(i))) {
                raw = raw + fit.units().get(i);
            }
            cells.put(key, v == null ? null : normalise(v));
            details.put(key, new CellDetail(raw, unit));
        }
    }

    /** Writes a row not found: every cell null, with the row's default unit. */
    void putNulls(RowSpec row) {
        for (String key : row.keys()) {
            cells.put(key, null);
            details.put(key, new CellDetail(null, row.unit()));
        }
    }

    TableResult result(String s2Format, Boolean s3OtherSplit, boolean s4Found) {
        return new TableResult(cells, details, warnings, s2Format, s3OtherSplit, s4Found);
    }

    private static boolean isAmount(String key) {
        return key.equals("s2.fees.amount") || key.equals("s2.procurement.amount");
    }

    static BigDecimal toWan(BigDecimal yuan) {
        return yuan.divide(BigDecimal.valueOf(10000), 10, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    static BigDecimal normalise(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}

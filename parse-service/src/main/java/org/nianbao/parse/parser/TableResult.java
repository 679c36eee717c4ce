package org.nianbao.parse.parser;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Cells read from a report's tables with the era each table was printed in; it exists to carry table reading
 * results to the report assembly.
 *
 * @param s2Format "2019" or "2021" for table 二's printed columns, null when the table was not found
 * @param s3OtherSplit true when table 三 prints （六） as three rows, false for one row, null when not found
 * @param s4Found whether table 四's values were found
 */
public record TableResult(Map<String, BigDecimal> cells, Map<String, CellDetail> details,
                          List<ParseWarning> warnings, String s2Format, Boolean s3OtherSplit, boolean s4Found) {
}

package org.nianbao.validate.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates one "declared = sum of parts" identity with blanks counted as 0, remembering whether a blank took part,
 * so rules can say when a verdict only holds because a blank was read as 0.
 */
public record Arithmetic(double declared, double sum, List<String> blankCells, boolean allBlank) {

    public static Arithmetic of(ParsedReportView r, List<String> declaredKeys, List<String> partKeys) {
        List<String> blanks = new ArrayList<>();
        double declared = 0;
        double sum = 0;
        int seen = 0;
        for (String k : declaredKeys) {
            Double v = r.cell(k);
            if (v == null) {
                blanks.add(k);
            } else {
                declared += v;
                seen++;
            }
        }
        for (String k : partKeys) {
            Double v = r.cell(k);
            if (v == null) {
                blanks.add(k);
            } else {
                sum += v;
                seen++;
            }
        }
        return new Arithmetic(declared, sum, List.copyOf(blanks), seen == 0);
    }

    public boolean holds() {
        return Num.eq(declared, sum);
    }

    public boolean blankInvolved() {
        return !blankCells.isEmpty();
    }
}

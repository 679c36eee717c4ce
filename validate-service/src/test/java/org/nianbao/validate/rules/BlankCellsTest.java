package org.nianbao.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule runs on reports whose cells the parser left blank: each cell blank alone, every other cell blank, and
 * all cells blank. It exists because the parser leaves a cell null whenever the document does not decide it (a
 * digit run it cannot split, a hostile upload): one rule that assumed a number threw, and the valid report went to
 * the dead-letter topic instead of being checked.
 */
class BlankCellsTest {

    static List<String> fixtures() {
        return Fixtures.CLEAN;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyRuleRunsWhateverCellsAreBlank(String name) {
        ParsedReportView report = Fixtures.load(name);
        List<String> keys = new ArrayList<>(report.cells().keySet());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            validate(Fixtures.edit(name).cell(keys.get(i), null).build(), "blank " + keys.get(i), failures);
        }
        Fixtures.Edit everyOther = Fixtures.edit(name);
        Fixtures.Edit all = Fixtures.edit(name);
        for (int i = 0; i < keys.size(); i++) {
            if (i % 2 == 0) {
                everyOther.cell(keys.get(i), null);
            }
            all.cell(keys.get(i), null);
        }
        validate(everyOther.build(), "every other cell blank", failures);
        validate(all.build(), "all cells blank", failures);
        assertEquals(List.of(), failures);
    }

    private static void validate(ParsedReportView report, String what, List<String> failures) {
        try {
            Validator.defaults().validate(report, ReportHistory.empty(), Fixtures.CTX);
        } catch (RuntimeException e) {
            failures.add(what + ": " + e);
        }
    }
}

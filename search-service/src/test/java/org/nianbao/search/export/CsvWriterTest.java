package org.nianbao.search.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void writesBomHeaderAndEscapedRows() {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out, List.of("reportId", "title", "s3.new.total"));
        csv.row(Arrays.asList("a", "平潭综合实验区\"2021\"年度, 报告", "70"));
        csv.row(Arrays.asList("b", null, "-3"));
        csv.row(Arrays.asList("c", "=HYPERLINK(\"x\")", "24252.311082"));
        csv.row(Arrays.asList("d", "多行\n文本", "-cmd"));
        assertEquals(4, csv.rows());
        assertEquals("\uFEFFreportId,title,s3.new.total\r\n"
                + "a,\"平潭综合实验区\"\"2021\"\"年度, 报告\",70\r\n"
                + "b,,-3\r\n"
                + "c,\"'=HYPERLINK(\"\"x\"\")\",24252.311082\r\n"
                + "d,\"多行\n文本\",'-cmd\r\n", out.toString());
    }

    @Test
    void rejectsRowsOfTheWrongWidth() {
        CsvWriter csv = new CsvWriter(new StringWriter(), List.of("a", "b"));
        assertThrows(IllegalArgumentException.class, () -> csv.row(List.of("1")));
    }
}

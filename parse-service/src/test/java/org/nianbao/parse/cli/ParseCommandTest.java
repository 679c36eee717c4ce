package org.nianbao.parse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract: one DIR/<name>.json per input, exit 0 / 1 / 2. */
class ParseCommandTest {

    @TempDir
    Path tmp;

    private Path copy(String resource, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        try (InputStream in = getClass().getResourceAsStream("/" + resource)) {
            Path target = dir.resolve(name);
            Files.copy(in, target);
            return target;
        }
    }

    @Test
    void directoryArgumentParsesEveryFileAndWritesTheReportParsedBody() throws IOException {
        Path in = tmp.resolve("in");
        copy("fixtures/pingtan-syq-2021/page.txt", in, "pingtan-2021.txt");
        copy("fixtures/shanghai-bgt-2019/page.html", in, "shanghai.html");
        Path out = tmp.resolve("out");
        assertEquals(0, ParseCommand.run("--quiet", "--out", out.toString(), in.toString()));
        JsonNode json = new ObjectMapper().readTree(out.resolve("pingtan-2021.txt.json").toFile());
        assertEquals(1, json.get("schemaVersion").asInt());
        assertTrue(json.get("reportId").isNull());
        assertEquals("2021", json.get("formatVersion").asText());
        assertEquals(70, json.get("cells").get("s3.new.total").asInt());
        assertEquals("24252.311082", json.get("cells").get("s2.fees.amount").asText());
        assertEquals("福建省", json.get("region").get("province").asText());
        assertTrue(Files.exists(out.resolve("shanghai.html.json")));
        assertTrue(new ObjectMapper().readTree(out.resolve("shanghai.html.json").toFile())
                .get("cells").get("s3.new.research").isNull(), "blank cells are null");
    }

    @Test
    void anyFailedInputGivesExitOneAndNoOutputForIt() throws IOException {
        Path good = copy("fixtures/pingtan-syq-2023/page.txt", tmp, "good.txt");
        Path bad = tmp.resolve("empty.pdf");
        Files.write(bad, new byte[0]);
        Path out = tmp.resolve("out");
        assertEquals(1, ParseCommand.run("--quiet", "--out", out.toString(), good.toString(), bad.toString()));
        assertTrue(Files.exists(out.resolve("good.txt.json")));
        assertFalse(Files.exists(out.resolve("empty.pdf.json")));
    }

    @Test
    void badUsageGivesExitTwo() {
        assertEquals(2, ParseCommand.run("some-file.txt"));
        assertEquals(2, ParseCommand.run("--out", tmp.toString()));
        assertEquals(2, ParseCommand.run("--out", tmp.toString(), tmp.resolve("missing.txt").toString()));
    }

    @Test
    void twoInputsWithOneFileNameAreRefusedInsteadOfOverwritingEachOther() throws IOException {
        Path a = copy("fixtures/pingtan-syq-2021/page.txt", tmp.resolve("a"), "page.txt");
        Path b = copy("fixtures/pingtan-syq-2023/page.txt", tmp.resolve("b"), "page.txt");
        Path out = tmp.resolve("out");
        assertEquals(2, ParseCommand.run("--quiet", "--out", out.toString(), a.toString(), b.toString()));
        assertFalse(Files.exists(out.resolve("page.txt.json")), "nothing written");
        assertEquals(0, ParseCommand.run("--quiet", "--out", out.toString(), a.toString(), a.toString()),
                "the same file twice is one input");
    }
}

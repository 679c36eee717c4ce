package org.nianbao.validate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.validate.rules.Fixtures;

/** The command line: output per input, shared history across inputs, exit codes. */
class ValidateCliTest {

    @TempDir
    Path tmp;

    private int run(String... args) {
        return ValidateCli.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
    }

    private Path input(String name, String json) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, json);
        return p;
    }

    @Test
    void inputsTogetherFormAHistory() throws IOException {
        Path y19 = input("y19.json", Fixtures.json("pingtan-syq-2019"));
        String y20json = Fixtures.json("pingtan-syq-2020-outcome-off")
                .replace("\"s3.carried_in.total\": 0", "\"s3.carried_in.total\": 4");
        Path y20 = input("y20.json", y20json);
        Path out = tmp.resolve("out");
        assertEquals(0, run("--today", "2026-01-01", "--out", out.toString(), y19.toString(), y20.toString()));
        JsonNode r20 = new ObjectMapper().readTree(out.resolve("y20.json").toFile());
        assertEquals("noncompliant", r20.get("status").asText());
        boolean carry = false;
        for (JsonNode f : r20.get("findings")) {
            if (f.get("code").asText().equals("YEAR.CARRY_OVER")) {
                carry = true;
                assertEquals("s3.carried_in.total", f.get("cells").get(0).asText());
                assertEquals(0, f.get("expected").asInt());
                assertEquals(4, f.get("actual").asInt());
            }
        }
        assertTrue(carry, r20.toString());
        JsonNode r19 = new ObjectMapper().readTree(out.resolve("y19.json").toFile());
        assertEquals(0, r19.get("counts").get("error").asInt(), r19.toString());
    }

    @Test
    void badUsageAndUnreadableInputExitWith2() throws IOException {
        assertEquals(2, run());
        assertEquals(2, run("--out", tmp.toString()));
        assertEquals(2, run("--out", tmp.toString(), tmp.resolve("nope.json").toString()));
        assertEquals(2, run("--out", tmp.toString(), input("bad.json", "{not json").toString()));
        assertEquals(2, run("--out", tmp.toString(), input("v2.json", "{\"schemaVersion\":2}").toString()));
    }
}

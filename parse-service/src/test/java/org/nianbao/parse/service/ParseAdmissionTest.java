package org.nianbao.parse.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nianbao.parse.parser.UnparseableDocumentException;

/** Parses are admitted by the heap they may need: too big alone → refused with a reason; big ones one at a time. */
class ParseAdmissionTest {

    private static byte[] text(int megabytes) {
        byte[] b = new byte[megabytes << 20];
        Arrays.fill(b, (byte) 'x');
        return b;
    }

    @Test
    void aDocumentTheHeapCannotHoldIsRefusedWithTheReason() {
        ParseAdmission admission = new ParseAdmission(100);
        UnparseableDocumentException e = assertThrows(UnparseableDocumentException.class,
                () -> admission.admit(text(10), "big.txt"));
        assertTrue(e.getMessage().contains("big.txt of 10 MB needs about") && e.getMessage().contains("100 MB"),
                e.getMessage());
        assertEquals(100, admission.availableMib(), "a refusal holds nothing");
    }

    @Test
    void aSecondBigDocumentWaitsForTheFirst() throws Exception {
        ParseAdmission admission = new ParseAdmission(100);
        ParseAdmission.Permit first = admission.admit(text(3), "a.txt"); // 13 × 3 + 16 = 55 MiB
        assertEquals(45, admission.availableMib());
        boolean[] admitted = {false};
        Thread second = new Thread(() -> {
            try (ParseAdmission.Permit p = admission.admit(text(3), "b.txt")) {
                admitted[0] = true;
            }
        });
        second.start();
        while (second.getState() != Thread.State.WAITING && second.isAlive()) {
            Thread.onSpinWait();
        }
        assertTrue(second.isAlive() && !admitted[0], "the second waits while the first holds the heap");
        first.close();
        second.join();
        assertTrue(admitted[0]);
        assertEquals(100, admission.availableMib());
    }

    /** One size limit for originals: ingest accepts and parse reads up to the same default. */
    @Test
    void ingestAndParseShareOneDefaultSizeLimit() throws Exception {
        Pattern shared = Pattern.compile("=\\$\\{nianbao\\.max-original-bytes:(\\d+)}");
        Matcher ours = shared.matcher(Files.readString(Path.of("src/main/resources/application.properties"),
                StandardCharsets.UTF_8));
        Matcher ingest = shared.matcher(Files.readString(
                Path.of("..", "ingest-service", "src/main/resources/application.properties"), StandardCharsets.UTF_8));
        assertTrue(ours.find() && ingest.find(), "both services read nianbao.max-original-bytes");
        assertEquals(ingest.group(1), ours.group(1));
    }
}

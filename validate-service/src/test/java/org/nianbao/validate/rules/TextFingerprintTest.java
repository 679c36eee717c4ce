package org.nianbao.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Shingle fingerprints measure copied text and survive their database encoding. */
class TextFingerprintTest {

    @Test
    void identicalTextIsFullyContainedAndYearsDoNotMatter() {
        String a = Fixtures.load("pingtan-syq-2021").narrative();
        TextFingerprint f = TextFingerprint.of(a);
        assertEquals(1.0, f.containedIn(TextFingerprint.of(a.replace("2021", "2022"))), 1e-9);
    }

    @Test
    void differentYearsOfARealAgencyShareLittle() {
        TextFingerprint y21 = TextFingerprint.of(Fixtures.load("pingtan-syq-2021").narrative());
        TextFingerprint y19 = TextFingerprint.of(Fixtures.load("pingtan-syq-2019").narrative());
        double share = y21.containedIn(y19);
        assertTrue(share < 0.5, "share " + share);
        assertTrue(share > 0.0, "headings are shared");
    }

    @Test
    void base64RoundTrip() {
        TextFingerprint f = TextFingerprint.of(Fixtures.load("pingtan-syq-2023").narrative());
        TextFingerprint back = TextFingerprint.fromBase64(f.toBase64());
        assertEquals(f.size(), back.size());
        assertEquals(1.0, back.containedIn(f), 1e-9);
        assertEquals(0, TextFingerprint.fromBase64(null).size());
    }
}

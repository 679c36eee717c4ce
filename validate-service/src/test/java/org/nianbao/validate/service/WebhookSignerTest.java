package org.nianbao.validate.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Webhook signatures are reproducible HMAC-SHA256; register CSV lines split with quotes (URL checks: UrlGuardTest). */
class WebhookSignerTest {

    @Test
    void signatureIsHmacSha256OverTimestampDotBody() {
        // Reference computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac s3cret
        assertEquals("sha256=1698a50bc74d1ff1db85c4e0a5297c2ad9fdba245d5737cdb789e4cc6e098940",
                WebhookSigner.sign("s3cret", 1_700_000_000L, "{\"a\":1}"));
    }

    @Test
    void csvLinesWithQuotes() {
        assertEquals(List.of("平潭综合实验区财政金融局", "350128", "city", "department", "福建省"),
                CsvLine.split("平潭综合实验区财政金融局,350128,city,department,福建省"));
        assertEquals(List.of("A, \"B\"", "1"), CsvLine.split("\"A, \"\"B\"\"\",1"));
    }
}

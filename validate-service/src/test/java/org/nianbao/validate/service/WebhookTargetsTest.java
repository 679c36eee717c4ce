package org.nianbao.validate.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Webhook URLs: http(s) only, no internal targets unless allowed; signatures are reproducible HMAC-SHA256. */
class WebhookTargetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/x", "file:///etc/passwd", "http://user:pw@93.184.215.14/",
        "http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.0.0.5/hook", "http://192.168.1.1/",
        "http://172.16.0.1/", "http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://[fd00::1]/",
        "http://100.64.0.1/", "http://0.0.0.0/", "not a url"})
    void internalAndNonHttpTargetsAreRefused(String url) {
        assertThrows(IllegalArgumentException.class, () -> WebhookTargets.check(url, false));
    }

    @Test
    void publicAddressesPassAndLoopbackPassesWhenAllowed() {
        assertEquals("93.184.215.14", WebhookTargets.check("https://93.184.215.14/hook", false).getHost());
        assertEquals(8080, WebhookTargets.check("http://127.0.0.1:8080/hook", true).getPort());
        assertThrows(IllegalArgumentException.class, () -> WebhookTargets.check("gopher://127.0.0.1/", true));
    }

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

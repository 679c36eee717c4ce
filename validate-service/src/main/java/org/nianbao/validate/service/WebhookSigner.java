package org.nianbao.validate.service;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.nianbao.validate.config.NianbaoConfig;

/**
 * Signs webhook bodies so receivers can verify origin and freshness: hex HMAC-SHA256 with the endpoint secret over
 * "&lt;timestamp&gt;.&lt;body&gt;" (timestamp = the X-Nianbao-Timestamp header, Unix seconds).
 */
public final class WebhookSigner {

    public static final String SIGNATURE_HEADER = "X-Nianbao-Signature";
    public static final String TIMESTAMP_HEADER = "X-Nianbao-Timestamp";

    private WebhookSigner() {
    }

    /** The key that signs alerts to {@code endpoint}: its own, else the shared {@code nianbao.webhooks.secret}. */
    public static Optional<String> keyFor(NianbaoConfig.Endpoint endpoint, NianbaoConfig.Webhooks webhooks) {
        return endpoint.secret().filter(k -> !k.isBlank()).or(() -> webhooks.secret().filter(k -> !k.isBlank()));
    }

    /** The header value "sha256=&lt;hex&gt;". */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

package org.nianbao.search.query;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Encodes the sort values of a page's last hit as an opaque URL-safe token, so clients can page with
 * search_after without knowing the sort keys.
 */
public final class Cursor {

    private static final char SEPARATOR = '\u001f';

    private Cursor() {
    }

    public static String encode(List<FieldValue> sortValues) {
        StringBuilder raw = new StringBuilder();
        for (FieldValue value : sortValues) {
            if (!raw.isEmpty()) {
                raw.append(SEPARATOR);
            }
            raw.append(switch (value._kind()) {
                case Long -> "l" + value.longValue();
                case Double -> "d" + value.doubleValue();
                case Boolean -> "b" + value.booleanValue();
                case String -> "s" + value.stringValue();
                case Null -> "n";
                default -> throw new IllegalArgumentException("unsupported sort value: " + value._kind());
            });
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static List<FieldValue> decode(String token) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed cursor", e);
        }
        List<FieldValue> values = new ArrayList<>();
        for (String part : raw.split(String.valueOf(SEPARATOR), -1)) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("malformed cursor");
            }
            String body = part.substring(1);
            try {
                values.add(switch (part.charAt(0)) {
                    case 'l' -> FieldValue.of(Long.parseLong(body));
                    case 'd' -> FieldValue.of(Double.parseDouble(body));
                    case 'b' -> FieldValue.of(Boolean.parseBoolean(body));
                    case 's' -> FieldValue.of(body);
                    case 'n' -> FieldValue.NULL;
                    default -> throw new IllegalArgumentException("malformed cursor");
                });
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("malformed cursor", e);
            }
        }
        return values;
    }
}

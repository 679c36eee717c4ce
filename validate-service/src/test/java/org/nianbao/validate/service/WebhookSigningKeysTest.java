package org.nianbao.validate.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nianbao.validate.config.NianbaoConfig;

/** Alerts are never sent unsigned: the endpoint's own key, else the shared one, else startup refuses. */
class WebhookSigningKeysTest {

    @SuppressWarnings("unchecked")
    private static <T> T config(Class<T> type, Map<String, Object> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (!values.containsKey(method.getName())) {
                throw new UnsupportedOperationException(method.getName());
            }
            return values.get(method.getName());
        });
    }

    private static NianbaoConfig.Endpoint endpoint(String url, Optional<String> secret) {
        return config(NianbaoConfig.Endpoint.class, Map.of("url", url, "secret", secret));
    }

    private static NianbaoConfig.Webhooks webhooks(Optional<String> shared, NianbaoConfig.Endpoint... endpoints) {
        return config(NianbaoConfig.Webhooks.class, Map.of("endpoints", List.of(endpoints), "secret", shared,
                "timeout", Duration.ofSeconds(1)));
    }

    private static WebhookDispatcher dispatcher(NianbaoConfig.Webhooks webhooks) {
        return new WebhookDispatcher(config(NianbaoConfig.class, Map.of("webhooks", webhooks)), null,
                new SimpleMeterRegistry());
    }

    @Test
    void theEndpointsOwnKeyWinsThenTheSharedOne() {
        NianbaoConfig.Endpoint own = endpoint("https://a.example/hook", Optional.of("own"));
        NianbaoConfig.Endpoint none = endpoint("https://b.example/hook", Optional.empty());
        NianbaoConfig.Endpoint blank = endpoint("https://c.example/hook", Optional.of(" "));
        NianbaoConfig.Webhooks shared = webhooks(Optional.of("shared"), own, none, blank);
        assertEquals(Optional.of("own"), WebhookSigner.keyFor(own, shared));
        assertEquals(Optional.of("shared"), WebhookSigner.keyFor(none, shared));
        assertEquals(Optional.of("shared"), WebhookSigner.keyFor(blank, shared));
        assertTrue(WebhookSigner.keyFor(none, webhooks(Optional.empty())).isEmpty());
    }

    @Test
    void startupRefusesAnEndpointWithoutAnyKeyAndNamesItByPositionNotUrl() {
        NianbaoConfig.Endpoint signed = endpoint("https://a.example/hook", Optional.of("own"));
        NianbaoConfig.Endpoint unsigned = endpoint("https://oapi.dingtalk.com/robot/send?access_token=t0k3n",
                Optional.empty());
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> dispatcher(webhooks(Optional.empty(), signed, unsigned)).checkSigningKeys(null));
        assertTrue(refused.getMessage().contains("nianbao.webhooks.endpoints[1]"), refused.getMessage());
        assertFalse(refused.getMessage().contains("t0k3n"), "the URL's token must not reach the log");
        assertDoesNotThrow(() -> dispatcher(webhooks(Optional.of("shared"), signed, unsigned)).checkSigningKeys(null));
        assertDoesNotThrow(() -> dispatcher(webhooks(Optional.empty())).checkSigningKeys(null));
    }
}

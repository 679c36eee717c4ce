package org.nianbao.k8scheck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Ingress of every overlay routes the public UI and API and nothing of the management endpoints (/q/metrics,
 * /q/openapi, /q/health) or the admin API: those are for Prometheus, probes and operators inside the cluster.
 */
class PublicSurfaceTest {

    /** Paths a reader's browser needs. */
    private static final List<String> PUBLIC = List.of("/", "/index.html", "/report.html", "/agency.html",
            "/css/app.css", "/js/search.js", "/api/search", "/api/reports/abc", "/api/agencies/x/years", "/api/stats/late-by-county",
            "/api/catalogue", "/api/export.csv", "/api/originals/0123abcd");

    /** Paths that must stay inside the cluster. */
    private static final List<String> PRIVATE = List.of("/q/metrics", "/q/openapi", "/q/health/ready",
            "/q/health/live", "/q/dev", "/api/admin/index", "/api/admin/index/rebuild", "/api/admin/webhooks",
            "/api/admin/replay");

    private record Route(String path, String type) {
        boolean matches(String request) {
            if (type.equals("Exact")) {
                return request.equals(path);
            }
            String prefix = path.endsWith("/") ? path : path + "/";
            return path.equals("/") || request.equals(path) || request.startsWith(prefix);
        }
    }

    private static List<Route> routes(Path target) throws Exception {
        List<Route> routes = new ArrayList<>();
        for (ObjectNode object : Rendered.of(target)) {
            if (!"Ingress".equals(object.path("kind").asText())) {
                continue;
            }
            for (JsonNode rule : object.path("spec").path("rules")) {
                for (JsonNode p : rule.path("http").path("paths")) {
                    routes.add(new Route(p.path("path").asText("/"), p.path("pathType").asText("Prefix")));
                }
            }
        }
        return routes;
    }

    @Test
    void ingressesRouteThePublicPathsAndNoManagementOrAdminPath() throws Exception {
        boolean anyIngress = false;
        for (Path target : Rendered.targets()) {
            List<Route> routes = routes(target);
            if (routes.isEmpty()) {
                continue;
            }
            anyIngress = true;
            for (String path : PRIVATE) {
                assertFalse(routes.stream().anyMatch(r -> r.matches(path)),
                        Rendered.name(target) + ": the Ingress routes " + path + " to the public: " + routes);
            }
            for (String path : PUBLIC) {
                assertTrue(routes.stream().anyMatch(r -> r.matches(path)),
                        Rendered.name(target) + ": the Ingress does not route " + path + ": " + routes);
            }
        }
        assertTrue(anyIngress, "no overlay has an Ingress: nothing was checked");
    }
}

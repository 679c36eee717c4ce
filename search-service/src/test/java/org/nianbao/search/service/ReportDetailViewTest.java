package org.nianbao.search.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.search.TestEvents;
import org.nianbao.search.config.SearchConfig;
import org.nianbao.search.mapping.ValidatedEventMapper;
import org.nianbao.search.service.ReportView.CellView;
import org.nianbao.search.service.ReportView.TableView;

class ReportDetailViewTest {

    private static SearchConfig config(String ingestUrl) {
        return new SearchConfig() {
            @Override
            public Search search() {
                return (Search) java.lang.reflect.Proxy.newProxyInstance(Search.class.getClassLoader(),
                        new Class<?>[] {Search.class}, (proxy, method, args) -> {
                            if (method.getName().equals("ingestPublicUrl")) {
                                return ingestUrl;
                            }
                            throw new UnsupportedOperationException(method.getName());
                        });
            }

            @Override
            public Admin admin() {
                return java.util.Optional::empty;
            }

            @Override
            public Consumer consumer() {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** A row the parser could not read reaches the page with its reason, so its blank cells are not misread. */
    @Test
    void parseWarningsReachThePage() {
        ObjectNode doc = new ValidatedEventMapper(TestEvents.JSON).map(TestEvents.raw("shanghai-bgt-2019")).document();
        ObjectNode w = doc.putArray("parseWarnings").addObject().put("code", "PARSE.DIGITS_UNSPLIT")
                .put("message", "表三「（七）总计」 数字位数超出本行各列所能容纳，未读取");
        w.putArray("cells").add("s3.processed_total.total");
        ReportView view = new ReportDetailService(null, config("https://ingest.example/")).toView("x", doc);
        assertEquals(List.of(new ReportView.ParseWarningView("PARSE.DIGITS_UNSPLIT",
                "表三「（七）总计」 数字位数超出本行各列所能容纳，未读取", List.of("s3.processed_total.total"))),
                view.parseWarnings());
    }

    @Test
    void laysCellsOutAsPrintedAndLinksFindings() {
        ObjectNode doc = new ValidatedEventMapper(TestEvents.JSON).map(TestEvents.raw("shanghai-bgt-2019")).document();
        doc.putArray("history").addObject().put("version", 1).put("sha256", "abc");
        ReportView view = new ReportDetailService(null, config("https://ingest.example/")).toView("x", doc);

        assertEquals(7, view.tables().size());
        TableView s3 = view.tables().get(5);
        assertEquals("三", s3.section());
        assertEquals(23, s3.rows().size());
        assertEquals("（六）其他处理", s3.rows().get(20).label());
        CellView grantedTotal = s3.rows().get(2).cells().get(6);
        assertEquals("s3.granted.total", grantedTotal.key());
        assertTrue(grantedTotal.value().isNull());
        assertEquals(java.util.List.of(0, 2), grantedTotal.findings());
        assertEquals(821, s3.rows().get(0).cells().get(0).value().asInt());
        assertEquals("三、（一）予以公开 · 总计", view.findings().get(0).cellLabels().get(0));
        assertEquals("https://ingest.example/api/originals/abc", view.history().get(0).originalUrl());
        assertTrue(view.originalUrl().startsWith("https://ingest.example/api/originals/0470"));
        assertEquals(0, view.otherCells().size());
        assertEquals(7, view.sections().size());
    }
}

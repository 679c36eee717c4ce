#!/usr/bin/env python3
"""Writes nianbao-saved-objects.ndjson (data view + visualizations + dashboards on the alias nianbao-reports).

Edit the lists below and re-run; search-service's KibanaSavedObjectsTest checks every referenced field against
the index mapping (search-service/src/main/resources/elasticsearch/reports-v2.json)."""
import json, pathlib

DATA_VIEW = "nianbao-reports"
REF = [{"name": "kibanaSavedObjectMeta.searchSourceJSON.index", "type": "index-pattern", "id": DATA_VIEW}]


def terms(agg_id, field, schema, size=50, order_by="1", order="desc"):
    return {"id": agg_id, "enabled": True, "type": "terms", "schema": schema,
            "params": {"field": field, "size": size, "order": order, "orderBy": order_by,
                       "otherBucket": False, "missingBucket": False}}


def count():
    return {"id": "1", "enabled": True, "type": "count", "schema": "metric", "params": {}}


def total(agg_id, field, label):
    return {"id": agg_id, "enabled": True, "type": "sum", "schema": "metric", "params": {"field": field, "customLabel": label}}


def chart_params(kind, metric_ids, horizontal=False, stacked=True):
    series = [{"show": True, "type": "line" if kind == "line" else "histogram", "mode": "stacked" if stacked else "normal",
               "data": {"id": i, "label": ""}, "valueAxis": "ValueAxis-1", "drawLinesBetweenPoints": True,
               "showCircles": True} for i in metric_ids]
    return {"type": kind, "addTooltip": True, "addLegend": True, "legendPosition": "right", "times": [],
            "addTimeMarker": False,
            "categoryAxes": [{"id": "CategoryAxis-1", "type": "category", "position": "left" if horizontal else "bottom",
                              "show": True, "scale": {"type": "linear"}, "labels": {"show": True, "truncate": 100},
                              "title": {}}],
            "valueAxes": [{"id": "ValueAxis-1", "name": "LeftAxis-1", "type": "value",
                           "position": "bottom" if horizontal else "left", "show": True,
                           "scale": {"type": "linear", "mode": "normal"}, "labels": {"show": True}, "title": {}}],
            "seriesParams": series, "grid": {"categoryLines": False}}


def vis(vid, title, kind, aggs, query="", params=None, description=""):
    metric_ids = [a["id"] for a in aggs if a["schema"] == "metric"]
    if params is None:
        params = {"perPage": 20, "showPartialRows": False, "showTotal": True} if kind == "table" else \
            chart_params(kind, metric_ids, horizontal=(kind == "horizontal_bar"))
    state = {"title": title, "type": kind, "params": params, "aggs": aggs}
    source = {"query": {"query": query, "language": "kuery"}, "filter": [],
              "indexRefName": "kibanaSavedObjectMeta.searchSourceJSON.index"}
    return {"type": "visualization", "id": vid, "attributes": {
        "title": title, "description": description, "version": 1, "uiStateJSON": "{}",
        "visState": json.dumps(state, ensure_ascii=False),
        "kibanaSavedObjectMeta": {"searchSourceJSON": json.dumps(source, ensure_ascii=False)}},
        "references": REF}


def dashboard(did, title, description, vis_ids):
    panels, refs = [], []
    for n, vid in enumerate(vis_ids):
        panels.append({"panelIndex": str(n + 1), "gridData": {"x": (n % 2) * 24, "y": (n // 2) * 15, "w": 24, "h": 15,
                                                             "i": str(n + 1)},
                       "version": "8.0.0", "type": "visualization", "panelRefName": f"panel_{n}", "embeddableConfig": {}})
        refs.append({"name": f"panel_{n}", "type": "visualization", "id": vid})
    return {"type": "dashboard", "id": did, "attributes": {
        "title": title, "description": description, "version": 1, "timeRestore": False,
        "panelsJSON": json.dumps(panels, ensure_ascii=False),
        "optionsJSON": json.dumps({"useMargins": True, "syncColors": False, "hidePanelTitles": False}),
        "kibanaSavedObjectMeta": {"searchSourceJSON": json.dumps({"query": {"query": "", "language": "kuery"}, "filter": []})}},
        "references": refs}


objects = [{"type": "index-pattern", "id": DATA_VIEW, "attributes": {
    "title": DATA_VIEW, "name": "政府信息公开年报（nianbao-reports）", "timeFieldName": "publishedAt"}, "references": []}]

visualizations = [
    vis("nianbao-compliance-province-year", "合规情况：省份 × 年度", "histogram",
        [count(), terms("2", "year", "segment", 60, "_key", "asc"), terms("3", "status", "group", 3),
         terms("4", "province", "split", 40)] , params=dict(chart_params("histogram", ["1"]), row=True)),
    vis("nianbao-compliance-city", "合规情况：按地市", "horizontal_bar",
        [count(), terms("2", "city", "segment", 50), terms("3", "status", "group", 3)]),
    vis("nianbao-compliance-county", "合规情况：按区县（表）", "table",
        [count(), terms("2", "county", "bucket", 500), terms("3", "year", "bucket", 20, "_key", "desc"),
         terms("4", "status", "bucket", 3)]),
    vis("nianbao-compliance-level", "合规情况：按机关层级与格式", "histogram",
        [count(), terms("2", "agencyLevel", "segment", 4), terms("3", "status", "group", 3),
         terms("4", "formatVersion", "split", 3)], params=dict(chart_params("histogram", ["1"]), row=False)),
    vis("nianbao-errors-by-rule", "错误按规则代码", "horizontal_bar",
        [count(), terms("2", "errorCodes", "segment", 30), terms("3", "year", "group", 10, "_key", "desc")]),
    vis("nianbao-findings-by-rule", "全部发现按规则代码（含警告）", "table",
        [count(), terms("2", "ruleCodes", "bucket", 50), terms("3", "status", "bucket", 3)]),
    vis("nianbao-late-by-county", "逾期发布：按区县", "horizontal_bar",
        [count(), terms("2", "county", "segment", 40), terms("3", "year", "group", 10, "_key", "desc")],
        query="late:true"),
    vis("nianbao-late-by-month", "逾期发布：按发布月份", "histogram",
        [count(), terms("2", "publishMonth", "segment", 36, "_key", "asc"), terms("3", "agencyLevel", "group", 4)],
        query="late:true"),
    vis("nianbao-missing-reports", "未发布年报（PUBLISH.MISSING）", "table",
        [count(), terms("2", "province", "bucket", 40), terms("3", "city", "bucket", 100),
         terms("4", "county", "bucket", 500), terms("5", "year", "bucket", 20, "_key", "desc")],
        query='ruleCodes:"PUBLISH.MISSING"'),
    vis("nianbao-application-volume", "依申请公开：申请量历年变化", "line",
        [total("1", "cells.s3.new.total", "本年新收"), total("2", "cells.s3.carried_in.total", "上年结转"),
         total("3", "cells.s3.processed_total.total", "办理总计"), total("4", "cells.s3.carried_out.total", "结转下年"),
         terms("5", "year", "segment", 60, "_key", "asc")]),
    vis("nianbao-application-applicants", "依申请公开：申请人构成历年变化", "histogram",
        [total("1", "cells.s3.new.natural", "自然人"), total("2", "cells.s3.new.commercial", "商业企业"),
         total("3", "cells.s3.new.research", "科研机构"), total("4", "cells.s3.new.social", "社会公益组织"),
         total("5", "cells.s3.new.legal", "法律服务机构"), total("6", "cells.s3.new.other", "其他"),
         terms("7", "year", "segment", 60, "_key", "asc")]),
    vis("nianbao-application-outcomes", "依申请公开：办理结果历年变化", "histogram",
        [total("1", "cells.s3.granted.total", "予以公开"), total("2", "cells.s3.partial.total", "部分公开"),
         total("3", "cells.s3.unavailable_1.total", "本机关不掌握"), total("4", "cells.s3.rejected_1.total", "信访举报投诉类"),
         total("5", "cells.s3.rejected_2.total", "重复申请"), total("6", "cells.s3.withheld_4.total", "保护第三方合法权益"),
         terms("7", "year", "segment", 60, "_key", "asc")]),
    vis("nianbao-review-litigation", "行政复议与行政诉讼历年变化", "histogram",
        [total("1", "cells.s4.review.total", "行政复议"), total("2", "cells.s4.suit_direct.total", "直接起诉"),
         total("3", "cells.s4.suit_after_review.total", "复议后起诉"), total("4", "cells.s4.review.corrected", "复议纠正"),
         terms("5", "year", "segment", 60, "_key", "asc")]),
]
objects += visualizations
objects += [
    dashboard("nianbao-dashboard-compliance", "年报合规概览（省 / 市 / 县 × 年度）",
              "各地、各年度报告的合规状态分布。", ["nianbao-compliance-province-year", "nianbao-compliance-city",
                                            "nianbao-compliance-county", "nianbao-compliance-level"]),
    dashboard("nianbao-dashboard-rules", "核查发现：规则、逾期与未发布",
              "错误按规则代码、逾期发布与未发布的报告。", ["nianbao-errors-by-rule", "nianbao-findings-by-rule",
                                                "nianbao-late-by-county", "nianbao-late-by-month",
                                                "nianbao-missing-reports"]),
    dashboard("nianbao-dashboard-applications", "依申请公开：申请量与办理结果",
              "s3.new.total 等单元格的历年合计。", ["nianbao-application-volume", "nianbao-application-applicants",
                                             "nianbao-application-outcomes", "nianbao-review-litigation"]),
]
out = pathlib.Path(__file__).resolve().parent / "nianbao-saved-objects.ndjson"
out.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects), encoding="utf-8")
print(len(objects), "objects ->", out)

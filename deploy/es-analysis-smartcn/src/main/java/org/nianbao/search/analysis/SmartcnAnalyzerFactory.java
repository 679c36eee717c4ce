package org.nianbao.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** Exposes Lucene's SmartChineseAnalyzer as {@code smartcn} so report text is indexed as Chinese words, not single characters. */
@NamedComponent(SmartcnAnalyzerFactory.NAME)
public class SmartcnAnalyzerFactory implements AnalyzerFactory {

    /** The analyzer name the official analysis-smartcn plugin uses, so mappings stay portable. */
    public static final String NAME = "smartcn";

    @Override
    public Analyzer create() {
        return new SmartChineseAnalyzer();
    }
}

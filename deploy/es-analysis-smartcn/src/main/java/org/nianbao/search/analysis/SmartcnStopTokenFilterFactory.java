package org.nianbao.search.analysis;

import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Exposes smartcn's default stop set as {@code smartcn_stop}, the filter custom analyzers pair with {@code smartcn_tokenizer}. */
@NamedComponent(SmartcnStopTokenFilterFactory.NAME)
public class SmartcnStopTokenFilterFactory implements TokenFilterFactory {

    /** The token filter name the official analysis-smartcn plugin uses. */
    public static final String NAME = "smartcn_stop";

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new StopFilter(tokenStream, SmartChineseAnalyzer.getDefaultStopSet());
    }
}

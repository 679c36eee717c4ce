package org.nianbao.search.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/** Exposes the smartcn word segmenter as {@code smartcn_tokenizer} so custom analyzers can add their own filters. */
@NamedComponent(SmartcnTokenizerFactory.NAME)
public class SmartcnTokenizerFactory implements TokenizerFactory {

    /** The tokenizer name the official analysis-smartcn plugin uses. */
    public static final String NAME = "smartcn_tokenizer";

    @Override
    public Tokenizer create() {
        return new HMMChineseTokenizer();
    }
}

package org.nianbao.search.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.elasticsearch.plugin.NamedComponent;
import org.junit.jupiter.api.Test;

/** Checks the factories segment Chinese into words and that named_components.json lists exactly the annotated classes. */
class SmartcnFactoriesTest {

    private static final String TITLE = "政府信息公开工作年度报告";

    @Test
    void analyzerSegmentsReportTitleIntoMultiCharacterWords() throws IOException {
        List<String> tokens;
        try (Analyzer analyzer = new SmartcnAnalyzerFactory().create()) {
            tokens = drain(analyzer.tokenStream("f", TITLE));
        }
        assertTrue(tokens.contains("政府"), () -> "tokens: " + tokens);
        assertTrue(tokens.contains("信息"), () -> "tokens: " + tokens);
        assertTrue(tokens.stream().allMatch(t -> t.length() >= 2), () -> "tokens: " + tokens);
        assertEquals(TITLE, String.join("", tokens));
    }

    @Test
    void tokenizerWithStopFilterDropsPunctuation() throws IOException {
        Tokenizer tokenizer = new SmartcnTokenizerFactory().create();
        tokenizer.setReader(new StringReader("依申请公开，主动公开。"));
        List<String> tokens = drain(new SmartcnStopTokenFilterFactory().create(tokenizer));
        assertTrue(tokens.contains("公开"), () -> "tokens: " + tokens);
        assertFalse(tokens.contains("，"), () -> "tokens: " + tokens);
    }

    @Test
    void namedComponentsIndexMatchesAnnotations() throws IOException {
        String json = Files.readString(Path.of(System.getProperty("plugin.dir"), "named_components.json"),
                StandardCharsets.UTF_8);
        List<String> declared = new ArrayList<>();
        Matcher m = Pattern.compile("\"([a-z_]+)\"\\s*:\\s*\"([\\w.]+)\"").matcher(json);
        while (m.find()) {
            declared.add(m.group(1) + "=" + m.group(2));
        }
        List<String> annotated = new ArrayList<>();
        for (Class<?> c : List.of(SmartcnAnalyzerFactory.class, SmartcnTokenizerFactory.class,
                SmartcnStopTokenFilterFactory.class)) {
            annotated.add(c.getAnnotation(NamedComponent.class).value() + "=" + c.getName());
        }
        assertEquals(annotated.stream().sorted().toList(), declared.stream().sorted().toList());
    }

    private static List<String> drain(TokenStream stream) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (stream) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        }
        return tokens;
    }
}

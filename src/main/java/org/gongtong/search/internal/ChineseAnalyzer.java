package org.gongtong.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The index's text analysis: Unicode word segmentation, full/half-width folding, lower case, and
 * for Han text both single characters and overlapping character pairs (decided by measurement, see
 * docs/matching.md).
 */
public final class ChineseAnalyzer extends Analyzer {

    /** Changes whenever analysis changes, so an index built differently is rebuilt at start. */
    public static final String VERSION = "cjk-uni-bi-2";

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(stream);
        stream = new CJKBigramFilter(stream, 0xff, true);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /**
     * A text analysed once, kept to be both indexed ({@link #stream}) and learned by the category
     * model: the analysis chain is the larger part of indexing, so it should not run twice.
     *
     * @param terms the tokens in order, with repeats
     * @param increments each token's position increment (BM25's length discounts the overlapping
     *     bigrams, which have increment 0, so a replay must keep them)
     */
    public record Tokens(String[] terms, int[] increments) {
        public List<String> list() {
            return java.util.Arrays.asList(terms);
        }

        /** The tokens that advance the position: single characters and words, not the overlapping pairs. */
        public List<String> unigrams() {
            List<String> out = new ArrayList<>(terms.length / 2 + 1);
            for (int i = 0; i < terms.length; i++) {
                if (increments[i] > 0) {
                    out.add(terms[i]);
                }
            }
            return out;
        }

        /** The tokens as a stream for a pre-analysed field: the same terms, positions and length as the analyser. */
        public TokenStream stream() {
            return new Replay(this);
        }
    }

    private static final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute increment =
                addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
        private final Tokens tokens;
        private int next;

        Replay(Tokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public boolean incrementToken() {
            if (next == tokens.terms().length) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(tokens.terms()[next]);
            increment.setPositionIncrement(tokens.increments()[next]);
            next++;
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }

    /** A text's tokens with their position increments. */
    public Tokens analyse(String text) {
        if (text == null || text.isBlank()) {
            return new Tokens(new String[0], new int[0]);
        }
        List<String> terms = new ArrayList<>();
        int[] increments = new int[64];
        try (TokenStream ts = tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute inc =
                    ts.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (terms.size() == increments.length) {
                    increments = java.util.Arrays.copyOf(increments, increments.length * 2);
                }
                increments[terms.size()] = inc.getPositionIncrement();
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Tokens(terms.toArray(new String[0]), java.util.Arrays.copyOf(increments, terms.size()));
    }

    /** The tokens of a text, in order, with repeats. */
    public List<String> terms(String text) {
        return new ArrayList<>(analyse(text).list());
    }
}

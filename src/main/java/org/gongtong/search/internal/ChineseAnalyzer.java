package org.gongtong.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    public static final String VERSION = "cjk-uni-bi-3";

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

        /** Each distinct token once, with its counts (first-occurrence order). */
        public Bag bag() {
            return bagOf(null, counts());
        }

        /** Per distinct token: {occurrences, occurrences that advance the position}. */
        Map<String, int[]> counts() {
            Map<String, int[]> counts = new LinkedHashMap<>(terms.length * 2);
            for (int i = 0; i < terms.length; i++) {
                int[] c = counts.computeIfAbsent(terms[i], k -> new int[2]);
                c[0]++;
                if (increments[i] > 0) {
                    c[1]++;
                }
            }
            return counts;
        }
    }

    /**
     * A text's distinct tokens: how often each occurs ({@code freqs}) and how often as a token that
     * advances the position ({@code advancing}: single characters and words, not the overlapping
     * pairs). Indexing a record as its bag (ADR 0066) writes each term once with its frequency instead
     * of once per occurrence — a third of the tokens of a record are repeats, and every token costs a
     * look-up in the writer's term hash.
     *
     * @param length the tokens that advance the position (what BM25 counts as the record's length)
     */
    public record Bag(String[] terms, int[] freqs, int[] advancing, int length) {

        /**
         * The bag as a token stream for a field indexed with frequencies and without positions:
         * each term once with its frequency; the terms that advance come first and advance the
         * position by their count, so the position ends at {@link #length} - 1, which
         * {@link Ranker#similarity()} turns into the norm exactly as Lucene counts the analysed text.
         */
        public TokenStream stream() {
            return new BagReplay(this);
        }
    }

    private static final class BagReplay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute increment =
                addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
        private final org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute frequency =
                addAttribute(org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute.class);
        private final Bag bag;
        private int next;
        private boolean advancingPass = true;

        BagReplay(Bag bag) {
            this.bag = bag;
        }

        @Override
        public boolean incrementToken() {
            String[] terms = bag.terms();
            while (true) {
                if (next == terms.length) {
                    if (!advancingPass) {
                        return false;
                    }
                    advancingPass = false;
                    next = 0;
                }
                int i = next++;
                if ((bag.advancing()[i] > 0) == advancingPass) {
                    clearAttributes();
                    term.setEmpty().append(terms[i]);
                    increment.setPositionIncrement(bag.advancing()[i]);
                    frequency.setTermFrequency(bag.freqs()[i]);
                    return true;
                }
            }
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
            advancingPass = true;
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

    /**
     * A text's bag, as {@code analyse(text).bag()} gives it, faster (ADR 0066): runs of Han characters
     * of the basic block give their single characters and overlapping pairs directly (counted by
     * character code, no token objects); only the rest of the text goes through the analysis chain,
     * with each Han character replaced by a space — a Han character is a word of its own in Unicode
     * word segmentation, so the other words are the same. Texts with any character the chain treats
     * in a way this does not reproduce (kana, hangul, other ideographs, combining marks, format
     * characters, surrogates) take the chain whole. {@code ChineseAnalyzerTest} holds the two equal.
     */
    public Bag bag(String text) {
        if (text == null || text.isBlank()) {
            return new Bag(new String[0], new int[0], new int[0], 0);
        }
        if (!fastPathApplies(text)) {
            return analyse(text).bag();
        }
        HanCounts han = HAN_COUNTS.get();
        han.clear();
        char[] rest = null;
        boolean restHasWords = false;
        char previous = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= HAN_FIRST && c <= HAN_LAST) {
                han.add(c, true);
                if (previous != 0) {
                    han.add(((previous & 0xFFFFL) << 16) | c, false);
                }
                previous = c;
                if (rest == null) {
                    rest = text.toCharArray();
                }
                rest[i] = ' ';
            } else {
                previous = 0;
                if (!restHasWords && !neverAWord(c)) {
                    restHasWords = true;
                }
            }
        }
        Map<String, int[]> words =
                restHasWords ? analyse(rest == null ? text : new String(rest)).counts() : Map.of();
        return bagOf(han, words);
    }

    /** A bag of Han characters and pairs counted by code (or none) and other tokens counted by text. */
    private static Bag bagOf(HanCounts han, Map<String, int[]> words) {
        int hanSize = han == null ? 0 : han.size;
        int n = hanSize + words.size();
        String[] terms = new String[n];
        int[] freqs = new int[n];
        int[] advancing = new int[n];
        int length = 0;
        int k = 0;
        for (int j = 0; j < hanSize; j++) {
            long key = han.keys[han.order[j]];
            terms[k] = key < 0x10000
                    ? String.valueOf((char) key)
                    : new String(new char[] {(char) (key >>> 16), (char) (key & 0xFFFF)});
            freqs[k] = han.freqs[han.order[j]];
            advancing[k] = han.advancing[han.order[j]];
            length += advancing[k];
            k++;
        }
        for (Map.Entry<String, int[]> e : words.entrySet()) {
            terms[k] = e.getKey();
            freqs[k] = e.getValue()[0];
            advancing[k] = e.getValue()[1];
            length += advancing[k];
            k++;
        }
        return new Bag(terms, freqs, advancing, length);
    }

    private static final char HAN_FIRST = '\u4e00';
    private static final char HAN_LAST = '\u9fff';

    /** Whether every character is one the fast path treats as the analysis chain does. */
    static boolean fastPathApplies(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80 || (c >= HAN_FIRST && c <= HAN_LAST)) {
                continue;
            }
            if (c >= 0x2E80 && c < HAN_FIRST) {
                // CJK radicals, kana, hangul, ideographic symbols, extension A: only plain CJK
                // punctuation and brackets may pass
                if (!((c >= 0x3000 && c <= 0x3004) || (c >= 0x3008 && c <= 0x3020))) {
                    return false;
                }
                continue;
            }
            if ((c >= 0x1100 && c <= 0x11FF) // hangul jamo
                    || (c >= 0xA960 && c <= 0xA97F) // hangul jamo extended
                    || (c >= 0xAC00 && c <= 0xDFFF) // hangul syllables and jamo, surrogates
                    || (c >= 0xF900 && c <= 0xFAFF) // compatibility ideographs
                    || (c >= 0xFF65 && c <= 0xFFDC)) { // half-width kana and hangul
                return false;
            }
            int t = Character.getType(c);
            if (t == Character.FORMAT
                    || t == Character.NON_SPACING_MARK
                    || t == Character.ENCLOSING_MARK
                    || t == Character.COMBINING_SPACING_MARK) {
                return false; // they join the character before them into one word
            }
        }
        return true;
    }

    /** A character that is never part of a word (space, control, punctuation that is not an emoji). */
    static boolean neverAWord(char c) {
        if (c == 0x203C || c == 0x2049) {
            return false; // ‼ ⁉ are punctuation and emoji: the tokenizer keeps them
        }
        switch (Character.getType(c)) {
            case Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.CONTROL,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION:
                return true;
            default:
                return false;
        }
    }

    private static final ThreadLocal<HanCounts> HAN_COUNTS = ThreadLocal.withInitial(HanCounts::new);

    /** Counts of Han characters and pairs by code (open addressing), in first-seen order. */
    private static final class HanCounts {
        long[] keys = new long[1024];
        int[] freqs = new int[1024];
        int[] advancing = new int[1024];
        int[] order = new int[512];
        int size;

        void clear() {
            for (int i = 0; i < size; i++) {
                keys[order[i]] = 0;
            }
            size = 0;
        }

        void add(long key, boolean advances) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int slot = (int) (mix(key) & mask);
            while (keys[slot] != 0 && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            if (keys[slot] == 0) {
                keys[slot] = key;
                freqs[slot] = 0;
                advancing[slot] = 0;
                if (size == order.length) {
                    order = java.util.Arrays.copyOf(order, size * 2);
                }
                order[size++] = slot;
            }
            freqs[slot]++;
            if (advances) {
                advancing[slot]++;
            }
        }

        private static long mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 29);
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldFreqs = freqs;
            int[] oldAdvancing = advancing;
            int[] oldOrder = java.util.Arrays.copyOf(order, size);
            int n = size;
            keys = new long[oldKeys.length * 2];
            freqs = new int[keys.length];
            advancing = new int[keys.length];
            order = new int[Math.max(order.length, keys.length / 2)];
            size = 0;
            int mask = keys.length - 1;
            for (int i = 0; i < n; i++) {
                int from = oldOrder[i];
                int slot = (int) (mix(oldKeys[from]) & mask);
                while (keys[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[from];
                freqs[slot] = oldFreqs[from];
                advancing[slot] = oldAdvancing[from];
                order[size++] = slot;
            }
        }
    }

    /** The tokens of a text, in order, with repeats. */
    public List<String> terms(String text) {
        return new ArrayList<>(analyse(text).list());
    }
}

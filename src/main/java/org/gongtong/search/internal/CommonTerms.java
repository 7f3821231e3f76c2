package org.gongtong.search.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.util.BytesRef;

/**
 * The terms whose frequencies each record keeps in a compact forward list (ADR 0066): every single
 * Han character of the basic block and the common bigrams of scientific Chinese learned from
 * {@code train/} ({@code search/common-bigrams.txt}, {@code bench/learn-common-terms.py}). These are
 * the terms with long posting lists; a long query scores them for its candidates from the forward
 * lists instead of walking their postings. The set decides speed only: a common term outside it is
 * scored from its postings, with the same result.
 */
final class CommonTerms {

    static final char FIRST_HAN = '\u4e00';
    static final char LAST_HAN = '\u9fff';
    static final int HAN = LAST_HAN - FIRST_HAN + 1;

    private static final CommonTerms SHIPPED = load();

    /** Bigram ids by the pair's two character codes (open addressing; 0 = empty). */
    private final int[] pairKeys;

    private final int[] pairIds;

    /** Number of ids: the Han characters and the bigrams. */
    private final int size;

    CommonTerms(Map<String, Integer> bigrams) {
        this.size = HAN + bigrams.size();
        int capacity = Integer.highestOneBit(Math.max(16, bigrams.size() * 4 - 1)) << 1;
        pairKeys = new int[capacity];
        pairIds = new int[capacity];
        bigrams.forEach((g, id) -> {
            int key = key(g.charAt(0), g.charAt(1));
            int slot = slot(key);
            while (pairKeys[slot] != 0) {
                slot = (slot + 1) & (pairKeys.length - 1);
            }
            pairKeys[slot] = key;
            pairIds[slot] = id;
        });
    }

    private static int key(char a, char b) {
        return (a << 16) | b;
    }

    private int slot(int key) {
        return (key * 0x9E3779B1 >>> 7) & (pairKeys.length - 1);
    }

    /** The id of a pair of characters, or -1. */
    int pairId(char a, char b) {
        int key = key(a, b);
        if (key == 0) {
            return -1;
        }
        for (int slot = slot(key); pairKeys[slot] != 0; slot = (slot + 1) & (pairKeys.length - 1)) {
            if (pairKeys[slot] == key) {
                return pairIds[slot];
            }
        }
        return -1;
    }

    static CommonTerms shipped() {
        return SHIPPED;
    }

    private static CommonTerms load() {
        Map<String, Integer> ids = new HashMap<>();
        try (InputStream in = CommonTerms.class.getResourceAsStream("/search/common-bigrams.txt")) {
            if (in == null) {
                throw new IllegalStateException("search/common-bigrams.txt is missing from the class path");
            }
            // pairs of two UTF-16 units only (the list holds Han pairs of the basic block)
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String g = line.strip();
                if (g.length() == 2 && !ids.containsKey(g)) {
                    ids.put(g, HAN + ids.size());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CommonTerms(ids);
    }

    /** The term's id in the forward lists, or -1 if it has none. */
    int id(String term) {
        if (term.length() == 1) {
            char c = term.charAt(0);
            return c >= FIRST_HAN && c <= LAST_HAN ? c - FIRST_HAN : -1;
        }
        return term.length() == 2 ? pairId(term.charAt(0), term.charAt(1)) : -1;
    }

    /**
     * A record's forward list: the common terms it contains with their frequencies, ascending by id,
     * as Lucene variable-length (id delta, frequency) pairs.
     */
    BytesRef encode(String[] terms, int[] freqs) {
        Scratch scratch = SCRATCH.get();
        if (scratch.freq.length < size) {
            scratch.freq = new int[size];
            scratch.present = new long[(size + 63) / 64];
        }
        int[] freq = scratch.freq;
        long[] present = scratch.present;
        int n = 0;
        int lowWord = Integer.MAX_VALUE;
        int highWord = -1;
        for (int i = 0; i < terms.length; i++) {
            int id = id(terms[i]);
            if (id >= 0) {
                freq[id] = freqs[i];
                present[id >>> 6] |= 1L << id;
                lowWord = Math.min(lowWord, id >>> 6);
                highWord = Math.max(highWord, id >>> 6);
                n++;
            }
        }
        // ascending ids from the bit set: cheaper than sorting the pairs
        byte[] out = new byte[n * 10]; // two variable-length ints of at most 5 bytes each
        org.apache.lucene.store.ByteArrayDataOutput writer = new org.apache.lucene.store.ByteArrayDataOutput(out);
        int last = 0;
        try {
            for (int w = lowWord; w <= highWord; w++) {
                long bits = present[w];
                present[w] = 0;
                while (bits != 0) {
                    int id = (w << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    writer.writeVInt(id - last);
                    writer.writeVInt(freq[id]);
                    last = id;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return new BytesRef(out, 0, writer.getPosition());
    }

    private static final class Scratch {
        int[] freq = new int[0];
        long[] present = new long[0];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
}

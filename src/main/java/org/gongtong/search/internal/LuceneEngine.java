package org.gongtong.search.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.gongtong.search.SearchDocument;
import org.gongtong.search.SearchHit;
import org.gongtong.search.SearchQuery;
import org.gongtong.search.SearchResults;
import org.gongtong.search.SearchScope;
import org.gongtong.search.Visibility;

/**
 * The embedded Lucene index without any Spring: the product's index and the {@code match-eval}
 * runner both use it, so the evaluation measures exactly the product's analysis, indexing and
 * query path.
 */
public final class LuceneEngine implements Closeable {

    static final String KEY = "key";
    static final String TYPE = "type";
    static final String ID = "id";
    /** The id again as doc values: ranked ids without decompressing stored documents. */
    static final String ID_VALUES = "id.dv";

    static final String TEXT = "text";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String OWNER = "owner";
    static final String VISIBILITY = "vis";
    static final String INDUSTRY = "industry";
    static final String COUNTY = "county";
    static final String FIELD_PREFIX = "f.";
    static final String NUMBER_PREFIX = "n.";

    /** The writer's buffer for ordinary changes, and while a bulk load runs. */
    static final int RAM_MB = 64;

    static final int BULK_RAM_MB = 256;

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Ranker ranker;

    private LuceneEngine(Directory directory, Ranker ranker) throws IOException {
        this.directory = directory;
        this.ranker = ranker;
        IndexWriterConfig config = new IndexWriterConfig(ranker.analyzer());
        config.setSimilarity(ranker.similarity());
        config.setRAMBufferSizeMB(RAM_MB);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        org.apache.lucene.index.TieredMergePolicy merges = new org.apache.lucene.index.TieredMergePolicy();
        merges.setForceMergeDeletesPctAllowed(0.0); // expunge every deletion (see expungeDeletesIfSmall)
        config.setMergePolicy(merges);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
    }

    /** An index in a folder (created if missing). */
    public static LuceneEngine open(Path folder, Ranker ranker) {
        try {
            Files.createDirectories(folder);
            return new LuceneEngine(FSDirectory.open(folder), ranker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An index in memory. */
    public static LuceneEngine inMemory(Ranker ranker) {
        try {
            return new LuceneEngine(new ByteBuffersDirectory(), ranker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Ranker ranker() {
        return ranker;
    }

    /** User data of the last commit (e.g. the rebuild token and analysis version). */
    public Map<String, String> commitData() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            for (Map.Entry<String, String> e : live) {
                data.put(e.getKey(), e.getValue());
            }
        }
        return data;
    }

    /**
     * Empties an index written by another analysis version (commit data {@code versionKey}): its
     * fields may be indexed differently (ADR 0063 dropped positions), and Lucene refuses a document
     * whose field options differ from the index's, so a change arriving before the rebuild would
     * fail. The rebuild empties it first anyway. Returns whether it was emptied.
     */
    public boolean discardIfVersionDiffers(String versionKey) {
        String version = commitData().get(versionKey);
        if (version == null || version.equals(ranker.version())) {
            return false;
        }
        deleteAll();
        return true;
    }

    /** Adds or replaces a document (an old version is first forgotten by the ranker's models). */
    public void add(SearchDocument doc) {
        get(doc.type(), doc.id()).ifPresent(old -> ranker.learn(old, -1));
        addNew(doc);
    }

    /** Adds a document known to be absent (bulk loads after {@link #deleteAll}). */
    public void addNew(SearchDocument doc) {
        ChineseAnalyzer.Bag bag = ranker.bag(doc);
        ranker.learn(doc, bag, 1);
        try {
            writer.updateDocument(new Term(KEY, doc.key()), toLucene(doc, bag));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void addAll(Collection<SearchDocument> docs) {
        for (SearchDocument d : docs) {
            add(d);
        }
    }

    /** Threads of a bulk load: analysis (above all the word segmenter) is the cost, and it runs per thread. */
    static final int BULK_THREADS = Integer.getInteger(
            "x.threads", Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));

    public static int bulkThreads() {
        return BULK_THREADS;
    }

    /**
     * Adds documents known to be absent (a rebuild, the evaluation): in {@link #BULK_THREADS}
     * threads, each on one contiguous slice, into the one writer (no commit per document).
     */
    public void addAllNew(Collection<SearchDocument> docs) {
        List<SearchDocument> all = List.copyOf(docs);
        int threads = Math.min(BULK_THREADS, Math.max(1, all.size() / 1000));
        if (threads == 1) {
            all.forEach(this::addNew);
            return;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        // fewer, larger segments while loading: fewer flushes and merges of the same postings
        writer.getConfig().setRAMBufferSizeMB(BULK_RAM_MB);
        try {
            List<java.util.concurrent.Future<?>> parts = new ArrayList<>();
            int slice = (all.size() + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                List<SearchDocument> part =
                        all.subList(Math.min(all.size(), t * slice), Math.min(all.size(), (t + 1) * slice));
                parts.add(pool.submit(() -> part.forEach(this::addNew)));
            }
            for (java.util.concurrent.Future<?> f : parts) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            writer.getConfig().setRAMBufferSizeMB(RAM_MB);
        }
    }

    public void delete(String type, String id) {
        get(type, id).ifPresent(old -> ranker.learn(old, -1));
        try {
            writer.deleteDocuments(new Term(KEY, type + ":" + id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void deleteAll() {
        try {
            writer.deleteAll();
            ranker.forget();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes changes visible to queries (near-real-time, no fsync). */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indexes below this size drop deleted documents at once, so ranking statistics equal a rebuild's. */
    static final int SMALL_INDEX = 100_000;

    /**
     * Expunges deleted (replaced) documents when the index is small: Lucene keeps counting them in
     * term statistics until a merge, which would make incremental scores drift from a rebuild's.
     */
    public void expungeDeletesIfSmall() {
        try {
            if (writer.getDocStats().maxDoc < SMALL_INDEX) {
                // a background merge that already holds a segment is not waited for by
                // forceMergeDeletes and carries deletions made meanwhile into its result: repeat
                for (int i = 0; i < 200 && writer.hasDeletions(); i++) {
                    writer.forceMergeDeletes(true);
                    if (writer.hasDeletions()) {
                        Thread.sleep(5);
                    }
                }
            }
            searchers.maybeRefreshBlocking();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Durably commits, with user data, and refreshes. */
    public void commit(Map<String, String> userData) {
        try {
            if (userData != null) {
                Map<String, String> data = new LinkedHashMap<>(commitData());
                data.putAll(userData);
                writer.setLiveCommitData(data.entrySet());
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Teaches the ranker's models every stored document (after opening an existing index). */
    public void relearn() {
        ranker.forget();
        try {
            IndexSearcher s = searchers.acquire();
            try {
                org.apache.lucene.index.IndexReader reader = s.getIndexReader();
                org.apache.lucene.index.StoredFields stored = reader.storedFields();
                for (org.apache.lucene.index.LeafReaderContext leaf : reader.leaves()) {
                    org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
                    for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                        if (live == null || live.get(i)) {
                            ranker.learn(fromLucene(stored.document(leaf.docBase + i)), 1);
                        }
                    }
                }
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs something on the current searcher (tests and experiments in this package). */
    <T> T withSearcher(SearcherFunction<T> f) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                s.setSimilarity(ranker.similarity());
                return f.apply(s);
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    interface SearcherFunction<T> {
        T apply(IndexSearcher s) throws IOException;
    }

    public long size() {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return s.getIndexReader().numDocs();
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<SearchDocument> get(String type, String id) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                TopDocs td = s.search(new TermQuery(new Term(KEY, type + ":" + id)), 1);
                if (td.scoreDocs.length == 0) {
                    return Optional.empty();
                }
                return Optional.of(fromLucene(s.storedFields().document(td.scoreDocs[0].doc)));
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a match should agree with besides the text: raises the score of records with the same
     * industry or field values, and leaves out one organisation's own records.
     */
    public record Agreement(String industry, Map<String, List<String>> fields, Long excludeOrganisation) {
        public static final Agreement NONE = new Agreement(null, Map.of(), null);

        public Agreement {
            fields = fields == null ? Map.of() : Map.copyOf(fields);
        }

        /** Whether it raises some records' scores (an industry or field to agree with). */
        boolean boosts() {
            return (industry != null && !industry.isBlank()) || !fields.isEmpty();
        }
    }

    /** Runs a query; explanations for the returned hits when {@code explain}. */
    public SearchResults search(SearchQuery q, Agreement agree, boolean explain) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                Ranked r = rank(s, q, agree, true);
                List<SearchHit> hits = new ArrayList<>();
                org.apache.lucene.index.StoredFields stored = s.storedFields();
                int n = q.offset() + q.limit();
                for (int i = q.offset(); i < Math.min(r.docs().length, n); i++) {
                    // stored fields only for the hits returned on this page
                    SearchDocument d = fromLucene(stored.document(r.docs()[i].doc));
                    SearchHit.Explanation ex = explain
                            ? ranker.explain(
                                    r.prepared(),
                                    d,
                                    agree.industry() != null ? agree.industry() : q.industry(),
                                    agree.fields())
                            : SearchHit.Explanation.NONE;
                    hits.add(new SearchHit(d, r.docs()[i].score, ex));
                }
                return new SearchResults(hits, r.total());
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The hits of a query in final order (first pass and re-ranking), before any stored field is
     * read; {@code total} is exact only when {@code exactTotal} (else -1 if more than the first pass
     * collected): counting every match of a long disjunction costs more than ranking it.
     */
    record Ranked(ScoreDoc[] docs, long total, Ranker.Prepared prepared) {}

    Ranked rank(IndexSearcher s, SearchQuery q, Agreement agree, boolean exactTotal) throws IOException {
        return rank(s, q, agree, exactTotal, true);
    }

    Ranked rank(IndexSearcher s, SearchQuery q, Agreement agree, boolean exactTotal, boolean twoStages)
            throws IOException {
        s.setSimilarity(ranker.similarity());
        Ranker.Prepared prepared = ranker.prepare(q.text(), s);
        Query filter = filter(q, agree);
        Query main;
        if (prepared.isEmpty()) {
            main = filter;
        } else {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            b.add(prepared.query(), Occur.MUST);
            b.add(filter, Occur.FILTER);
            ranker.addAgreement(b, agree);
            main = b.build();
        }
        int n = q.offset() + q.limit();
        if (twoStages && !prepared.isEmpty() && ranker.textTermsOnly() && !agree.boosts()) {
            ScoreDoc[] top = LongQuery.top(s, ranker, Ranker.counted(prepared.terms()), filter, ranker.pool(n));
            if (top != null) {
                long total = exactTotal ? s.count(main) : -1;
                return new Ranked(ranker.rerank(top, prepared, s), total, prepared);
            }
        }
        TopDocs td = s.search(main, Math.max(1, prepared.isEmpty() ? n : ranker.pool(n)));
        long total;
        if (td.totalHits.relation == org.apache.lucene.search.TotalHits.Relation.EQUAL_TO) {
            total = td.totalHits.value;
        } else {
            total = exactTotal ? s.count(main) : -1;
        }
        return new Ranked(ranker.rerank(td.scoreDocs, prepared, s), total, prepared);
    }

    /**
     * Ranked ids only (the evaluation's path: the same query and ranking as {@link #search}; the
     * ids come from doc values, no stored document is decompressed, and no exact total is counted).
     */
    public List<String> rankIds(String text, int limit) {
        return rankIds(text, limit, true);
    }

    /**
     * As {@link #rankIds(String, int)}; with {@code twoStages} false a long query runs as one Lucene
     * query ({@code search-bench} measures how often the two stages agree with it).
     */
    public List<String> rankIds(String text, int limit, boolean twoStages) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                Ranked r = rank(s, SearchQuery.of(text, SearchScope.ALL, limit), Agreement.NONE, false, twoStages);
                return ids(s, r.docs(), Math.min(limit, r.docs().length));
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of the first {@code n} hits, read from doc values in index order (one iterator per segment). */
    static List<String> ids(IndexSearcher s, ScoreDoc[] docs, int n) throws IOException {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Integer.compare(docs[x].doc, docs[y].doc));
        String[] out = new String[n];
        List<org.apache.lucene.index.LeafReaderContext> leaves =
                s.getIndexReader().leaves();
        org.apache.lucene.index.LeafReaderContext leaf = null;
        org.apache.lucene.index.SortedDocValues dv = null;
        for (int i : order) {
            int doc = docs[i].doc;
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
                dv = org.apache.lucene.index.DocValues.getSorted(leaf.reader(), ID_VALUES);
            }
            if (dv.advanceExact(doc - leaf.docBase)) {
                out[i] = dv.lookupOrd(dv.ordValue()).utf8ToString();
            } else {
                // an index written before ids had doc values: fall back to the stored field
                out[i] = s.storedFields().document(doc, java.util.Set.of(ID)).get(ID);
            }
        }
        return java.util.Arrays.asList(out);
    }

    public long count(SearchQuery q) {
        return search(q.withPage(0, 0), Agreement.NONE, false).total();
    }

    static Query filter(SearchQuery q, Agreement agree) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new MatchAllDocsQuery(), Occur.MUST);
        if (!q.types().isEmpty()) {
            BooleanQuery.Builder t = new BooleanQuery.Builder();
            for (String type : q.types()) {
                t.add(new TermQuery(new Term(TYPE, type)), Occur.SHOULD);
            }
            b.add(t.build(), Occur.FILTER);
        }
        if (q.industry() != null && !q.industry().isBlank()) {
            b.add(new TermQuery(new Term(INDUSTRY, q.industry())), Occur.FILTER);
        }
        if (q.county() != null && !q.county().isBlank()) {
            b.add(new TermQuery(new Term(COUNTY, q.county())), Occur.FILTER);
        }
        q.filters().forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                b.add(new TermQuery(new Term(FIELD_PREFIX + k, v)), Occur.FILTER);
            }
        });
        for (SearchQuery.Range r : q.ranges()) {
            long min = r.min() == null ? Long.MIN_VALUE : r.min();
            long max = r.max() == null ? Long.MAX_VALUE : r.max();
            b.add(LongPoint.newRangeQuery(NUMBER_PREFIX + r.field(), min, max), Occur.FILTER);
        }
        b.add(scopeFilter(q.scope()), Occur.FILTER);
        if (agree.excludeOrganisation() != null) {
            b.add(new TermQuery(new Term(OWNER, String.valueOf(agree.excludeOrganisation()))), Occur.MUST_NOT);
        }
        return b.build();
    }

    static Query scopeFilter(SearchScope scope) {
        if (scope.privileged()) {
            return new MatchAllDocsQuery();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new TermQuery(new Term(VISIBILITY, Visibility.PUBLIC.name())), Occur.SHOULD);
        if (scope.signedIn()) {
            b.add(new TermQuery(new Term(VISIBILITY, Visibility.MEMBERS.name())), Occur.SHOULD);
        }
        if (scope.organisationId() != null) {
            b.add(new TermQuery(new Term(OWNER, String.valueOf(scope.organisationId()))), Occur.SHOULD);
        }
        b.setMinimumNumberShouldMatch(1);
        return b.build();
    }

    private Document toLucene(SearchDocument d, ChineseAnalyzer.Bag bag) {
        Document doc = new Document();
        doc.add(new StringField(KEY, d.key(), Field.Store.NO));
        doc.add(new StringField(TYPE, d.type(), Field.Store.YES));
        doc.add(new StringField(ID, d.id(), Field.Store.YES));
        doc.add(new org.apache.lucene.document.SortedDocValuesField(
                ID_VALUES, new org.apache.lucene.util.BytesRef(d.id())));
        doc.add(new StoredField(TITLE, d.title()));
        doc.add(new StoredField(BODY, d.body()));
        ranker.addText(doc, d, bag);
        doc.add(new StringField(VISIBILITY, d.visibility().name(), Field.Store.YES));
        if (d.ownerOrganisation() != null) {
            doc.add(new StringField(OWNER, String.valueOf(d.ownerOrganisation()), Field.Store.YES));
        }
        if (d.industry() != null) {
            doc.add(new StringField(INDUSTRY, d.industry(), Field.Store.YES));
        }
        if (d.county() != null) {
            doc.add(new StringField(COUNTY, d.county(), Field.Store.YES));
        }
        d.fields().forEach((k, values) -> {
            for (String v : values) {
                if (v != null) {
                    doc.add(new StringField(FIELD_PREFIX + k, v, Field.Store.YES));
                }
            }
        });
        d.numbers().forEach((k, v) -> {
            if (v != null) {
                doc.add(new LongPoint(NUMBER_PREFIX + k, v));
                doc.add(new StoredField(NUMBER_PREFIX + k, v));
            }
        });
        return doc;
    }

    static SearchDocument fromLucene(Document doc) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Map<String, Long> numbers = new LinkedHashMap<>();
        for (IndexableField f : doc.getFields()) {
            String name = f.name();
            if (name.startsWith(FIELD_PREFIX)) {
                fields.computeIfAbsent(name.substring(FIELD_PREFIX.length()), k -> new ArrayList<>())
                        .add(f.stringValue());
            } else if (name.startsWith(NUMBER_PREFIX) && f.numericValue() != null) {
                numbers.put(
                        name.substring(NUMBER_PREFIX.length()), f.numericValue().longValue());
            }
        }
        String owner = doc.get(OWNER);
        return new SearchDocument(
                doc.get(TYPE),
                doc.get(ID),
                doc.get(TITLE),
                doc.get(BODY),
                owner == null ? null : Long.valueOf(owner),
                Visibility.valueOf(doc.get(VISIBILITY)),
                doc.get(INDUSTRY),
                doc.get(COUNTY),
                fields,
                numbers);
    }

    static Set<String> distinct(List<String> terms) {
        return new LinkedHashSet<>(terms);
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

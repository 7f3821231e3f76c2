package org.gongtong.search.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.gongtong.platform.Sql;
import org.gongtong.search.IndexStatus;
import org.gongtong.search.Matching;
import org.gongtong.search.SearchDocument;
import org.gongtong.search.SearchDocumentChanged;
import org.gongtong.search.SearchDocumentRemoved;
import org.gongtong.search.SearchDocumentSource;
import org.gongtong.search.SearchHit;
import org.gongtong.search.SearchIndex;
import org.gongtong.search.SearchQuery;
import org.gongtong.search.SearchResults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The embedded Lucene {@link SearchIndex} under {@code GONGTONG_DATA_DIR/index}. Changes arrive
 * after commit; at start the index is checked against the database's rebuild token and the
 * analysis version and, if missing or stale, rebuilt in a background thread (start-up never waits).
 */
@Service
class LuceneSearchIndex implements SearchIndex, Matching, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LuceneSearchIndex.class);
    static final String TOKEN = "gongtong.token";
    static final String VERSION = "gongtong.analysis";

    private final LuceneEngine engine;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<SearchDocumentSource> sources;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private volatile Instant started;
    private volatile Instant finished;
    private volatile String lastError;

    LuceneSearchIndex(
            @Value("${gongtong.data-dir:./data}") String dataDir,
            JdbcClient jdbc,
            Clock clock,
            ObjectProvider<SearchDocumentSource> sources) {
        this.engine = openEngine(Path.of(dataDir));
        if (engine.discardIfVersionDiffers(VERSION)) {
            log.info("Search index written by another analysis version: emptied, rebuilt at start");
        }
        // a fresh index has no rebuild token, so checkAtStart will rebuild it from the database; changes
        // committed before then (first-start demo data) need not be indexed one by one first
        this.rebuildAhead = engine.commitData().get(TOKEN) == null;
        this.jdbc = jdbc;
        this.clock = clock;
        this.sources = sources;
    }

    private Path privateFolder;

    /** True from opening a fresh index until the start-up check has begun its rebuild. */
    private volatile boolean rebuildAhead;

    /**
     * Opens {@code data-dir/index}. If another process (or a second application context in the same
     * test JVM) holds it, this one gets a private folder beside it, rebuilt from the database and
     * deleted on close.
     */
    private LuceneEngine openEngine(Path dataDir) {
        try {
            return LuceneEngine.open(dataDir.resolve("index"), new Ranker());
        } catch (java.io.UncheckedIOException e) {
            if (!(e.getCause() instanceof org.apache.lucene.store.LockObtainFailedException)) {
                throw e;
            }
            privateFolder = dataDir.resolve("index-" + UUID.randomUUID());
            log.warn("Search index {} is in use; using {} for this instance", dataDir.resolve("index"), privateFolder);
            return LuceneEngine.open(privateFolder, new Ranker());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkAtStart() {
        Map<String, String> data = engine.commitData();
        String dbToken = jdbc.sql("SELECT token FROM search_state WHERE id = 1")
                .query(String.class)
                .optional()
                .orElse(null);
        boolean stale = dbToken == null
                || !dbToken.equals(data.get(TOKEN))
                || !engine.ranker().version().equals(data.get(VERSION));
        if (stale) {
            log.info("Search index missing or stale: rebuilding in the background");
            // cleared first: a change skipped while it was set committed before the rebuild reads the database
            rebuildAhead = false;
            rebuild();
        } else {
            rebuildAhead = false;
            Thread t = new Thread(engine::relearn, "search-relearn");
            t.setDaemon(true);
            t.start();
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(SearchDocumentChanged event) {
        if (!rebuildAhead) {
            index(event.document());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(SearchDocumentRemoved event) {
        if (!rebuildAhead) {
            delete(event.type(), event.id());
        }
    }

    @Override
    public void index(SearchDocument document) {
        engine.add(document);
        engine.expungeDeletesIfSmall();
    }

    @Override
    public void indexAll(Collection<SearchDocument> documents) {
        engine.addAll(documents);
        engine.expungeDeletesIfSmall();
    }

    @Override
    public void delete(String type, String id) {
        engine.delete(type, id);
        engine.expungeDeletesIfSmall();
    }

    @Override
    public SearchResults search(SearchQuery query) {
        return engine.search(query, LuceneEngine.Agreement.NONE, true);
    }

    @Override
    public long count(SearchQuery query) {
        return engine.count(query);
    }

    @Override
    public Optional<SearchDocument> get(String type, String id) {
        return engine.get(type, id);
    }

    @Override
    public IndexStatus status() {
        return new IndexStatus(engine.size(), rebuilding.get(), done.get(), total.get(), started, finished, lastError);
    }

    @Override
    public boolean rebuild() {
        if (!rebuilding.compareAndSet(false, true)) {
            return false;
        }
        done.set(0);
        total.set(0);
        started = clock.instant();
        finished = null;
        Thread t = new Thread(this::rebuildNow, "search-rebuild");
        t.setDaemon(true);
        t.start();
        return true;
    }

    /** Rebuilds synchronously (the caller holds the rebuilding flag). */
    void rebuildNow() {
        try {
            List<SearchDocumentSource> all = sources.orderedStream().toList();
            total.set(all.stream().mapToLong(SearchDocumentSource::count).sum());
            engine.deleteAll();
            for (SearchDocumentSource source : all) {
                source.forEach(d -> {
                    engine.addNew(d);
                    done.incrementAndGet();
                });
            }
            String token = UUID.randomUUID().toString();
            engine.commit(Map.of(TOKEN, token, VERSION, engine.ranker().version()));
            Instant now = clock.instant();
            int updated = jdbc.sql(
                            "UPDATE search_state SET token = ?, analysis_version = ?, rebuilt_at = ? WHERE id = 1")
                    .params(token, engine.ranker().version(), Sql.timestamp(now))
                    .update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO search_state (id, token, analysis_version, rebuilt_at) VALUES (1, ?, ?, ?)")
                        .params(token, engine.ranker().version(), Sql.timestamp(now))
                        .update();
            }
            lastError = null;
            log.info("Search index rebuilt: {} documents", done.get());
        } catch (RuntimeException e) {
            lastError = e.getMessage();
            log.error("Search index rebuild failed", e);
        } finally {
            finished = clock.instant();
            rebuilding.set(false);
        }
    }

    /** Waits until no rebuild runs (tests and the admin page's synchronous variant). */
    boolean awaitRebuild(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (rebuilding.get() && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        return !rebuilding.get();
    }

    @Override
    public List<SearchHit> match(MatchRequest request) {
        return engine.search(toQuery(request), agreement(request), true).hits();
    }

    @Override
    public List<InstitutionMatch> institutions(MatchRequest request) {
        SearchQuery q = toQuery(request).withPage(0, Math.max(50, request.limit() * 5));
        Map<Long, List<SearchHit>> byOrg = new LinkedHashMap<>();
        for (SearchHit h : engine.search(q, agreement(request), true).hits()) {
            Long org = h.document().ownerOrganisation();
            if (org != null) {
                byOrg.computeIfAbsent(org, k -> new ArrayList<>()).add(h);
            }
        }
        List<InstitutionMatch> out = new ArrayList<>();
        byOrg.forEach((org, hits) -> out.add(new InstitutionMatch(
                org, hits.stream().mapToDouble(SearchHit::score).sum(), hits)));
        out.sort(Comparator.comparingDouble(InstitutionMatch::score).reversed());
        return out.subList(0, Math.min(out.size(), request.limit()));
    }

    private static LuceneEngine.Agreement agreement(MatchRequest r) {
        return new LuceneEngine.Agreement(r.industry(), r.fields(), r.excludeOrganisation());
    }

    private SearchQuery toQuery(MatchRequest r) {
        return new SearchQuery(
                r.text(), r.targetTypes(), null, r.county(), r.filters(), r.ranges(), r.scope(), 0, r.limit());
    }

    @Override
    public void close() {
        engine.close();
        if (privateFolder != null) {
            try (var files = java.nio.file.Files.walk(privateFolder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException e) {
                log.warn("Could not delete {}", privateFolder);
            }
        }
    }
}

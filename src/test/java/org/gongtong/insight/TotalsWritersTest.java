package org.gongtong.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link Totals} keeps a COUNT or SUM only while the tables it reads have not been written, so
 * every statement that writes one of them must be followed by {@code totals.changed(…)} naming it.
 * This reads the sources: each INSERT, UPDATE or DELETE of a cached table (and each DELETE over a
 * list of table names in a loop) must have its {@code totals.changed} within a few lines after the
 * statement ends, and every table a total reads must be on the list checked here.
 */
class TotalsWritersTest {

    /** The tables the cached totals read (besides organisation, which has its fingerprint). */
    static final Set<String> CACHED = Set.of(
            "tech_need",
            "tech_result",
            "brokerage",
            "tech_contract",
            "fund",
            "fund_commitment",
            "fund_investment",
            "risk_loan",
            "risk_pool_entry",
            "booking",
            "instrument",
            "incubatee",
            "incubator",
            "cultivation_record",
            "talent_appointment",
            "institution_figure",
            "rnd_institution",
            "grant_application");

    private static final Path SOURCES = Path.of("src/main/java/org/gongtong");
    private static final Pattern WRITE = Pattern.compile("(INSERT INTO|UPDATE|DELETE FROM|MERGE INTO) ([a-z_]+)\\b");
    private static final Pattern LOOP_DELETE = Pattern.compile("\"DELETE FROM \" \\+ (\\w+)");
    private static final Pattern TABLES_ARG = Pattern.compile("totals\\.(count|sum|countAndSum)\\(");

    @Test
    void everyWriteOfACachedTableIsFollowedByChanged() throws IOException {
        List<String> missing = new ArrayList<>();
        int writes = 0;
        for (Path file : javaFiles()) {
            List<String> lines = Files.readAllLines(file);
            for (int k = 0; k < lines.size(); k++) {
                Matcher m = WRITE.matcher(lines.get(k));
                while (m.find()) {
                    String table = m.group(2);
                    if (!CACHED.contains(table)) {
                        continue;
                    }
                    writes++;
                    if (!changedAfter(lines, k, "\"" + table + "\"")) {
                        missing.add(file + ":" + (k + 1) + " writes " + table);
                    }
                }
                Matcher loop = LOOP_DELETE.matcher(lines.get(k));
                if (loop.find() && loopsOverCached(lines, k) && !changedAfter(lines, k, loop.group(1) + ")")) {
                    missing.add(file + ":" + (k + 1) + " deletes from a cached table in a loop");
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(writes).as("write statements found").isGreaterThan(30);
    }

    @Test
    void everyTableACachedTotalReadsIsChecked() throws IOException {
        Set<String> named = new TreeSet<>();
        for (Path file : javaFiles()) {
            String text = Files.readString(file);
            Matcher m = TABLES_ARG.matcher(text);
            while (m.find()) {
                // the table names are the string literals of the call's last arguments, up to its ';'
                String call = text.substring(m.end(), text.indexOf(';', m.end()));
                Matcher literal = Pattern.compile("\"([a-z_]+)\"\\)*\\s*(,|$)").matcher(call);
                while (literal.find()) {
                    named.add(literal.group(1));
                }
            }
        }
        assertThat(named).isNotEmpty();
        assertThat(CACHED).containsAll(named);
    }

    private static boolean changedAfter(List<String> lines, int from, String needle) {
        int end = from;
        while (end < lines.size() && !lines.get(end).stripTrailing().endsWith(";")) {
            end++;
        }
        for (int k = end; k < Math.min(lines.size(), end + 4); k++) {
            if (lines.get(k).contains("totals.changed(") && lines.get(k).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    private static boolean loopsOverCached(List<String> lines, int at) {
        for (int k = Math.max(0, at - 3); k < at; k++) {
            for (String t : CACHED) {
                if (lines.get(k).contains("\"" + t + "\"")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> s = Files.walk(SOURCES)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}

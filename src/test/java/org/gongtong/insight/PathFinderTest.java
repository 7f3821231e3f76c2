package org.gongtong.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.gongtong.insight.internal.PathFinder;
import org.junit.jupiter.api.Test;

class PathFinderTest {

    private static long[] e(long a, long b) {
        return new long[] {a, b};
    }

    @Test
    void findsTheShortestOfSeveralPaths() {
        // 1-2-3-4-5 and a shortcut 2-5
        PathFinder f = new PathFinder(List.of(e(1, 2), e(2, 3), e(3, 4), e(4, 5), e(5, 2)));
        assertThat(f.shortestPath(1, 5)).containsExactly(1L, 2L, 5L);
        assertThat(f.shortestPath(5, 1)).containsExactly(5L, 2L, 1L);
        assertThat(f.shortestPath(3, 3)).containsExactly(3L);
    }

    @Test
    void edgesHaveNoDirection() {
        PathFinder f = new PathFinder(List.of(e(2, 1), e(3, 2)));
        assertThat(f.shortestPath(1, 3)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void unconnectedOrUnknownGivesNoPath() {
        PathFinder f = new PathFinder(List.of(e(1, 2), e(3, 4)));
        assertThat(f.shortestPath(1, 4)).isEmpty();
        assertThat(f.shortestPath(1, 99)).isEmpty();
        assertThat(f.shortestPath(99, 99)).isEmpty();
    }

    @Test
    void equallyShortPathsAlwaysGiveTheSameAnswer() {
        // 1-2-4 and 1-3-4: the lower id wins
        PathFinder f = new PathFinder(List.of(e(1, 3), e(3, 4), e(1, 2), e(2, 4)));
        assertThat(f.shortestPath(1, 4)).containsExactly(1L, 2L, 4L);
    }

    /** Seeded random graphs: every path found is made of real edges and no shorter path exists. */
    @Test
    void randomGraphsAgreeWithBruteForceDistances() {
        Random random = new Random(20261127L);
        for (int round = 0; round < 200; round++) {
            int n = 2 + random.nextInt(12);
            List<long[]> edges = new ArrayList<>();
            Set<String> has = new HashSet<>();
            for (int k = 0; k < random.nextInt(n * 2); k++) {
                long a = random.nextInt(n);
                long b = random.nextInt(n);
                edges.add(e(a, b));
                has.add(a + "-" + b);
                has.add(b + "-" + a);
            }
            int[][] d = floyd(n, edges);
            PathFinder f = new PathFinder(edges);
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    List<Long> p = f.shortestPath(a, b);
                    if (a == b) {
                        continue;
                    }
                    if (d[a][b] >= 1_000) {
                        assertThat(p).isEmpty();
                    } else {
                        assertThat(p).hasSize(d[a][b] + 1).startsWith((long) a).endsWith((long) b);
                        for (int i = 0; i + 1 < p.size(); i++) {
                            assertThat(has).contains(p.get(i) + "-" + p.get(i + 1));
                        }
                    }
                }
            }
        }
    }

    private static int[][] floyd(int n, List<long[]> edges) {
        int[][] d = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = i == j ? 0 : 1_000;
            }
        }
        for (long[] x : edges) {
            if (x[0] != x[1]) {
                d[(int) x[0]][(int) x[1]] = 1;
                d[(int) x[1]][(int) x[0]] = 1;
            }
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    d[i][j] = Math.min(d[i][j], d[i][k] + d[k][j]);
                }
            }
        }
        return d;
    }
}

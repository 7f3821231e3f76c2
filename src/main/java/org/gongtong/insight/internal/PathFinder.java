package org.gongtong.insight.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shortest path between two organisations of the collaboration graph, by number of relations
 * (breadth-first search over undirected edges). Neighbours are visited in ascending id order, so
 * among equally short paths the answer is always the same one.
 */
public final class PathFinder {

    private final Map<Long, Set<Long>> adjacency = new HashMap<>();

    public PathFinder(Iterable<long[]> edges) {
        for (long[] e : edges) {
            if (e[0] == e[1]) {
                continue;
            }
            adjacency.computeIfAbsent(e[0], k -> new java.util.TreeSet<>()).add(e[1]);
            adjacency.computeIfAbsent(e[1], k -> new java.util.TreeSet<>()).add(e[0]);
        }
    }

    /** The organisations on a shortest path from {@code from} to {@code to}, both included; empty if none. */
    public List<Long> shortestPath(long from, long to) {
        if (from == to) {
            return adjacency.containsKey(from) ? List.of(from) : List.of();
        }
        if (!adjacency.containsKey(from) || !adjacency.containsKey(to)) {
            return List.of();
        }
        Map<Long, Long> previous = new HashMap<>();
        Set<Long> seen = new LinkedHashSet<>();
        ArrayDeque<Long> queue = new ArrayDeque<>();
        queue.add(from);
        seen.add(from);
        while (!queue.isEmpty()) {
            long at = queue.poll();
            for (long next : adjacency.getOrDefault(at, Set.of())) {
                if (seen.add(next)) {
                    previous.put(next, at);
                    if (next == to) {
                        List<Long> path = new ArrayList<>();
                        for (Long p = to; p != null; p = previous.get(p)) {
                            path.add(p);
                        }
                        Collections.reverse(path);
                        return path;
                    }
                    queue.add(next);
                }
            }
        }
        return List.of();
    }
}

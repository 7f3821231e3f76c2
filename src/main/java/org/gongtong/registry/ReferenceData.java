package org.gongtong.registry;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Counties and city zones of Liaocheng, the nine industries and the GB/T 4754-2017 classes. Small
 * and fixed, so they are read once and kept; resolving accepts a code or a Chinese name.
 */
@Service
public class ReferenceData {

    /** A county (县市区) or city zone (市属开发区). */
    public record County(String code, String name, String nameEn, String kind) {
        public String label(Locale locale) {
            return locale.getLanguage().equals("en") ? nameEn : name;
        }
    }

    /** One of the nine key industries. */
    public record Industry(String code, String name, String nameEn) {
        public String label(Locale locale) {
            return locale.getLanguage().equals("en") ? nameEn : name;
        }
    }

    /** A GB/T 4754-2017 entry (section, division, group or class). */
    public record IndustryClass(String code, int level, String name, String parent) {}

    private final JdbcClient jdbc;
    private volatile List<County> counties;
    private volatile List<Industry> industries;
    private final Map<String, IndustryClass> classes = new ConcurrentHashMap<>();

    ReferenceData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<County> counties() {
        if (counties == null) {
            counties = jdbc.sql("SELECT code, name, name_en, kind FROM county ORDER BY sort_order")
                    .query((rs, n) -> new County(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                    .list();
        }
        return counties;
    }

    public List<Industry> industries() {
        if (industries == null) {
            industries = jdbc.sql("SELECT code, name, name_en FROM industry ORDER BY sort_order")
                    .query((rs, n) -> new Industry(rs.getString(1), rs.getString(2), rs.getString(3)))
                    .list();
        }
        return industries;
    }

    public Optional<County> county(String codeOrName) {
        return find(counties(), codeOrName, County::code, County::name);
    }

    public Optional<Industry> industry(String codeOrName) {
        return find(industries(), codeOrName, Industry::code, Industry::name);
    }

    public Map<String, County> countiesByCode() {
        return counties().stream().collect(Collectors.toMap(County::code, Function.identity()));
    }

    public Map<String, Industry> industriesByCode() {
        return industries().stream().collect(Collectors.toMap(Industry::code, Function.identity()));
    }

    public Optional<IndustryClass> industryClass(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        IndustryClass cached = classes.get(c);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<IndustryClass> found = jdbc.sql("SELECT code, level, name, parent FROM industry_class WHERE code = :c")
                .param("c", c)
                .query((rs, n) -> new IndustryClass(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .optional();
        found.ifPresent(ic -> classes.put(c, ic));
        return found;
    }

    /** GB/T 4754 entries whose code starts with, or name contains, {@code q}. */
    public List<IndustryClass> searchClasses(String q, int limit) {
        String s = q == null ? "" : q.strip();
        return jdbc.sql("SELECT code, level, name, parent FROM industry_class WHERE code LIKE :p OR name LIKE :n"
                        + " ORDER BY code LIMIT :limit")
                .param("p", s.toUpperCase(Locale.ROOT) + "%")
                .param("n", "%" + s + "%")
                .param("limit", Math.max(1, Math.min(limit, 200)))
                .query((rs, n) -> new IndustryClass(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    private static <T> Optional<T> find(
            List<T> items, String codeOrName, Function<T, String> code, Function<T, String> name) {
        if (codeOrName == null || codeOrName.isBlank()) {
            return Optional.empty();
        }
        String v = codeOrName.strip();
        return items.stream()
                .filter(i -> code.apply(i).equalsIgnoreCase(v) || name.apply(i).equals(v))
                .findFirst();
    }
}

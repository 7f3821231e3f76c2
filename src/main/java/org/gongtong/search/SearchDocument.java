package org.gongtong.search;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One searchable record of any module.
 *
 * @param type record type, e.g. {@code need}, {@code result}, {@code expert}, {@code patent},
 *     {@code organisation}, {@code commissioner}; ids are unique per type
 * @param id the record's id in its module
 * @param title short title (weighted higher than the body)
 * @param body the free text (abstract, description)
 * @param ownerOrganisation registry id of the organisation the record belongs to, null if none
 * @param visibility who may find it
 * @param industry industry code or name (exact-match filter, and a ranking signal in matching)
 * @param county county code of the owning organisation (exact-match filter)
 * @param fields further exact-match keyword fields, each with one or more values (e.g.
 *     {@code field}, {@code cooperation}, {@code discipline}, {@code ipc}, {@code status})
 * @param numbers numeric fields for range filters and display (e.g. {@code trl})
 */
public record SearchDocument(
        String type,
        String id,
        String title,
        String body,
        Long ownerOrganisation,
        Visibility visibility,
        String industry,
        String county,
        Map<String, List<String>> fields,
        Map<String, Long> numbers) {

    public SearchDocument {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        visibility = visibility == null ? Visibility.INSTITUTE_ONLY : visibility;
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        numbers = numbers == null ? Map.of() : Map.copyOf(numbers);
    }

    /** A public document with only text (the evaluation and simple callers). */
    public static SearchDocument text(String type, String id, String title, String body) {
        return new SearchDocument(type, id, title, body, null, Visibility.PUBLIC, null, null, Map.of(), Map.of());
    }

    /** The key unique across types. */
    public String key() {
        return type + ":" + id;
    }
}

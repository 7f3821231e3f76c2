package org.gongtong.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.gongtong.registry.Organisation;
import org.gongtong.registry.OrganisationCriteria;
import org.gongtong.registry.OrganisationKind;
import org.gongtong.registry.ReferenceData;
import org.gongtong.registry.Registry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal's figures and directories, every one read from the platform's own data at request
 * time (never typed in), and only what is public: organisations' names, element, county, industry
 * and description — never contacts or size figures.
 */
@Service
public class PortalFigures {

    /** Elements the service directory lists. */
    public static final List<String> SERVICE_KINDS = List.of("SERVICE", "FINANCE", "RESEARCH", "UNIVERSITY");

    private final Registry registry;
    private final ReferenceData reference;
    private final Cms cms;

    PortalFigures(Registry registry, ReferenceData reference, Cms cms) {
        this.registry = registry;
        this.reference = reference;
        this.cms = cms;
    }

    /** The home page's numbers. */
    public record Home(
            long organisations,
            Map<String, Long> byElement,
            long researchInstitutions,
            long counties,
            long industries,
            long policies,
            long news,
            long practices,
            long upcomingEvents) {}

    /** An organisation as the public may see it. */
    public record PublicOrganisation(
            long id, String kind, String name, String county, String industry, String description) {}

    /** The public technology market's figures; absent until the market module is present. */
    public record Market(
            boolean available, long publicResults, long openNeeds, List<PublicItem> results, List<PublicItem> needs) {
        static Market none() {
            return new Market(false, 0, 0, List.of(), List.of());
        }
    }

    /** A public result, need or other hit of the public search. */
    public record PublicItem(String kind, String title, String summary, String link) {}

    @Transactional(readOnly = true)
    public Home home() {
        Map<String, Long> byKind = registry.countBy("kind");
        Map<String, Long> byElement = new LinkedHashMap<>();
        for (OrganisationKind k : OrganisationKind.values()) {
            byElement.put(k.name(), byKind.getOrDefault(k.name(), 0L));
        }
        return new Home(
                registry.count(),
                byElement,
                byElement.get(OrganisationKind.RESEARCH.name()),
                reference.counties().size(),
                reference.industries().size(),
                cms.countPublished(Section.POLICY),
                cms.countPublished(Section.NEWS),
                cms.countPublished(Section.PRACTICE),
                cms.upcomingEvents(100).size());
    }

    @Transactional(readOnly = true)
    public Market market() {
        return Market.none();
    }

    @Transactional(readOnly = true)
    public PageResult<PublicOrganisation> services(String q, String kind, PageRequest page) {
        OrganisationKind k = kind != null && SERVICE_KINDS.contains(kind)
                ? OrganisationKind.valueOf(kind)
                : OrganisationKind.SERVICE;
        return registry.search(new OrganisationCriteria(q, k, null, null, null), page)
                .map(this::publicView);
    }

    /** Hits outside the portal's own content: organisations of the directory by name. */
    @Transactional(readOnly = true)
    public List<PublicItem> publicSearch(String q) {
        List<PublicItem> hits = new ArrayList<>();
        for (String kind : SERVICE_KINDS) {
            for (PublicOrganisation o : services(q, kind, PageRequest.of(0, 10)).content()) {
                hits.add(new PublicItem(
                        "ORGANISATION",
                        o.name(),
                        o.description(),
                        "/portal/services?kind=" + o.kind() + "&q="
                                + java.net.URLEncoder.encode(o.name(), java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        return hits;
    }

    PublicOrganisation publicView(Organisation o) {
        String county = o.county() == null
                ? null
                : reference.county(o.county()).map(ReferenceData.County::name).orElse(o.county());
        String industry = o.industry() == null
                ? null
                : reference
                        .industry(o.industry())
                        .map(ReferenceData.Industry::name)
                        .orElse(o.industry());
        return new PublicOrganisation(o.id(), o.kind().name(), o.name(), county, industry, o.description());
    }
}

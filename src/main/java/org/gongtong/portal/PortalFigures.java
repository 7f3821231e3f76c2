package org.gongtong.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongtong.market.NeedCriteria;
import org.gongtong.market.ResultCriteria;
import org.gongtong.market.TechNeed;
import org.gongtong.market.TechResult;
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
    private final org.gongtong.market.Market techMarket;

    PortalFigures(Registry registry, ReferenceData reference, Cms cms, org.gongtong.market.Market techMarket) {
        this.registry = registry;
        this.reference = reference;
        this.cms = cms;
        this.techMarket = techMarket;
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

    /** The public technology market's figures: public results and open public needs. */
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
        PageResult<TechResult> results = techMarket.publicResults(ResultCriteria.ALL, PageRequest.of(0, 5));
        PageResult<TechNeed> needs = techMarket.publicNeeds(NeedCriteria.ALL, PageRequest.of(0, 5));
        return new Market(
                true,
                results.totalElements(),
                needs.totalElements(),
                results.content().stream().map(PortalFigures::item).toList(),
                needs.content().stream().map(PortalFigures::item).toList());
    }

    /** Public results (the visibility rule is the market's: PUBLIC only). */
    @Transactional(readOnly = true)
    public PageResult<TechResult> publicResults(String q, String industry, PageRequest page) {
        return techMarket.publicResults(new ResultCriteria(q, industry, null, null, null, null), page);
    }

    /** Open public needs (the market decides what is public and open). */
    @Transactional(readOnly = true)
    public PageResult<TechNeed> publicNeeds(String q, String industry, PageRequest page) {
        return techMarket.publicNeeds(new NeedCriteria(q, industry, null, null, null, null), page);
    }

    /** A public result; 404 for anything not public. */
    @Transactional(readOnly = true)
    public TechResult publicResult(long id) {
        return techMarket.publicResult(id);
    }

    /** An open public need; 404 for anything else. */
    @Transactional(readOnly = true)
    public TechNeed publicNeed(long id) {
        return techMarket.publicNeed(id);
    }

    /** The portal's page of a result. */
    public static String resultPath(long id) {
        return "/portal/market/results/" + id;
    }

    /** The portal's page of a need. */
    public static String needPath(long id) {
        return "/portal/market/needs/" + id;
    }

    static PublicItem item(TechResult r) {
        return new PublicItem("result", r.title(), r.summary(), resultPath(r.id()));
    }

    static PublicItem item(TechNeed n) {
        return new PublicItem("need", n.title(), n.description(), needPath(n.id()));
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

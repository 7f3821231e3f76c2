package org.gongtong.market.web;

import static org.gongtong.market.web.MarketLists.actor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.gongtong.market.Cooperation;
import org.gongtong.market.Market;
import org.gongtong.market.MarketSheets;
import org.gongtong.market.NeedCriteria;
import org.gongtong.market.NeedForm;
import org.gongtong.platform.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Technology needs: the filtered list, its export, posting a need, a need's matches. */
@Controller
@RequestMapping("/market/needs")
class NeedPages {

    private static final String PATH = "/market/needs";

    private final Market market;
    private final MarketSheets sheets;
    private final MarketLists lists;

    NeedPages(Market market, MarketSheets sheets, MarketLists lists) {
        this.market = market;
        this.sheets = sheets;
        this.lists = lists;
    }

    @GetMapping
    String list(@RequestParam Map<String, String> params, HttpServletRequest request, Model model) {
        NeedCriteria c = criteria(params);
        return lists.show(
                model, "market/needs", PATH, market.needs(c, actor(), MarketLists.page(params)), c, request, null);
    }

    @PostMapping
    String create(@RequestParam MultiValueMap<String, String> posted, Model model) {
        MarketLists.FormValues f = lists.form(posted);
        return lists.submit(
                f,
                () -> {
                    NeedForm form = new NeedForm(
                            f.text("title"),
                            f.text("description"),
                            f.text("industry"),
                            f.text("field"),
                            f.money("budgetMin"),
                            f.money("budgetMax"),
                            f.cooperation(),
                            f.date("deadline"),
                            f.visibility(),
                            f.organisation());
                    f.check();
                    return PATH + "/" + market.createNeed(form, actor()).id();
                },
                () -> lists.show(
                        model,
                        "market/needs",
                        PATH,
                        market.needs(NeedCriteria.ALL, actor(), PageRequest.of(0, MarketLists.PAGE_SIZE)),
                        NeedCriteria.ALL,
                        null,
                        f));
    }

    @GetMapping("/{id}")
    String need(
            @PathVariable long id,
            @RequestParam(required = false) String cooperation,
            @RequestParam(required = false) Integer minTrl,
            Model model) {
        List<Cooperation> c = Market.cooperation(cooperation);
        model.addAttribute(
                "m", market.matches(id, new Market.MatchFilters(c.isEmpty() ? null : c.get(0), minTrl, null), actor()));
        model.addAttribute("cooperation", cooperation);
        model.addAttribute("minTrl", minTrl);
        lists.common(model);
        return "market/need";
    }

    @GetMapping("/export")
    void export(@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        MarketLists.xlsx(response, "needs", out -> sheets.exportNeeds(criteria(params), actor(), out));
    }

    private static NeedCriteria criteria(Map<String, String> p) {
        List<Cooperation> c = Market.cooperation(p.get("cooperation"));
        return new NeedCriteria(
                p.get("q"),
                p.get("industry"),
                p.get("county"),
                null,
                c.isEmpty() ? null : c.get(0),
                p.get("status"),
                "true".equals(p.get("shared")) ? Boolean.TRUE : null);
    }
}

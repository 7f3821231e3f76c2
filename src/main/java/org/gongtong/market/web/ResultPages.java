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
import org.gongtong.market.ResultCriteria;
import org.gongtong.market.ResultForm;
import org.gongtong.platform.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Results (科技成果): the filtered list, its export, recording a result, a result's enterprises. */
@Controller
@RequestMapping("/market/results")
class ResultPages {

    private static final String PATH = "/market/results";

    private final Market market;
    private final MarketSheets sheets;
    private final MarketLists lists;

    ResultPages(Market market, MarketSheets sheets, MarketLists lists) {
        this.market = market;
        this.sheets = sheets;
        this.lists = lists;
    }

    @GetMapping
    String list(@RequestParam Map<String, String> params, HttpServletRequest request, Model model) {
        ResultCriteria c = criteria(params);
        return lists.show(
                model, "market/results", PATH, market.results(c, actor(), MarketLists.page(params)), c, request, null);
    }

    @PostMapping
    String create(@RequestParam MultiValueMap<String, String> posted, Model model) {
        MarketLists.FormValues f = lists.form(posted);
        return lists.submit(
                f,
                () -> {
                    ResultForm form = new ResultForm(
                            f.text("title"),
                            f.text("summary"),
                            f.integer("trl", "market.error.trl"),
                            f.text("ipSummary"),
                            f.text("industry"),
                            f.text("field"),
                            f.cooperation(),
                            f.money("price"),
                            f.text("terms"),
                            f.visibility(),
                            f.organisation());
                    f.check();
                    return PATH + "/" + market.createResult(form, actor()).id();
                },
                () -> lists.show(
                        model,
                        "market/results",
                        PATH,
                        market.results(ResultCriteria.ALL, actor(), PageRequest.of(0, MarketLists.PAGE_SIZE)),
                        ResultCriteria.ALL,
                        null,
                        f));
    }

    @GetMapping("/{id}")
    String result(@PathVariable long id, Model model) {
        model.addAttribute("r", market.result(id, actor()));
        model.addAttribute("enterprises", market.enterprisesFor(id, actor()));
        model.addAttribute("patents", market.patents(id, actor()));
        lists.common(model);
        return "market/result";
    }

    @GetMapping("/export")
    void export(@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
        MarketLists.xlsx(response, "results", out -> sheets.exportResults(criteria(params), actor(), out));
    }

    private static ResultCriteria criteria(Map<String, String> p) {
        List<Cooperation> c = Market.cooperation(p.get("cooperation"));
        Integer minTrl = MarketLists.intOr(p.get("minTrl"), null);
        return new ResultCriteria(
                p.get("q"), p.get("industry"), p.get("county"), null, c.isEmpty() ? null : c.get(0), minTrl);
    }
}

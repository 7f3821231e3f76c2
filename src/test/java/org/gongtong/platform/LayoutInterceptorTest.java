package org.gongtong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

/** The menu's current section and group, computed once per page from the path. */
class LayoutInterceptorTest {

    private final LayoutInterceptor layout =
            new LayoutInterceptor(new org.springframework.beans.factory.support.StaticListableBeanFactory()
                    .getBeanProvider(MenuAccess.class));

    private ModelAndView render(String path) {
        ModelAndView mav = new ModelAndView("some/page");
        layout.postHandle(new MockHttpServletRequest("GET", path), new MockHttpServletResponse(), null, mav);
        return mav;
    }

    @Test
    void marksTheSectionAndItsGroup() {
        assertThat(render("/").getModel()).containsEntry("navSection", "home").containsEntry("navGroup", "home");
        assertThat(render("/organisations/12/edit").getModel())
                .containsEntry("navSection", "organisations")
                .containsEntry("navGroup", "organisations")
                .containsEntry("currentPath", "/organisations/12/edit");
        assertThat(render("/risk-pool/bank").getModel()).containsEntry("navGroup", "funding");
        assertThat(render("/grants").getModel()).containsEntry("navGroup", "funding");
        assertThat(render("/council/meetings/3").getModel()).containsEntry("navGroup", "network");
        assertThat(render("/institute").getModel()).containsEntry("navGroup", "network");
        assertThat(render("/talent").getModel()).containsEntry("navGroup", "services");
        assertThat(render("/admin/audit").getModel()).containsEntry("navGroup", "admin");
        assertThat(render("/portal/admin/articles").getModel()).containsEntry("navGroup", "admin");
        // a section that is a top-level link has no group of its own
        assertThat(render("/insight/graph").getModel())
                .containsEntry("navSection", "insight")
                .containsEntry("navGroup", "insight");
    }

    @Test
    void leavesRedirectsAlone() {
        ModelAndView redirect = new ModelAndView("redirect:/organisations");
        layout.postHandle(
                new MockHttpServletRequest("GET", "/organisations"), new MockHttpServletResponse(), null, redirect);
        assertThat(redirect.getModel()).doesNotContainKey("navSection");
    }

    @Test
    void theLanguageSwitchKeepsThePagesQueryButItsOwnLang() {
        assertThat(LayoutInterceptor.queryWithoutLang(null)).isEmpty();
        assertThat(LayoutInterceptor.queryWithoutLang("source=CLAIMS_PAID&county=371502"))
                .isEqualTo("source=CLAIMS_PAID&county=371502&");
        assertThat(LayoutInterceptor.queryWithoutLang("lang=en&q=%E5%8D%8E&language=x"))
                .isEqualTo("q=%E5%8D%8E&language=x&");
        assertThat(render("/capital/figures").getModel()).containsEntry("langQuery", "");
    }
}

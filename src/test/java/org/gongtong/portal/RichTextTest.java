package org.gongtong.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Stored HTML can carry no script: every known way in is removed, ordinary formatting stays. */
class RichTextTest {

    private static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<img src=\"https://example.org/a.png\" onerror=\"alert(1)\">",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "<a href=\" javascript:alert(1)\">x</a>",
            "<p onclick=\"alert(1)\" style=\"background:url(javascript:alert(1))\">t</p>",
            "<svg onload=alert(1)><circle/></svg>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
            "<body onload=alert(1)>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "<form action=\"https://evil.example\"><input name=a></form>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<div><style>body{display:none}</style></div>",
            "<scr<script>ipt>alert(1)</script>",
            "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">");

    @Test
    void noScriptSurvivesSanitising() {
        for (String payload : PAYLOADS) {
            String clean = RichText.sanitise("<p>前</p>" + payload + "<p>后</p>").toLowerCase();
            assertThat(clean)
                    .as(payload)
                    .doesNotContain(
                            "<script",
                            "javascript:",
                            "onerror",
                            "onload",
                            "onclick",
                            "<iframe",
                            "<object",
                            "<embed",
                            "<svg",
                            "<style",
                            "<form",
                            "<meta",
                            "data:",
                            "style=")
                    .contains("前", "后");
        }
    }

    @Test
    void seededRandomMixesOfPayloadsStaySafe() {
        java.util.Random random = new java.util.Random(20261127L);
        for (int i = 0; i < 300; i++) {
            StringBuilder html = new StringBuilder();
            for (int j = 0; j < 4; j++) {
                html.append(PAYLOADS.get(random.nextInt(PAYLOADS.size())));
                html.append("<p>text ").append(j).append("</p>");
            }
            String clean = RichText.sanitise(html.toString()).toLowerCase();
            assertThat(clean).doesNotContain("<script", "javascript:", " on", "<iframe", "<svg", "data:");
            // sanitising is stable: cleaning the clean text changes nothing
            assertThat(RichText.sanitise(clean).toLowerCase()).isEqualTo(clean);
        }
    }

    @Test
    void ordinaryFormattingAndSafeLinksStay() {
        String html = "<h2>标题</h2><p><strong>粗</strong> <em>斜</em></p><ul><li>一</li></ul>"
                + "<a href=\"https://www.liaocheng.gov.cn/x\">市政府</a> <a href=\"/portal/policies\">政策</a>"
                + "<table><tr><td>1</td></tr></table>";
        String clean = RichText.sanitise(html);
        assertThat(clean)
                .contains("<h2>标题</h2>", "<strong>粗</strong>", "<li>一</li>", "<td>1</td>")
                .contains("href=\"https://www.liaocheng.gov.cn/x\"", "href=\"/portal/policies\"")
                .contains("rel=\"noopener nofollow\"");
    }
}

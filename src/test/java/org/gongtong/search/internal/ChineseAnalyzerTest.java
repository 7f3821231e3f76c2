package org.gongtong.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The fast bag of a text (Han runs counted directly, the rest through the chain) equals the bag of
 * the analysis chain over the whole text, for ordinary and for awkward texts.
 */
class ChineseAnalyzerTest {

    private final ChineseAnalyzer analyzer = new ChineseAnalyzer();

    private static final String[] SAMPLES = {
        "利用数学工具和计算机图形能力将众多的地震属性映射为低维数的数据进行解释,可以提高地震属性分析的效率.",
        "地震多属性PCA-RGBA颜色融合技术是一种基于视觉的属性分析方法，取前3个(或4个)主分量利用RGBA(Red-Green-Blue-Alpha)颜色融合原理",
        "修正Rodrigues参数模型 平方和优化 大角度机动 Lyapunov函数",
        "补肾活血汤对老年单纯收缩期高血压(肾虚血瘀证)患者血管内皮功能的影响",
        "温度为25.5℃、压力1,000kPa时，e.g. 样品的U.S.A标准don't_care测试；ＡＢＣ１２３全角字符和ｘｙｚ。",
        "日本語のテキストとハングル한국어가 섞인 문장、〇と々も",
        "带变音符号的é和组合字符e\u0301以及零宽连接符\u200d和软连字符\u00ad的文本",
        "表情符号😀和‼以及⁉还有扩展汉字𠀀与兼容汉字\uF900",
        "网址https://example.com/a_b?x=1&y=2 邮箱 test@example.com 电话 0635-1234567",
        "单字 字 一 二三 四五六",
        "",
        "   ",
        "ABC",
        "技\n术\t研究",
    };

    @Test
    void samplesGiveTheSameBagAsTheChain() {
        for (String s : SAMPLES) {
            assertSameBag(s);
        }
        assertThat(ChineseAnalyzer.fastPathApplies(SAMPLES[0])).isTrue();
        assertThat(ChineseAnalyzer.fastPathApplies(SAMPLES[4])).isTrue();
        assertThat(ChineseAnalyzer.fastPathApplies(SAMPLES[5]))
                .as("kana and hangul take the chain")
                .isFalse();
    }

    @Test
    void randomTextsGiveTheSameBagAsTheChain() {
        // an alphabet weighted towards what records contain, with a few of every awkward kind
        String alphabet = "的是在和了有技术研究方法分析系统设计数据应用聊城复合材料"
                + "abcxyzABCXYZ0123456789"
                + " .,;:'\"-_/()[]%&@#+*=!?\n\t"
                + "，。、；：？！（）【】《》“”‘’—…·　"
                + "ＡＢｘｙ０１％（"
                + "αβγΩ№℃±×÷→"
                + "々〇〆〡ぁあカキｶﾞ한글ᄀ"
                + "\u0301\u200d\u00ad\ufe0f\u3099‼⁉😀"
                + "ไทย";
        Random rnd = new Random(2026);
        int fast = 0;
        for (int i = 0; i < 20_000; i++) {
            int len = 1 + rnd.nextInt(60);
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < len; k++) {
                // mostly Han and ASCII, now and then anything from the alphabet
                int p = rnd.nextInt(10) < 7 ? rnd.nextInt(34) : rnd.nextInt(alphabet.length());
                char c = alphabet.charAt(p);
                b.append(c);
                if (Character.isHighSurrogate(c) && p + 1 < alphabet.length()) {
                    b.append(alphabet.charAt(p + 1));
                }
            }
            String text = b.toString();
            if (ChineseAnalyzer.fastPathApplies(text)) {
                fast++;
            }
            assertSameBag(text);
        }
        assertThat(fast).as("texts that took the fast path").isGreaterThan(5_000);
    }

    private void assertSameBag(String text) {
        ChineseAnalyzer.Bag chain = analyzer.analyse(text).bag();
        ChineseAnalyzer.Bag fast = analyzer.bag(text);
        assertThat(asMap(fast)).as(text).isEqualTo(asMap(chain));
        assertThat(fast.length()).as(text).isEqualTo(chain.length());
    }

    private static Map<String, String> asMap(ChineseAnalyzer.Bag bag) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < bag.terms().length; i++) {
            m.put(bag.terms()[i], bag.freqs()[i] + "/" + bag.advancing()[i]);
        }
        return m;
    }
}

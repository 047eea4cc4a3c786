package io.landscape.impl.experiment.slowdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.landscape.impl.experiment.plot.Axis;
import io.landscape.impl.experiment.plot.Figure;
import io.landscape.impl.experiment.plot.Panel;

/** Paper 003's Figure 1 as drawn: readable ticks, real sub/superscripts, every real loss on the axes. */
class SlowdownPlotsTest {
    private static SlowdownExperiment.Result result;

    @BeforeAll
    static void run() {
        // the Figure 1 setting, shortened: n = 1 reaches the rounding floor near T = 1400, n = 2 decays like T^-3
        SlowdownConfig c = new SlowdownConfig(List.of(1, 2), 10, 0.1, 0.05, 4000, 1, Preset.GAUSSIAN, Dynamics.BOTH,
                20);
        result = new SlowdownExperiment().run(c, 2);
    }

    private static List<SlowdownRun> runs() {
        List<SlowdownRun> all = new ArrayList<>(result.descentRuns());
        all.addAll(result.flowRuns());
        return all;
    }

    @Test
    void lossAxisHoldsEveryRealLossAndLabelsFewDecades() {
        Axis y = SlowdownPlots.lossAxis(result);
        double floor = SlowdownRun.ROUNDING_FLOOR;
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (SlowdownRun r : runs()) {
            for (double v : r.loss()) {
                max = Math.max(max, v);
                if (v >= floor) {
                    min = Math.min(min, v);
                    assertTrue(y.contains(v), v + " outside [" + y.min() + ", " + y.max() + "]");
                }
            }
        }
        assertTrue(SlowdownPlots.reachesFloor(result), "n = 1 reaches the rounding floor in this setting");
        assertTrue(y.min() <= floor / 100 && y.min() > floor / 1e4, "band below the floor visible: " + y.min());
        assertTrue(y.max() >= max && y.max() <= 10 * max, "top from the data: " + y.max() + " for " + max);
        long labels = y.ticks().stream().filter(Axis.Tick::major).count();
        assertTrue(labels >= 4 && labels <= Axis.MAX_LABELS, labels + " labels");
    }

    @Test
    void exponentPanelHoldsTheOverParameterisedCurves() {
        Panel p = SlowdownPlots.exponentPanel(result, true);
        for (SlowdownRun r : runs()) {
            if (r.n() < 2) {
                continue;
            }
            for (int i = 0; i < r.steps().length; i++) {
                if (r.times()[i] >= SlowdownPlots.EXPONENT_MIN_ETA_T) {
                    assertTrue(p.yAxis().contains(r.logEtaTLoss(i)), "exponent " + r.logEtaTLoss(i) + " off scale");
                    assertTrue(p.xAxis().contains(r.steps()[i]));
                }
            }
        }
        assertTrue(p.yAxis().contains(-3));
    }

    @Test
    void writesPngSvgPdfWithSuperscriptTicksAndTypesetLabels(@TempDir Path dir) throws Exception {
        List<Path> files = SlowdownPlots.write(result, dir);
        assertEquals(9, files.size());
        for (String base : new String[] {SlowdownPlots.LOSS, SlowdownPlots.EXPONENT, SlowdownPlots.BOTH}) {
            assertTrue(ImageIO.read(dir.resolve(base + ".png").toFile()).getWidth() >= 1200, base);
            assertTrue(Files.readString(dir.resolve(base + ".pdf"), StandardCharsets.ISO_8859_1).startsWith("%PDF"));
        }
        Figure both = SlowdownPlots.figure(result);
        assertEquals(2 * SlowdownPlots.PANEL_WIDTH * Figure.DPI / 72.0,
                ImageIO.read(dir.resolve("figure1.png").toFile()).getWidth(), 1.0);
        both.image(36); // lays the panels out
        for (Panel p : both.panels()) {
            assertEquals(0, p.legendHits(), "legend covers data");
        }

        List<String[]> texts = texts(Files.readString(dir.resolve("figure1.svg")));
        for (String[] t : texts) {
            assertFalse(t[0].matches(".*[0-9]E-?[0-9].*"), "computer notation: " + t[0]);
            assertFalse(t[0].contains("_{") || t[0].contains("^{") || t[0].contains("*"), "markup leaked: " + t[0]);
            assertFalse(t[0].matches("0\\.0+1"), "decimal decade label: " + t[0]);
        }
        // "10" followed by a smaller, raised exponent with a true minus sign
        boolean superscript = false;
        for (int i = 0; i + 1 < texts.size(); i++) {
            String[] a = texts.get(i);
            String[] b = texts.get(i + 1);
            if (a[0].equals("10") && b[0].matches("−[0-9]+") && size(b) < size(a) && y(b) < y(a)) {
                superscript = true;
            }
        }
        assertTrue(superscript, "a 10^{−k} tick label");
        // log_{ηT}: ηT is a smaller, lowered run after "log"
        int log = -1;
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i)[0].equals("log")) {
                log = i;
            }
        }
        assertTrue(log >= 0, "the exponent axis title");
        String[] sub = texts.get(log + 1);
        assertEquals("ηT", sub[0]);
        assertTrue(size(sub) < size(texts.get(log)) && y(sub) > y(texts.get(log)), "subscript");
        assertTrue(texts.stream().anyMatch(t -> t[0].equals("w") && t[1].contains("bold")), "bold w in L(w(T))");
    }

    /** {text, style, x, y} of each SVG text element. */
    static List<String[]> texts(String svg) throws Exception {
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        NodeList nodes = doc.getElementsByTagName("text");
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            out.add(new String[] {e.getTextContent(), e.getAttribute("style"), e.getAttribute("x"), e.getAttribute("y")});
        }
        return out;
    }

    private static double size(String[] t) {
        Matcher m = Pattern.compile("font-size:([0-9.]+)px").matcher(t[1]);
        assertTrue(m.find(), t[1]);
        return Double.parseDouble(m.group(1));
    }

    private static double y(String[] t) {
        return Double.parseDouble(t[3]);
    }
}

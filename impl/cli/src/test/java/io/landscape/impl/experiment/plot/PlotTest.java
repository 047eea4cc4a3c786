package io.landscape.impl.experiment.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Ticks, rich text, clipping, legend placement and the three file formats of the plotting helper. */
class PlotTest {

    private static List<String> majorLabels(Axis a) {
        List<String> out = new ArrayList<>();
        for (Axis.Tick t : a.ticks()) {
            if (t.major()) {
                out.add(t.label());
            }
        }
        return out;
    }

    @Test
    void logAxisLabelsAFewDecadesWithRealSuperscripts() {
        // the slowdown loss axis: 32 decades, formerly 34 labels mixing "0.001" and "1E-4"
        Axis a = Axis.log(1e-31, 1);
        List<String> labels = majorLabels(a);
        assertEquals(List.of("10^{−30}", "10^{−25}", "10^{−20}", "10^{−15}", "10^{−10}", "10^{−5}", "10^{0}"), labels);
        long minor = a.ticks().stream().filter(t -> !t.major()).count();
        assertEquals(32 - 7, minor, "every other decade gets a minor tick");
        // 154 decades: every 20th labelled, a minor tick every 4 decades
        List<String> wide = majorLabels(Axis.log(1e-154, 1));
        assertTrue(wide.size() <= Axis.MAX_LABELS && wide.size() >= 4, wide.toString());
        assertTrue(wide.contains("10^{−140}"), wide.toString());
        // a short range labels every decade and gets 2…9 minor ticks
        Axis s = Axis.log(200, 2e5);
        assertEquals(List.of("10^{3}", "10^{4}", "10^{5}"), majorLabels(s));
        assertTrue(s.ticks().stream().anyMatch(t -> !t.major() && Math.abs(t.value() - 300) < 1e-9));
        assertTrue(s.ticks().stream().anyMatch(t -> !t.major() && Math.abs(t.value() - 2e5) < 1e-6));
        assertFalse(s.ticks().stream().anyMatch(t -> t.value() < 200 || t.value() > 2e5 * (1 + 1e-12)));
        assertEquals(List.of("2×10^{2}", "5×10^{2}", "10^{3}"), majorLabels(Axis.log(200, 1000)));
        assertEquals(Axis.log(1e-30, 1).min(), Axis.logDecades(4.9e-30, 0.17).min(), 0);
        assertEquals(1.0, Axis.logDecades(4.9e-30, 0.17).max(), 0);
    }

    @Test
    void linearAxisLabelsRoundNumbersWithATrueMinus() {
        assertEquals(List.of("0", "20", "40", "60", "80", "100"), majorLabels(Axis.linear(0, 102)));
        assertEquals(List.of("−4.0", "−3.5", "−3.0", "−2.5"), majorLabels(Axis.linear(-4.25, -2.5)));
        assertEquals(List.of("0", "0.02", "0.04", "0.06", "0.08"), majorLabels(Axis.linear(0, 0.095)));
        assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1.0"), majorLabels(Axis.linear(0, 1)));
        for (Axis a : List.of(Axis.linear(-1e6, 3e6), Axis.linear(1e-7, 9e-7), Axis.linear(0, 0.095))) {
            List<String> labels = majorLabels(a);
            assertTrue(labels.size() >= 3 && labels.size() <= Axis.MAX_LINEAR_LABELS, labels.toString());
            for (String l : labels) {
                assertFalse(l.contains("E") || l.contains("-"), l);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Axis.log(0, 1));
        assertThrows(IllegalArgumentException.class, () -> Axis.linear(1, 1));
    }

    @Test
    void richTextRaisesAndLowersScripts() {
        List<RichText.Run> runs = RichText.parse("log_{*ηT*} *L*(**w**)^{−3}\\*");
        assertEquals("logηT L(w)−3*", RichText.plain("log_{*ηT*} *L*(**w**)^{−3}\\*"));
        assertEquals(new RichText.Run("log", false, false, 1, 0), runs.get(0));
        RichText.Run sub = runs.get(1);
        assertEquals("ηT", sub.text());
        assertTrue(sub.italic() && sub.rise() < 0 && sub.scale() < 1, sub.toString());
        RichText.Run w = runs.stream().filter(r -> r.text().equals("w")).findFirst().orElseThrow();
        assertTrue(w.bold() && !w.italic());
        RichText.Run sup = runs.stream().filter(r -> r.text().equals("−3")).findFirst().orElseThrow();
        assertTrue(sup.rise() > 0 && sup.scale() < 1);
        assertEquals("*", runs.get(runs.size() - 1).text());
        java.awt.Font f = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10);
        assertTrue(RichText.ascent("10^{−4}", f) > RichText.ascent("10", f));
        assertTrue(RichText.descent("x_{i}", f) > RichText.descent("x", f));
    }

    @Test
    void linesAreCutAtTheFrameNotMoved() {
        Rectangle2D r = new Rectangle2D.Double(0, 0, 10, 10);
        assertArrayEquals(new double[] {5, 5, 10, 5}, Panel.clip(new double[] {5, 5}, new double[] {20, 5}, r), 1e-12);
        assertArrayEquals(new double[] {0, 5, 10, 5}, Panel.clip(new double[] {-5, 5}, new double[] {15, 5}, r), 1e-12);
        assertNull(Panel.clip(new double[] {-5, -5}, new double[] {15, -1}, r));
        // a curve falling to 10^-150 on a 10^-30 axis leaves through the bottom edge at the right place
        Panel p = new Panel(Axis.log(1, 100), Axis.log(1e-30, 1));
        Series s = Series.of(null, new double[] {1, 10, 100}, new double[] {1e-10, 1e-20, 1e-150});
        p.add(s);
        p.render(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics(),
                new Rectangle2D.Double(0, 0, 300, 200));
        var lines = p.polylines(s, p.plotBox());
        assertEquals(1, lines.size());
        var b = lines.get(0).getBounds2D();
        assertEquals(p.plotBox().getMaxY(), b.getMaxY(), 1e-9, "ends on the bottom edge");
        // 10^-20 → 10^-150 crosses 10^-30 after 10/130 of the way from T = 10 to T = 100 (half the x axis)
        double expectedX = p.plotBox().getX() + p.plotBox().getWidth() * (0.5 + 0.5 * 10.0 / 130.0);
        assertEquals(expectedX, b.getMaxX(), 1e-6);
    }

    @Test
    void autoLegendAvoidsTheData() {
        // data along the top and the left: the legend must go bottom right
        double[] x = new double[50];
        double[] top = new double[50];
        for (int i = 0; i < 50; i++) {
            x[i] = i / 49.0;
            top[i] = 0.9 + 0.1 * Math.sin(i);
        }
        Panel p = new Panel(Axis.linear(0, 1), Axis.linear(0, 1));
        p.add(Series.of("top", x, top).marker(Marker.CIRCLE));
        p.add(Series.of("left", new double[] {0.05, 0.05}, new double[] {0, 1}));
        p.render(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics(),
                new Rectangle2D.Double(0, 0, 300, 220));
        assertNotNull(p.legendBox());
        assertEquals(0, p.legendHits());
        assertTrue(p.plotBox().contains(p.legendBox()));
        assertTrue(p.legendBox().getCenterX() > p.plotBox().getCenterX()
                && p.legendBox().getCenterY() > p.plotBox().getCenterY(), "bottom right: " + p.legendBox());
        // data everywhere: the legend moves outside the plot
        Panel full = new Panel(Axis.linear(0, 1), Axis.linear(0, 1));
        for (int k = 0; k <= 10; k++) {
            full.add(Series.of(k == 0 ? "grid" : null, new double[] {0, 1}, new double[] {k / 10.0, k / 10.0}));
            full.add(Series.of(null, new double[] {k / 10.0, k / 10.0}, new double[] {0, 1}));
        }
        full.render(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics(),
                new Rectangle2D.Double(0, 0, 300, 220));
        assertTrue(full.legendBox().getX() >= full.plotBox().getMaxX(), "outside: " + full.legendBox());
    }

    static Figure sample() {
        Panel p = new Panel(Axis.log(1, 1e5), Axis.log(1e-31, 1)).xLabel("iteration *T*")
                .yLabel("*L*(**w**(*T*))");
        double[] x = {1, 10, 100, 1000, 1e4, 1e5};
        p.add(Series.of("*n* = 2", x, new double[] {0.1, 1e-3, 1e-6, 1e-9, 1e-12, 1e-15}).color(Palette.BLUE)
                .marker(Marker.SQUARE));
        p.band(1e-31, 4.9e-29, Palette.LIGHT_GREY, "rounding noise");
        return new Figure(300, 220).add(p).caption("A caption with *ε* = 2^{−52} that is long enough to wrap onto "
                + "a second line of the figure, which it should do without losing words.");
    }

    @Test
    void writesPngAt300DpiSvgWithTextAndPdf(@TempDir Path dir) throws Exception {
        Figure f = sample();
        List<Path> files = f.write(dir, "fig");
        assertEquals(List.of(dir.resolve("fig.png"), dir.resolve("fig.svg"), dir.resolve("fig.pdf")), files);

        byte[] png = Files.readAllBytes(dir.resolve("fig.png"));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals((int) Math.ceil(f.width() * 300 / 72), img.getWidth());
        assertEquals((int) Math.ceil(f.height() * 300 / 72), img.getHeight());
        assertTrue(f.height() > 220, "the caption adds height");
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadata meta = reader.getImageMetadata(0);
            var phys = ((org.w3c.dom.Element) meta.getAsTree("javax_imageio_png_1.0")).getElementsByTagName("pHYs");
            assertEquals(1, phys.getLength());
            assertEquals("11811", ((Element) phys.item(0)).getAttribute("pixelsPerUnitXAxis"), "300 dpi");
        }
        assertTrue(nonWhite(img) > 0.01, "something is drawn");

        String svg = Files.readString(dir.resolve("fig.svg"));
        var texts = SvgText.read(svg);
        assertTrue(texts.stream().anyMatch(t -> t.text().equals("−30")), "superscript exponents are text");
        assertFalse(texts.stream().anyMatch(t -> t.text().contains("E-") || t.text().contains("E−")));
        SvgText ten = texts.stream().filter(t -> t.text().equals("10")).findFirst().orElseThrow();
        SvgText exp = texts.get(texts.indexOf(ten) + 1);
        assertTrue(exp.size() < ten.size() && exp.y() < ten.y(), "raised and smaller: " + ten + " " + exp);
        assertTrue(svg.contains("xml:space=\"preserve\""));
        assertTrue(texts.stream().anyMatch(t -> t.text().equals("w") && t.style().contains("font-weight:bold")));

        try (PDDocument doc = PDDocument.load(dir.resolve("fig.pdf").toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            assertEquals(f.width(), doc.getPage(0).getMediaBox().getWidth(), 0.01);
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 72);
            assertTrue(nonWhite(page) > 0.01, "the PDF draws something");
        }
    }

    static double nonWhite(BufferedImage img) {
        long n = 0;
        for (int yy = 0; yy < img.getHeight(); yy++) {
            for (int xx = 0; xx < img.getWidth(); xx++) {
                if ((img.getRGB(xx, yy) & 0xFFFFFF) != 0xFFFFFF) {
                    n++;
                }
            }
        }
        return n / (double) (img.getWidth() * img.getHeight());
    }

    @Test
    void pngBytesAreReproducible() throws Exception {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        sample().writePng(a, 72);
        sample().writePng(b, 72);
        assertArrayEquals(a.toByteArray(), b.toByteArray());
        assertEquals(sample().svg(), sample().svg());
    }

    /** The {@code <text>} elements of an SVG document, in document order. */
    record SvgText(String text, double x, double y, double size, String style) {
        static List<SvgText> read(String svg) throws Exception {
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            var doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                    svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals("svg", doc.getDocumentElement().getTagName());
            NodeList nodes = doc.getElementsByTagName("text");
            List<SvgText> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                String style = e.getAttribute("style");
                var m = java.util.regex.Pattern.compile("font-size:([0-9.]+)px").matcher(style);
                assertTrue(m.find(), style);
                out.add(new SvgText(e.getTextContent(), Double.parseDouble(e.getAttribute("x")),
                        Double.parseDouble(e.getAttribute("y")), Double.parseDouble(m.group(1)), style));
            }
            return out;
        }
    }
}

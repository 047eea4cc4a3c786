package io.landscape.impl.experiment.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import io.landscape.impl.experiment.AtomicFiles;

/**
 * Panels side by side, with an optional caption underneath, written as PNG (at {@link #DPI} dots per inch, the
 * resolution recorded in the file), SVG (text kept as text) and PDF (text as outlines). Sizes are in points.
 */
public final class Figure {
    /** Resolution of the PNG files. */
    public static final int DPI = 300;

    private final double panelWidth;
    private final double panelHeight;
    private final List<Panel> panels = new ArrayList<>();
    private String caption;
    private double captionSize = 7.5;
    private int columns;

    /** A figure whose panels are each {@code panelWidth} × {@code panelHeight} points. */
    public Figure(double panelWidth, double panelHeight) {
        this.panelWidth = panelWidth;
        this.panelHeight = panelHeight;
    }

    public Figure add(Panel p) {
        panels.add(p);
        return this;
    }

    /**
     * A caption under the panels, wrapped at spaces to the figure width (rich text; a markup group must not contain
     * a space where the line may break: write "10^{−3}", not "10^{− 3}").
     */
    public Figure caption(String text) {
        this.caption = text;
        return this;
    }

    /** Lays the panels out in rows of {@code n} (default: all in one row). */
    public Figure columns(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("columns must be at least 1, got " + n);
        }
        this.columns = n;
        return this;
    }

    private int cols() {
        return columns == 0 ? panels.size() : Math.min(columns, panels.size());
    }

    private int rows() {
        return panels.isEmpty() ? 1 : (panels.size() + cols() - 1) / cols();
    }

    public List<Panel> panels() {
        return List.copyOf(panels);
    }

    public double width() {
        return panelWidth * cols();
    }

    public double height() {
        return panelHeight * rows() + captionHeight();
    }

    private Font captionFont() {
        return new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont((float) captionSize);
    }

    private List<String> captionLines() {
        List<String> lines = new ArrayList<>();
        if (caption == null) {
            return lines;
        }
        Font f = captionFont();
        double max = width() - 2 * Panel.PAD - 8;
        StringBuilder line = new StringBuilder();
        for (String word : caption.split(" ")) {
            String tryLine = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && RichText.width(tryLine, f) > max) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(tryLine);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private double captionHeight() {
        int n = captionLines().size();
        return n == 0 ? 0 : n * captionSize * 1.35 + 2 * Panel.PAD;
    }

    /** Draws the whole figure at the origin, in points. */
    public void render(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width(), height()));
        for (int i = 0; i < panels.size(); i++) {
            double inset = 4;
            int col = i % cols();
            int row = i / cols();
            panels.get(i).render(g, new Rectangle2D.Double(col * panelWidth + inset, row * panelHeight + inset,
                    panelWidth - 2 * inset, panelHeight - 2 * inset));
        }
        List<String> lines = captionLines();
        Font f = captionFont();
        g.setColor(new Color(0x333333));
        double y = panelHeight * rows() + Panel.PAD;
        for (String line : lines) {
            y += captionSize * 1.35;
            RichText.draw(g, line, f, Panel.PAD + 4, y - captionSize * 0.3);
        }
    }

    /** The figure as an image at {@code dpi}. */
    public BufferedImage image(int dpi) {
        headless();
        double scale = dpi / 72.0;
        int w = (int) Math.ceil(width() * scale);
        int h = (int) Math.ceil(height() * scale);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(scale, scale);
            render(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** PNG bytes at {@code dpi}, with the resolution in the pHYs chunk. */
    public void writePng(OutputStream out, int dpi) throws IOException {
        BufferedImage img = image(dpi);
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("png");
        ImageWriter writer = it.next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            String perMetre = Integer.toString((int) Math.round(dpi / 0.0254));
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            meta.mergeTree("javax_imageio_png_1.0", root);
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(img, null, meta), param);
            }
        } finally {
            writer.dispose();
        }
    }

    /**
     * SVG text (whitespace preserved); font families get generic fallbacks so viewers without DejaVu Sans still draw
     * sans-serif text.
     */
    public String svg() throws IOException {
        headless();
        VectorGraphics2D g = new VectorGraphics2D();
        render(g);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width(), height())).writeTo(bytes);
        String s = bytes.toString(StandardCharsets.UTF_8);
        // keep the spaces at the ends of text runs ("n = " then a raised or italic run), which SVG would collapse
        s = s.replaceFirst("<svg ", "<svg xml:space=\"preserve\" ");
        return s.replaceAll("font-family:(&quot;[^;]*?&quot;);", "font-family:$1,Verdana,Helvetica,Arial,sans-serif;");
    }

    /** A one-page PDF of the figure's size, text drawn as outlines. */
    public void writePdf(OutputStream out) throws IOException {
        headless();
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle((float) width(), (float) height()));
            doc.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, (float) width(), (float) height());
            try {
                render(g);
            } finally {
                g.dispose();
            }
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawForm(g.getXFormObject());
            }
            doc.save(out);
        }
    }

    /** Writes {@code base}.png, {@code base}.svg and {@code base}.pdf into {@code dir} (each atomically). */
    public List<Path> write(Path dir, String base) throws IOException {
        List<Path> out = new ArrayList<>();
        Path png = dir.resolve(base + ".png");
        AtomicFiles.write(png, os -> writePng(os, DPI));
        out.add(png);
        Path svg = dir.resolve(base + ".svg");
        String text = svg();
        AtomicFiles.write(svg, os -> os.write(text.getBytes(StandardCharsets.UTF_8)));
        out.add(svg);
        Path pdf = dir.resolve(base + ".pdf");
        AtomicFiles.write(pdf, this::writePdf);
        out.add(pdf);
        return out;
    }

    private static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}

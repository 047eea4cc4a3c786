package io.landscape.impl.experiment.plot;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A label with real sub- and superscripts, bold and italic, drawn as plain text runs (so the SVG keeps searchable
 * {@code <text>} elements and no backend needs attributed-string support).
 *
 * <p>Markup: {@code ^{…}} and {@code _{…}} raise or lower their content in a smaller font (nestable; {@code ^x} and
 * {@code _x} take one character), {@code **…**} is bold, {@code *…*} italic, a backslash takes the next character
 * literally. Example: {@code "log_{*ηT*} *L*(**w**(*T*))"}, {@code "10^{−4}"}.
 */
public final class RichText {
    /** Size of a script relative to its parent. */
    static final double SCRIPT_SCALE = 0.72;
    /** Baseline shift of a superscript, in units of the parent's size. */
    static final double SUP_SHIFT = 0.40;
    /** Baseline drop of a subscript, in units of the parent's size. */
    static final double SUB_SHIFT = 0.20;

    /** Height of capitals and digits, and depth of descenders, in units of the font size (DejaVu Sans / Helvetica). */
    static final double CAP_HEIGHT = 0.73;
    static final double DESCENT = 0.24;

    /** Text metrics of the renderer: antialiased, fractional (the same for PNG, SVG and PDF output). */
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    /**
     * One run of uniform style: {@code scale} relative to the base size, {@code rise} of its baseline above the base
     * baseline (in units of the base size).
     */
    public record Run(String text, boolean bold, boolean italic, double scale, double rise) {
    }

    private RichText() {
    }

    /** The runs of {@code markup}; unbalanced braces or markers are taken literally up to the end. */
    public static List<Run> parse(String markup) {
        List<Run> out = new ArrayList<>();
        new Parser(markup, out).parse(0, false, false, 1.0, 0.0, false);
        return merge(out);
    }

    /** The text without markup (what a reader of the SVG sees, run by run). */
    public static String plain(String markup) {
        StringBuilder b = new StringBuilder();
        for (Run r : parse(markup)) {
            b.append(r.text());
        }
        return b.toString();
    }

    /** Advance width of the label in {@code base}'s size. */
    public static double width(String markup, Font base) {
        double w = 0;
        for (Run r : parse(markup)) {
            w += font(base, r).getStringBounds(r.text(), FRC).getWidth();
        }
        return w;
    }

    /** Height of the label's ink above its baseline (cap height of each run, raised runs included). */
    public static double ascent(String markup, Font base) {
        double a = CAP_HEIGHT * base.getSize2D();
        for (Run r : parse(markup)) {
            a = Math.max(a, (CAP_HEIGHT * r.scale() + r.rise()) * base.getSize2D());
        }
        return a;
    }

    /** Depth of the label's ink below its baseline (descenders of each run, lowered runs included). */
    public static double descent(String markup, Font base) {
        double d = DESCENT * base.getSize2D();
        for (Run r : parse(markup)) {
            d = Math.max(d, (DESCENT * r.scale() - r.rise()) * base.getSize2D());
        }
        return d;
    }

    /** Draws the label with its baseline starting at (x, y), in the graphics' current colour. */
    public static void draw(Graphics2D g, String markup, Font base, double x, double y) {
        double cx = x;
        for (Run r : parse(markup)) {
            Font f = font(base, r);
            g.setFont(f);
            g.drawString(r.text(), (float) cx, (float) (y - r.rise() * base.getSize2D()));
            cx += f.getStringBounds(r.text(), FRC).getWidth();
        }
    }

    static Font font(Font base, Run r) {
        int style = (r.bold() ? Font.BOLD : 0) | (r.italic() ? Font.ITALIC : 0);
        return base.deriveFont(style, (float) (base.getSize2D() * r.scale()));
    }

    private static List<Run> merge(List<Run> runs) {
        List<Run> out = new ArrayList<>();
        for (Run r : runs) {
            if (r.text().isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                Run p = out.get(out.size() - 1);
                if (p.bold() == r.bold() && p.italic() == r.italic() && p.scale() == r.scale() && p.rise() == r.rise()) {
                    out.set(out.size() - 1, new Run(p.text() + r.text(), p.bold(), p.italic(), p.scale(), p.rise()));
                    continue;
                }
            }
            out.add(r);
        }
        return out;
    }

    private static final class Parser {
        private final String s;
        private final List<Run> out;
        private int pos;

        Parser(String s, List<Run> out) {
            this.s = s;
            this.out = out;
        }

        /** Parses from {@code pos} to the end or (when {@code group}) to the matching '}'. */
        void parse(int depth, boolean bold, boolean italic, double scale, double rise, boolean group) {
            StringBuilder text = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (group && c == '}') {
                    pos++;
                    break;
                }
                if (c == '\\' && pos + 1 < s.length()) {
                    text.append(s.charAt(pos + 1));
                    pos += 2;
                } else if ((c == '^' || c == '_') && pos + 1 < s.length()) {
                    flush(text, bold, italic, scale, rise);
                    double childScale = scale * SCRIPT_SCALE;
                    double childRise = rise + (c == '^' ? SUP_SHIFT : -SUB_SHIFT) * scale;
                    if (s.charAt(pos + 1) == '{') {
                        pos += 2;
                        parse(depth + 1, bold, italic, childScale, childRise, true);
                    } else {
                        int cp = s.codePointAt(pos + 1);
                        out.add(new Run(new String(Character.toChars(cp)), bold, italic, childScale, childRise));
                        pos += 1 + Character.charCount(cp);
                    }
                } else if (c == '*' && pos + 1 < s.length() && s.charAt(pos + 1) == '*') {
                    flush(text, bold, italic, scale, rise);
                    bold = !bold;
                    pos += 2;
                } else if (c == '*') {
                    flush(text, bold, italic, scale, rise);
                    italic = !italic;
                    pos++;
                } else {
                    text.append(c);
                    pos++;
                }
            }
            flush(text, bold, italic, scale, rise);
        }

        private void flush(StringBuilder text, boolean bold, boolean italic, double scale, double rise) {
            if (text.length() > 0) {
                out.add(new Run(text.toString(), bold, italic, scale, rise));
                text.setLength(0);
            }
        }
    }
}

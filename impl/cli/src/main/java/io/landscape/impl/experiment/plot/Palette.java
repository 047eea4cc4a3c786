package io.landscape.impl.experiment.plot;

import java.awt.Color;

/**
 * Colour-blind-safe colours: the Okabe–Ito palette (Okabe &amp; Ito, "Color Universal Design", 2002; also Wong, Nature
 * Methods 8:441, 2011) without its yellow, which is too light on white. Seven colours, ordered so that the first few
 * are the most distinct; further series need another cue (marker shape, dash).
 */
public final class Palette {
    public static final Color BLUE = new Color(0x0072B2);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color BLUISH_GREEN = new Color(0x009E73);
    public static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    public static final Color BLACK = new Color(0x000000);

    /** Reference lines, bands and secondary text. */
    public static final Color GREY = new Color(0x6E6E6E);
    public static final Color LIGHT_GREY = new Color(0xE8E8E8);

    private static final Color[] CYCLE = {BLUE, VERMILLION, BLUISH_GREEN, REDDISH_PURPLE, ORANGE, SKY_BLUE, BLACK};

    private Palette() {
    }

    /** Number of distinct colours in {@link #color}'s cycle. */
    public static int size() {
        return CYCLE.length;
    }

    /** The i-th colour (cycled). */
    public static Color color(int i) {
        return CYCLE[Math.floorMod(i, CYCLE.length)];
    }

    /** {@code c} mixed with white: 0 gives c, 1 white. */
    public static Color tint(Color c, double white) {
        return new Color(mix(c.getRed(), white), mix(c.getGreen(), white), mix(c.getBlue(), white));
    }

    private static int mix(int v, double white) {
        return (int) Math.round(v + (255 - v) * white);
    }
}
